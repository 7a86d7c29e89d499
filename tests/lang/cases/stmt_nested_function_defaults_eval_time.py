counter = [0]
def next_id():
    counter[0] += 1
    return counter[0]
def make(x=next_id()):
    return x
print(make(), make(), counter)
def outer():
    def inner(y=next_id()):
        return y
    return inner
print(outer()(), outer()(), counter)
