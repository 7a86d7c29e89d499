# generators.py: generator pipelines and yield from.
def numbers(n):
    for i in range(n):
        yield i

def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x

def squares(it):
    yield from (x * x for x in it)

def chunks(it, size):
    chunk = []
    for x in it:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk

total = 0
for c in chunks(squares(evens(numbers(2000000))), 100):
    total += sum(c)
print(total)
