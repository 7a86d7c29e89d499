def f(cmd):
    match cmd.split():
        case ['go', ('north' | 'south' | 'east' | 'west') as direction]:
            return f'going {direction}'
        case ['get', obj]:
            return f'getting {obj}'
        case ['drop', *objs] if objs:
            return f'dropping {", ".join(objs)}'
        case ['quit' | 'exit']:
            return 'bye'
        case _:
            return f'unknown: {cmd!r}'
for c in ['go north', 'go up', 'get lamp', 'drop a b c', 'drop', 'exit', '']:
    print(f(c))
