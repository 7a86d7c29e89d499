class AIt:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2:
            raise StopAsyncIteration
        return self.i
a = aiter(AIt())
def run(aw):
    try:
        aw.send(None)
    except StopIteration as e:
        return e.value
print(run(anext(a)), run(anext(a)), run(anext(a, 'dflt')))
