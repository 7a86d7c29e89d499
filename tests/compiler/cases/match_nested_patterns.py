match x:
    case {'a': [1, {'b': (c, *d)}], **e}:
        pass
    case Point(x=[a, b], y=Q(z)):
        pass
