class Cfg: pass
cfg = Cfg()
for k, v in [('host', 'h'), ('port', 80)]:
    setattr(cfg, k, v)
print(sorted(vars(cfg).items()), getattr(cfg, 'host'))
Cfg.method = lambda self: 'added later'
print(cfg.method())
del Cfg.method
print(hasattr(cfg, 'method'))
