import _sha3, _blake2, hashlib
for d in [b'', b'abc', b'a'*200, bytes(range(256))*3]:
    for f in (_sha3.sha3_224, _sha3.sha3_256, _sha3.sha3_384, _sha3.sha3_512): print(f(d).hexdigest())
    print(_sha3.shake_128(d).hexdigest(40), _sha3.shake_256(d).hexdigest(200)[-20:])
    print(_blake2.blake2b(d).hexdigest(), _blake2.blake2s(d).hexdigest())
    print(_blake2.blake2b(d, digest_size=20, key=b'k'*64, salt=b'salt', person=b'me', fanout=2, depth=3, leaf_size=77, node_offset=2**40, node_depth=4, inner_size=9, last_node=True).hexdigest())
    print(_blake2.blake2s(d, digest_size=20, key=b'k'*3, salt=b'salt', person=b'me', fanout=2, depth=3, leaf_size=77, node_offset=2**40, node_depth=4, inner_size=9, last_node=True).hexdigest())
    print(_blake2.blake2b(d, key=b'x'*128 if False else b'x').hexdigest(), _blake2.blake2s(d, key=b'x'*32).hexdigest())
h = _blake2.blake2b(b'ab'); h.update(b'c'); c = h.copy(); h.update(b'x'*500)
print(c.hexdigest(), h.hexdigest(), c.digest_size, c.block_size, c.name, _blake2.blake2b.SALT_SIZE, _blake2.blake2s.MAX_DIGEST_SIZE)
print(hashlib.sha256(b'abc').hexdigest(), hashlib.new('md5', b'x').hexdigest(), hashlib.new('sha3_256').name)
print(hashlib.blake2b(b'x', digest_size=8).hexdigest(), hashlib.shake_256(b'x').digest(5))
