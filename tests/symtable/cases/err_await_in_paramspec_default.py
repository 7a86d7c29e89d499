def f[**P = (await x)](): pass
