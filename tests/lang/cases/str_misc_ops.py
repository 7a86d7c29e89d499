s = 'hello'
print(s * 2, 2 * s, s * 0, s * -1, 'ell' in s, 'z' not in s, len(s), s[1:3], min(s), max(s))
print(sorted('hello'), list(reversed(s)), s < 'help', 'a' < 'B', 'Z' < 'a', 'abc' < 'abcd')
print(ord('A'), chr(97), ord('€'), chr(0x1F600), chr(0x10FFFF) == '\U0010ffff')
print('%s' % s, str(), str(b'x'), str(b'x', 'ascii'), str(bytearray(b'yz'), encoding='utf-8'))
print(hash('') == 0, 'abc'.__len__(), 'ab'.__contains__('a'), 'x'.__add__('y'))
