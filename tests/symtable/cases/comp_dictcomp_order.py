d = {k: v for k in ks for v in vs}
