a = f'{x!s}{x!r}{x!a}'
b = f'{x:>{w}.{p}}'
c = f'{x:{y}}'
