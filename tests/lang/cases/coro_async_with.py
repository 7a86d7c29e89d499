class ACM:
    def __init__(self, name): self.name = name
    async def __aenter__(self):
        print('enter', self.name)
        return self.name.upper()
    async def __aexit__(self, et, ev, tb):
        print('exit', self.name, et.__name__ if et else None)
        return True
async def main():
    async with ACM('a') as x, ACM('b') as y:
        print('body', x, y)
        raise ValueError('suppressed')
    return 'after'
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
