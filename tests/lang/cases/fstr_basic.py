name = 'World'
n = 42
print(f'Hello, {name}! {n + 1} {n * 2:5d}|')
print(f'{name!r} {name!s} {name!a} {"é"!a}')
print(f'{{literal}} {n}')
print(f'{n=}', f'{n = }', f'{name=!r}', f'{n=:>5}')
print(F'upper prefix {n}', rf'raw \n {n}', fr'{n}\t')
