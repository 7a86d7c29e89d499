def f(d):
    match d:
        case {'type': 'point', 'x': x, 'y': y}:
            return f'point {x},{y}'
        case {'type': 'circle', 'r': r, **rest}:
            return f'circle {r} extra {rest}'
        case {}:
            return 'some mapping'
        case _:
            return 'not mapping'
print(f({'type': 'point', 'x': 1, 'y': 2, 'z': 0}))
print(f({'type': 'circle', 'r': 5, 'color': 'red'}))
print(f({'other': 1}), f([]))
