def f(*, a, **k): return [*a, *b], {**k}
