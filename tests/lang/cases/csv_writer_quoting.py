# _csv.writer: quoting modes, escaping, line terminators, errors
import csv, io

def w(row, **kw):
    s = io.StringIO()
    try:
        r = csv.writer(s, **kw).writerow(row)
        print(repr(s.getvalue()), r)
    except Exception as e:
        print(type(e).__name__ + ':', e, repr(s.getvalue()))

for q in range(6):
    print('quoting', q)
    w(['a', '', None, 1, 2.5, True, 'b,c', 'd"e', 'f\ng'], quoting=q, escapechar='\\')
    w([''], quoting=q)
    w([None], quoting=q)
    w(['', ''], quoting=q)
w(['a"b'], doublequote=False)
w(['a"b'], doublequote=False, escapechar='\\')
w(['a\\b'], escapechar='\\')
w(['a,b'], quoting=csv.QUOTE_NONE)
w(['a,b', 'c"d', 'e\\f'], quoting=csv.QUOTE_NONE, escapechar='\\')
w(['ab', 'aXb'], lineterminator='X')
w(['a\rb', 'c\nd'], lineterminator='\n')
w(['a', '', 'b'], delimiter=' ', skipinitialspace=True)
w(['a', None, 'b'], delimiter=' ', skipinitialspace=True, quoting=csv.QUOTE_NOTNULL)
w(['a', '', 'b'], delimiter=' ', skipinitialspace=True, quoting=csv.QUOTE_NONE, escapechar='\\')
w([' a', 'b '], skipinitialspace=True)
w(['x"y'], quotechar=None, escapechar='\\')
w([])
w(())
w('abc')
w(x for x in ['g', 'en'])
w(1)
w([10**30, -0.0, 1e300, 2j, b'xy'])
w(['é€𝄞', 'a\x00b'])
w(['a'], delimiter='€', quotechar='𝄞', lineterminator='¶')
w(['a€b'], delimiter='€', quotechar='𝄞', lineterminator='¶')

class Boom:
    def __str__(self):
        raise ValueError('boom')
w([Boom()])
def gen():
    yield 1
    raise RuntimeError('gen')
w(gen())

class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s) * 10
s = Sink()
wr = csv.writer(s, delimiter=';')
print(wr.writerow([1, 2]), wr.writerows([[3], [4, 5], []]), s.parts)
print(wr.dialect.delimiter, type(wr).__name__)
try:
    wr.writerows([1])
except csv.Error as e:
    print('Error', e)
try:
    wr.writerows(5)
except TypeError as e:
    print('TypeError', e)
try:
    csv.writer(1)
except TypeError as e:
    print('TypeError', e)
class NoCall:
    write = 5
try:
    csv.writer(NoCall())
except TypeError as e:
    print('TypeError', e)
try:
    type(wr)()
except TypeError as e:
    print('TypeError', e)

# round trip
rows = [['plain', 'with,comma', 'with "quote"', 'multi\nline', '', ' lead'], ['1', '2']]
s = io.StringIO()
csv.writer(s).writerows(rows)
print(repr(s.getvalue()))
print(list(csv.reader(io.StringIO(s.getvalue()))) == rows)
