class User:
    def __init__(self, name, role): self.name, self.role = name, role
def check(x):
    match x:
        case User(role='admin', name=n):
            return 'admin ' + n
        case User(name=n):
            return 'user ' + n
        case {'name': n, **others} if not others:
            return 'exact dict ' + n
        case {'name': n, **others}:
            return f'dict {n} + {sorted(others)}'
print(check(User('ann', 'admin')), check(User('bob', 'guest')), check({'name': 'c'}), check({'name': 'd', 'x': 1}))
