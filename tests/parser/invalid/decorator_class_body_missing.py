@dec
class A:
x = 1
