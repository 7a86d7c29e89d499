match = 1
case = 2
_ = 3
type = 4
print(match, case, _, type)
match.x = 5
match[0] = 6
match(x)
case(y)
def match(case): return case
class type: pass
match * 2
match, case = 1, 2
