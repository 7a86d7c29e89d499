data = {'a': [1, 2], 'b': {'c': 'deep'}}
print(f"{data['a'][1]} {data['b']['c']!r} {len(data)=}")
print(f'{", ".join(f"{k}={v}" for k, v in sorted(data.items()))}')
