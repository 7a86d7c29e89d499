print(f'{(lambda x: x * 2)(3)}')
print(f'{(y := 10)} {y}')
print(f'{3 if True else 4}')
print(f'{ {"a": 1}["a"] }')
