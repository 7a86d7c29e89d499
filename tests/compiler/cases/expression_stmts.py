1
'string'
x
f()
(yield_ := 3)
