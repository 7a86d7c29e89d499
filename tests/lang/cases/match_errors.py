src_list = [
    'match x:\n    case a | b:\n        pass',
    'match x:\n    case y:\n        pass\n    case 1:\n        pass',
    'match x:\n    case [a, a]:\n        pass',
    'match x:\n    case {"k": 1, "k": 2}:\n        pass',
    'match x:\n    case (a, *b, *c):\n        pass',
]
for src in src_list:
    try:
        compile(src, '<match>', 'exec')
        print('ok')
    except SyntaxError as e:
        print(e.msg)
class C:
    __match_args__ = ('a',)
    a = 1
try:
    match C():
        case C(1, 2):
            pass
except TypeError as e:
    print('TypeError:', e)
try:
    match 5:
        case len():
            pass
except TypeError as e:
    print('TypeError:', e)
