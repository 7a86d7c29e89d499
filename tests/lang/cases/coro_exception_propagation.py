class Boom:
    def __await__(self):
        yield
        raise KeyError('in awaitable')
async def middle():
    try:
        await Boom()
    except KeyError as e:
        raise ValueError('middle wraps') from e
c = middle()
c.send(None)
try:
    c.send(None)
except ValueError as e:
    print(repr(e), repr(e.__cause__))
