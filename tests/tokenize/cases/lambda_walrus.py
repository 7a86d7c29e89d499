if (n := len(a)) > 10: pass
f = lambda x, *y, **z: x
