class Wait:
    def __await__(self):
        yield 'waiting'
async def c1():
    try:
        await Wait()
    except KeyError as e:
        print('coroutine caught', repr(e))
        return 'handled'
c = c1()
c.send(None)
try:
    c.throw(KeyError('x'))
except StopIteration as e:
    print(e.value)
async def c2():
    try:
        await Wait()
    finally:
        print('c2 cleanup')
c = c2()
c.send(None)
c.close()
print(c.cr_frame)
