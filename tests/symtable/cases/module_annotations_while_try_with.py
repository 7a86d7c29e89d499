while c:
    a: int
try:
    b: int
except E:
    pass
with m:
    c: int
