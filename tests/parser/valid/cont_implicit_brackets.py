x = (1 +
     2)
y = [1,
     2,
     3]
z = {
    'a': 1,
    'b': 2,
}
f(a,
  b,
  c=3)
def g(a,
      b):
    pass
