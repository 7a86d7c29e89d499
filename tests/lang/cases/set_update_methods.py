s = {1, 2}
s.update([3], (4,), {5})
s.intersection_update({1, 2, 3, 4, 9})
s.difference_update([1])
s.symmetric_difference_update({4, 8})
print(sorted(s))
c = s.copy(); c.add(100)
print(sorted(s), sorted(c), s < c)
