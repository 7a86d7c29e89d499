print(format(True), format(True, 'd'), format(False, '>6'), f'{True:x}')
print(format(None), f'{None!r:>6}|')
print(format(1 + 2j), format(1.5 - 2j, '.2f'), format(3j, '>12'), format(complex(1, -0.0)))
