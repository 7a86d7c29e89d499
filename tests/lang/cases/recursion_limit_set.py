import sys
old = sys.getrecursionlimit()
print(old)
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
depth = 0
def rec():
    global depth
    depth += 1
    rec()
try:
    rec()
except RecursionError:
    print('hit the limit, depth under 200:', depth < 200, 'depth over 150:', depth > 150)
sys.setrecursionlimit(old)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print('ValueError:', e)
print(sys.getrecursionlimit() == old)
