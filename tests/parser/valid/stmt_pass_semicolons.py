pass; pass
x = 1; y = 2;
