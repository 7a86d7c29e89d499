# _csv.Dialect validation and the dialect registry through csv.py
import csv, _csv

def t(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print([n for n in dir(_csv) if not n.startswith('__')])
print(_csv.QUOTE_MINIMAL, _csv.QUOTE_ALL, _csv.QUOTE_NONNUMERIC, _csv.QUOTE_NONE,
      _csv.QUOTE_STRINGS, _csv.QUOTE_NOTNULL, csv.__version__)
print(_csv.Error.__mro__, _csv.Error is csv.Error)
d = _csv.Dialect()
print(d.delimiter, repr(d.quotechar), d.escapechar, repr(d.lineterminator), d.quoting,
      d.doublequote, d.skipinitialspace, d.strict)
for kw in [dict(delimiter=None), dict(delimiter=''), dict(delimiter='ab'), dict(delimiter=1),
           dict(quotechar=''), dict(quotechar=1), dict(quoting=9), dict(quoting=-1),
           dict(quoting='a'), dict(quoting=True), dict(quotechar=None, quoting=1),
           dict(lineterminator=None), dict(lineterminator=1), dict(delimiter='\n'),
           dict(delimiter='\r'), dict(escapechar=' ', skipinitialspace=True),
           dict(quotechar=' ', skipinitialspace=True), dict(delimiter='x', lineterminator='x'),
           dict(escapechar='x', lineterminator='yx'), dict(delimiter='x', escapechar='x'),
           dict(delimiter='x', quotechar='x'), dict(escapechar='"'), dict(escapechar=5),
           dict(bogus=5), dict(escapechar='ab'), dict(quoting=2**70)]:
    t(lambda: _csv.Dialect(**kw))
t(lambda: _csv.Dialect(quotechar=None).quoting)
t(lambda: _csv.Dialect(delimiter=' ').delimiter)
t(lambda: _csv.Dialect(escapechar=' ').escapechar)
t(lambda: _csv.Dialect(strict=[], doublequote=0, skipinitialspace='y').strict)
t(lambda: _csv.Dialect(1, 2))
t(lambda: _csv.Dialect('nope'))
t(lambda: _csv.Dialect(d) is d)
t(lambda: _csv.Dialect(d, strict=1).strict)
t(lambda: setattr(d, 'delimiter', 'x'))
t(lambda: setattr(d, 'strict', True))
t(lambda: setattr(d, 'quoting', 1))
t(lambda: d.__reduce_ex__(2))

class Partial:
    delimiter = ';'
    quotechar = "'"
    lineterminator = '\n'
d2 = _csv.Dialect(Partial)
print(d2.delimiter, d2.quotechar, repr(d2.lineterminator), d2.quoting, d2.doublequote)

class Sub(_csv.Dialect):
    pass
print(type(Sub(delimiter=';')).__name__, Sub(delimiter=';').delimiter)

# the registry
print(sorted(csv.list_dialects()))
csv.register_dialect('semi', delimiter=';', quoting=csv.QUOTE_ALL)
print(csv.get_dialect('semi').delimiter, csv.get_dialect('semi').quoting)
csv.register_dialect('semi2', 'semi', quotechar="'")
g = csv.get_dialect('semi2')
print(g.delimiter, g.quotechar, g.quoting)
class MyDialect(csv.Dialect):
    delimiter = '|'
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
csv.register_dialect('mine', MyDialect)
print(csv.get_dialect('mine').delimiter, type(csv.get_dialect('mine')).__name__)
print(sorted(csv.list_dialects()))
t(lambda: csv.register_dialect(1))
t(lambda: csv.register_dialect('x', 1, 2))
t(lambda: csv.register_dialect())
t(lambda: csv.register_dialect('bad', delimiter=''))
t(lambda: csv.get_dialect('nope'))
t(lambda: csv.get_dialect(1))
t(lambda: csv.unregister_dialect('nope'))
csv.unregister_dialect('semi2')
print(sorted(csv.list_dialects()))
print(csv.get_dialect('excel').lineterminator == '\r\n', csv.get_dialect('excel-tab').delimiter == '\t',
      csv.get_dialect('unix').quoting == csv.QUOTE_ALL)
print(list(csv.reader(['a|"b|c"'], 'mine')))
print(list(csv.reader(['a|b'], MyDialect, delimiter=',')))

class BadDialect(csv.Dialect):
    delimiter = ''
    quotechar = '"'
    lineterminator = '\n'
    quoting = csv.QUOTE_MINIMAL
t(lambda: BadDialect())
class Incomplete(csv.Dialect):
    delimiter = ','
t(lambda: Incomplete())

# field_size_limit
t(lambda: csv.field_size_limit())
t(lambda: csv.field_size_limit(10))
t(lambda: csv.field_size_limit(new_limit=20))
t(lambda: csv.field_size_limit('a'))
t(lambda: csv.field_size_limit(1.5))
t(lambda: csv.field_size_limit(1, 2))
t(lambda: csv.field_size_limit(131072))
t(lambda: csv.field_size_limit())
t(lambda: csv.reader())
t(lambda: csv.reader(1))
t(lambda: csv.reader([], 1, 2))
t(lambda: csv.reader([], bogus=1))
t(lambda: csv.reader([], 'nope'))
t(lambda: csv.writer())
