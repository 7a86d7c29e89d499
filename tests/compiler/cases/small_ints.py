a = 0
b = 255
c = 256
d = True
e = False
f = 128
