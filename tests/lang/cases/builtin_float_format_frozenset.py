print(float(), float('3'), format(3.14159, '.2f'), format(12), frozenset(), frozenset('aa'))
