match x,:
    case _: pass
match x, y:
    case (a, b): pass
match *a, b:
    case _: pass
match (x):
    case _: pass
match f(x):
    case _: pass
match a.b[c]:
    case _: pass
match -x:
    case _: pass
match {1: 2}:
    case _: pass
match [1, 2]:
    case _: pass
match (yield_ := 1):
    case _: pass
match not_a_keyword:
    case _: pass
