s = ''.join(chr(i) for i in range(65, 91))
print(s, [ord(c) - 64 for c in 'HELLO'], sum(map(ord, 'abc')))
