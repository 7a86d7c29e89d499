def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
    finally:
        print('received', received)
e = echo()
next(e)
for word in ['a', 'b', 'c']:
    print(e.send(word))
e.close()
