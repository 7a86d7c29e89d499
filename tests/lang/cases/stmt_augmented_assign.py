x = 5
x += 3; print(x)
x -= 1; print(x)
x *= 4; print(x)
x //= 3; print(x)
x %= 5; print(x)
x **= 3; print(x)
x /= 2; print(x)
y = 0b1100
y &= 0b1010; print(y)
y |= 1; print(y)
y ^= 0b1111; print(y)
y <<= 3; print(y)
y >>= 1; print(y)
l = [1]
l2 = l
l += [2]
print(l, l2, l is l2)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
s = 'ab'
s *= 3
print(s)
