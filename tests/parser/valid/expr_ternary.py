a if b else c
a if b else c if d else e
(a if b else c) if d else e
x = lambda: a if b else c
f(a if b else c)
[x if x else y for x in z]
