a = '%s %r %a' % (x, y, z)
b = '%5s|%-5s|%.2s' % (x, y, z)
c = '%d' % (x,)
d = '%s' % x
e = '%%s %s' % (y,)
