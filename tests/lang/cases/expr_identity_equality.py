a = [1]
b = [1]
print(a == b, a is b, a is not b)
print(None == None, None is None, 1 == 1.0, 1 == True, 'a' == 'a')
print(float('nan') == float('nan'))
n = float('nan')
print(n == n, [n] == [n], n in [n])
