def f[__classdict__](): pass
