void stub_init(void);
