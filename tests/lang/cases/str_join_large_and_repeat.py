parts = [str(i) for i in range(1000)]
s = ','.join(parts)
print(len(s), s[:20], s[-20:], s.count(','))
print(len('ab' * 10000), ('xy' * 3).upper())
