print(format(255, 'x'), format('s', '>3'), format([1, 2]), format(None, ''))
