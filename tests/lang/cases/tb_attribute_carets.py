class Config:
    def __init__(self):
        self.settings = None
cfg = Config()
print(cfg.settings.get('debug'))
