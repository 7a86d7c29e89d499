class Yield:
    def __await__(self):
        yield
async def task(name, n):
    for i in range(n):
        print(name, i)
        await Yield()
    return name + ' finished'
def run(*coros):
    q = list(coros)
    results = []
    while q:
        c = q.pop(0)
        try:
            c.send(None)
            q.append(c)
        except StopIteration as e:
            results.append(e.value)
    return results
print(run(task('A', 2), task('B', 3), task('C', 1)))
