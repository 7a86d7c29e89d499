s = 'héllo €'
print(s.encode(), s.encode('utf-8'), s.encode('latin-1', 'replace'), s.encode('ascii', 'ignore'))
print(s.encode('ascii', 'xmlcharrefreplace'), s.encode('ascii', 'backslashreplace'))
print(s.encode('utf-16-le')[:6], len(s.encode('utf-32-be')))
b = b'caf\xc3\xa9 \xff'
print(b.decode('utf-8', 'replace'), b.decode('utf-8', 'ignore'), b.decode('latin-1'), b.decode('utf-8', 'backslashreplace'))
print(repr('\udc80'.encode('utf-8', 'surrogateescape')), b'\x80abc'.decode('utf-8', 'surrogateescape') == '\udc80abc')
try:
    '\ud800'.encode('utf-8')
except UnicodeEncodeError as e:
    print(e.reason)
