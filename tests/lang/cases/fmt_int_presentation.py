n = 255
for spec in ['d', 'b', 'o', 'x', 'X', '#b', '#o', '#x', '#X', 'c', 'n', '', '08d', '+d', ' d', '-d', '_b', ',d', '=+8d', '<8d', '>8d', '^8d', '*^9d', '08_x', 'e', '.2f', '%']:
    print(repr(spec), repr(format(n, spec)))
print(format(-255, '#x'), format(-7, '08d'), format(-7, '=8d'), format(1234567, ',').replace(',', '|'))
print(format(10**20, ','), format(-10**12, '_d'))
