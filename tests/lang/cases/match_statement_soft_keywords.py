match = 'variable named match'
case = 3
print(match, case)
_ = 5
print(_)
type = 'shadowing type'
print(type)
