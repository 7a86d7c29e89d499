l = [3, 1, 2]
l.append(4); l.extend([5, 6]); l.insert(0, 0); l.insert(100, 7); l.insert(-1, 'x')
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove('x') if 'x' in l else None
print(l, l.index(2), l.count(1))
l.reverse(); print(l)
l.sort(); print(l)
c = l.copy(); c.clear(); print(c, l)
print(l + [9], l * 2, [0] * 3, 3 in l, l[::-1])
l[1:1] = ['a', 'b']; print(l)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0])
