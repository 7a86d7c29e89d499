[y for x in data if (y := f(x)) is not None]
{y for x in data if (y := f(x))}
any((z := x) for x in y)
