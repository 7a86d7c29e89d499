data = [1, 5, 2, 8, 3]
if (n := len(data)) > 3:
    print('long', n)
big = [y for x in data if (y := x * 2) > 5]
print(big, y)
def f():
    [last := i for i in range(5)]
    return last
print(f())
total = 0
vals = [total := total + v for v in range(1, 5)]
print(vals, total)
while (chunk := data[:2]):
    print(chunk)
    data = data[2:]
