def append(x, acc=[]):
    acc.append(x)
    return acc
print(append(1), append(2), append(3, []))
print(append.__defaults__)
def kwd(*, k=10):
    return k
print(kwd(), kwd.__kwdefaults__)
