def f(x: [y for y in z]) -> {k: v for k, v in w}:
    pass
