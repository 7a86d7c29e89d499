class Node:
    next: Node | None
    value: int
print(Node.__annotations__['value'])
print(Node.__annotations__['next'])
def f(n: Node) -> Node: return n
print(f.__annotations__['n'] is Node)
