class Countdown:
    def __init__(self, n): self.n = n
    def __await__(self):
        while self.n:
            yield self.n
            self.n -= 1
        return 'liftoff'
async def launch():
    return await Countdown(3)
c = launch()
vals = []
while True:
    try:
        vals.append(c.send(None))
    except StopIteration as e:
        vals.append(e.value)
        break
print(vals)
