s = 'aé😀\u0301'
print(len(s), [c for c in s], [hex(ord(c)) for c in s])
print(s[::-1] == '\u0301😀éa', s.encode('utf-8').hex(' '))
print('ß'.upper(), 'ﬃ'.upper(), len('ß'.upper()), 'Σ'.lower(), 'ΌΣΟΣ'.lower())
