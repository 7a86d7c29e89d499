e = StopIteration()
print(e.value)
e = StopIteration(1, 2)
print(e.value, e.args)
