(y := f(x))
x = (y := 1)
[y := 1, y ** 2]
f(x := 1)
f(a, x := 2, b=3)
if (n := len(a)) > 10:
    pass
while chunk := read():
    pass
[y for x in z if (y := f(x))]
print(f"{(x := 10)}")
a[b := 1]
{x := 1, 2}
def g(): return (x := 1)
