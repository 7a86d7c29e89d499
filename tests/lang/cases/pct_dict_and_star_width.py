rows = [('apple', 1.5, 3), ('banana', 0.25, 12)]
for name, price, qty in rows:
    print('%-10s|%8.2f|%4d|' % (name, price, qty))
print('%(a)s-%(b)05.1f' % {'a': 'x', 'b': 2.25})
print('%s %s' % ('only', 'two'), '%5.1s|' % 'abc', '%-6r|' % 'q')
