async def agen():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    except KeyError:
        yield 'got KeyError'
    finally:
        print('agen finally', received)
def run(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
g = agen()
print(run(g.asend(None)))
print(run(g.asend('x')))
print(run(g.asend('y')))
print(run(g.athrow(KeyError)))
print(run(g.aclose()))
