match x:
    case {}: pass
    case {'a': 1}: pass
    case {'b': v, **rest}: pass
    case {C.k: _}: pass
