t = t'hello {name}'
u = t'{a!r:>{w}} and {b}'
v = t''
