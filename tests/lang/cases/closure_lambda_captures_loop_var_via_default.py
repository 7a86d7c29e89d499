funcs = {name: (lambda n=name: n.upper()) for name in ['x', 'y']}
print({k: f() for k, f in funcs.items()})
