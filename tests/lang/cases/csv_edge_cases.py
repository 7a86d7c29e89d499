# _csv edge cases: recovery after errors, line-break handling, cycles, limits, docs
import csv, _csv, io, gc
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
# continue after error
r = csv.reader(['a,"b"x', 'c,d', 'e\nf', 'g'], strict=True)
for i in range(5):
    t(lambda: (next(r), r.line_num))
# generator raising
def g():
    yield 'a,b'
    raise KeyError('k')
r = csv.reader(g())
t(lambda: next(r)); t(lambda: next(r)); t(lambda: next(r))
class S(str): pass
t(lambda: list(csv.reader([S('x,y')])))
t(lambda: _csv.Dialect(lineterminator=S('\n')).lineterminator)
t(lambda: type(_csv.Dialect(lineterminator=S('\n')).lineterminator))
class Bad:
    @property
    def delimiter(self): raise ZeroDivisionError('zd')
t(lambda: _csv.Dialect(Bad()).delimiter)
t(lambda: _csv.Dialect(quoting=_csv.QUOTE_NONE, quotechar=None).quotechar)
t(lambda: list(csv.reader(['"a",b'], quotechar=None)))
t(lambda: list(csv.reader(['a b  c'], delimiter=' ', skipinitialspace=True)))
t(lambda: list(csv.reader(['a,\\ b'], escapechar='\\', skipinitialspace=True)))
t(lambda: list(csv.reader(['a\r\n', 'b\r'])))
t(lambda: list(csv.reader(['a\rb'], escapechar='\\')))
t(lambda: list(csv.reader(['a\\\r', 'b'], escapechar='\\')))
t(lambda: list(csv.reader(['a\\\r\n', 'b'], escapechar='\\')))
t(lambda: list(csv.reader(['"a"\r', '"b"'])))
t(lambda: list(csv.reader(['"a"b\r\n'], doublequote=False)))
t(lambda: list(csv.reader(['"a" '], strict=True)))
t(lambda: list(csv.reader(['"a"\x00'], strict=True)))
t(lambda: list(csv.reader(['"a', ''])))
t(lambda: list(csv.reader(['a', '"'])))
# cycles
class L(list): pass
lst = L()
r = csv.reader(lst); lst.append(r)
del r, lst; gc.collect()
class W:
    def write(self, s): pass
w = W(); w.me = csv.writer(w); del w; gc.collect()
print('gc ok')
t(lambda: csv.writer(io.StringIO(), dialect='nope'))
t(lambda: csv.writer(io.StringIO(), 'excel', 'x'))
t(lambda: csv.reader([], dialect='excel', delimiter=';').dialect.delimiter)
t(lambda: csv.reader([], 'excel', dialect='excel'))
t(lambda: _csv.Dialect(dialect='excel', delimiter=';').delimiter)
t(lambda: _csv.unregister_dialect(name='nope'))
t(lambda: _csv.get_dialect(name='excel').delimiter)
t(lambda: _csv.list_dialects(1))
t(lambda: _csv.field_size_limit(-1))
t(lambda: list(csv.reader(['a'])))
t(lambda: _csv.field_size_limit(0))
t(lambda: list(csv.reader([''])))
t(lambda: list(csv.reader(['a'])))
t(lambda: _csv.field_size_limit(131072))
t(lambda: _csv.field_size_limit(2**70))
t(lambda: _csv.field_size_limit(True))
t(lambda: list(csv.reader(['1, 2'], quoting=csv.QUOTE_NONNUMERIC)))
t(lambda: list(csv.reader(['"1",2'], quoting=csv.QUOTE_STRINGS)))
t(lambda: list(csv.reader(['nan,inf'], quoting=csv.QUOTE_STRINGS)))
t(lambda: _csv.reader.__doc__[:10])
t(lambda: _csv.writer.__doc__[:10])
t(lambda: _csv.Dialect(quoting=4, quotechar=None))
t(lambda: csv.writer(io.StringIO()).writerow.__doc__)
t(lambda: _csv.Writer.writerow.__qualname__)
t(lambda: _csv.register_dialect('q', quoting=1, delimiter='\t'))
t(lambda: _csv.Dialect(doublequote=None).doublequote)
for n in ['reader','writer','register_dialect','unregister_dialect','get_dialect','list_dialects','field_size_limit']:
    f = getattr(_csv, n); print(n, repr(f.__doc__), repr(getattr(f, '__text_signature__', None)))
for T in [_csv.Dialect, _csv.Reader, _csv.Writer]:
    print(T.__name__, repr(T.__doc__))
print(repr(_csv.Writer.writerows.__doc__))
print(repr(_csv.__doc__))
try: _csv.get_dialect([])
except Exception as e: print(type(e).__name__, e)
try: _csv.reader([], {})
except Exception as e: print(type(e).__name__, e)
print(_csv.reader([], []).dialect.delimiter)
