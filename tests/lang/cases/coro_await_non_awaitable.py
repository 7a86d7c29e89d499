async def f():
    await 5
c = f()
try:
    c.send(None)
except TypeError as e:
    print('TypeError:', e)
