inf, nan = float('inf'), float('nan')
print(inf + 1, inf - inf, inf * 0, -inf * -1, inf / inf, 1 / inf, nan + 1, nan == nan, nan != nan)
print(0.1 + 0.2 == 0.3, abs(-0.0), -0.0 == 0.0, 1.0 // 0.3, 1.0 % 0.3, -1.0 % 0.3, 5.5 % -2, divmod(-7.5, 2))
print(2.0 ** 0.5, (-8.0) ** (1/3), 10.0 ** -2, 0.0 ** 0, 2.0 ** 1023 * 2 if False else 'skip')
for expr in ['1.0 / 0', '1.0 // 0.0', '1.0 % 0.0', '(-1.0) ** 0.5', '0.0 ** -1']:
    try:
        print(expr, eval(expr))
    except (ZeroDivisionError, OverflowError) as e:
        print(expr, type(e).__name__ + ':', e)
try:
    2.0 ** 10000
except OverflowError as e:
    # the message carries the C library's errno text, which is platform-specific
    print('2.0 ** 10000 raises', type(e).__name__, len(e.args))
