x
x.y
f()
1 + 2
*a, b
a, b
"string"
...
await_ = 1
