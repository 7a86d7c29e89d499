print(0 or 'x', '' or [] or None, 1 and 2, 0 and 1 / 0)
print(not 0, not [1], not not 'a')
def t(v):
    print('eval', v)
    return v
print(t(0) or t(2) or t(3))
print(t(1) and t(0) and t(5))
print(1 if 0 else 2 if 1 else 3)
