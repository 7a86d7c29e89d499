import struct, pickle, base64, gzip, io, binascii, hashlib, random
data = pickle.dumps({'a': [1, 2.5, (3, 'x')], 'b': b'bytes', 'c': 1 << 100, 'd': -7}, protocol=5)
print(pickle.loads(data))
for proto in range(6):
    print(proto, pickle.loads(pickle.dumps([1.5, -2, 2**40, 'é', None, True, frozenset([1])], protocol=proto)))
z = gzip.compress(b'hello world' * 10, mtime=0)
print(z.hex()[:40], gzip.decompress(z)[:11])
print(base64.b64encode(hashlib.sha1(b'x').digest()))
random.seed('seed string')
print(random.random(), random.randint(1, 100))
random.seed(b'bytes seed')
print(random.random())
