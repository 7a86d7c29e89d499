import _blake2, _sha3, _sha2
print(type.__call__(_blake2.blake2s, b'x', key=b'k').hexdigest())
print(type.__call__(_sha3.sha3_256, b'x').hexdigest(), _sha3.shake_128(data=b'x').hexdigest(4))
for cls in (_blake2.blake2b, _sha3.sha3_224, _sha2.SHA256Type):
    try:
        class C(cls):
            pass
    except TypeError as e:
        print(e)
try:
    _sha2.SHA256Type()
except TypeError as e:
    print(e)
h = _sha3.shake_256(b'abc')
c = h.copy()
h.update(b'def')
print(c.hexdigest(10), h.hexdigest(10), c.digest(0), type(c).__name__)
