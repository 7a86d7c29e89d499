def f[**P = *a](): pass
