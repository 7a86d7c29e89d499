import re, copy

p = re.compile(r'(?P<word>\w+)(?:-(?P<num>\d+))?')
print(p.pattern, p.groups, sorted(p.groupindex.items()), p.flags == re.UNICODE)
print(type(p.groupindex).__name__)
m = p.match('abc-12 rest')
print(m, m.group(), m.group(0), m.group(1, 2), m.group('word'), m['num'], m[0])
print(m.groups(), m.groupdict(), m.start(), m.end(), m.span(), m.start(2), m.end('num'), m.span('word'))
print(m.regs, m.string, m.re is p, m.pos, m.endpos, m.lastindex, m.lastgroup)
m2 = p.match('abc rest')
print(m2.groups(), m2.groups('X'), m2.groupdict('?'), m2.span(2), m2.start('num'), m2.group(2))
print(m2.lastindex, m2.lastgroup)
for bad in (3, -1, 'nope', 1.5, None):
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
print(m.group(True))
print(copy.copy(m) is m, copy.deepcopy(m) is m, copy.copy(p) is p, copy.deepcopy(p) is p)
print(bool(m), p.match('!!!'))
print(p.search('!! xyz-9'), p.search('!! xyz-9', 4), p.search('!! xyz-9', 4, 5))
print(p.match('abc', pos=1), p.match('abc', endpos=2), p.fullmatch('abc'), p.fullmatch('abc!'))
print(p.match('abc', 10), p.match('abc', -5), p.search('abc', 2, 1))
print(re.compile(r'a').fullmatch('ab', 0, 1))
print(re.fullmatch(r'a|ab', 'ab'), re.fullmatch(r'(?:a|ab)c?', 'ab'))
# findall / finditer
print(re.findall(r'\d', 'a1b22c'))
print(re.findall(r'(\d)(\w)', 'a1b22c'))
print(re.findall(r'(\d)|(x)', '1x2'))
print(re.findall(r'(a)?b', 'b ab'))
print(re.findall(r'\b', 'ab cd'))
print([m.span() for m in re.finditer(r'\w*', 'ab cd')])
print([m.group() for m in re.finditer(r'a|(?=b)', 'aab')])
print(re.findall(r'^', 'a\nb\n', re.M), re.findall(r'$', 'a\nb\n', re.M))
it = re.finditer(r'\d+', '1 22 333')
print(next(it).group(), [x.group() for x in it])
print(p.findall('ab-1 cd ef-23', 3), p.findall('ab-1 cd ef-23', 0, 4))
# scanner
sc = re.compile(r'\d+|\s+|[a-z]+').scanner('12 ab 3!')
print(sc.pattern.pattern)
while (x := sc.match()) is not None:
    print(repr(x.group()))
print(sc.match(), sc.match())
sc = re.compile(r'\d').scanner('a1b2')
print(sc.search(), sc.search(), sc.search())
# split
print(re.split(r'\W+', 'Words, words, words.'))
print(re.split(r'(\W+)', 'Words, words, words.'))
print(re.split(r'\W+', 'Words, words, words.', maxsplit=1))
print(re.split('[a-f]+', '0a3B9', flags=re.IGNORECASE))
print(re.split(r'(\W+)', '...words, words...'))
print(re.split(r'\b', 'Words, words, words.'))
print(re.split(r'\W*', '...words...'))
print(re.split(r'(\W*)', '...words...'))
print(re.split(r'x*', 'axbc'))
print(re.split(r'(a)|b', 'xaybz'))
print(re.split(r'', 'abc'))
print(re.split(r'a', ''), re.split(r'', ''))
print(re.compile(r',').split('a,b,c', 1))
# sub / subn
print(re.sub(r'\d', '#', 'a1b22'))
print(re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'joe@host x@y'))
print(re.sub(r'(?P<n>\d+)', r'<\g<n>|\g<1>|\g<0>>', 'a12b3'))
print(re.sub(r'(a)|b', r'[\1]', 'ab'))
print(re.sub(r'x', r'\n\t\\', 'axb'))
print(re.sub(r'x', '\\\\', 'axb'))
print(re.sub(r'a', lambda m: m.group().upper() * 2, 'banana'))
print(re.sub(r'a', lambda m: None if m.start() == 1 else 'A', 'banana')) if False else None
print(re.sub(r'\d+', lambda m: str(int(m.group()) * 2), 'x1 y22 z333'))
print(re.sub('a', 'b', 'aaaa', count=2), re.subn('a', 'b', 'aaaa'), re.subn('a', 'b', 'aaaa', count=3))
print(re.sub('', '-', 'abc'), re.sub('x*', '-', 'abxd'), re.sub('(?:)', '_', ''))
print(re.subn(r'(\s+)', r'[\1]', 'a b  c'))
print(re.sub(rb'\d', b'#', b'a1b2'), re.sub(rb'(\d)', rb'<\1>', b'a1b2'))
print(re.sub(r'\w', lambda m: m[0] * 2, 'ab'))
print(p.sub('X', 'ab-1 cd'), p.subn('X', 'ab-1 cd', 1))
print(re.sub(r'(a)(b)?', r'\2\1', 'a ab'))
print(re.sub(r'(?P<x>.)', r'\g<x>\g<x>', 'ab'))
s = 'unchanged'
print(re.sub('q', 'r', s) is s, re.subn('q', 'r', s))
# Match repr, long
print(re.match('.*', 'x' * 100))
print(re.match(b'a+', b'aab'))
print(re.match(r'(\d+)', '12').expand(r'<\1> \g<1> \\'))
print(re.match(r'(\d+)(x)?', '12').expand(r'[\2]'))
# escape, purge
print(re.escape('a.b*c?d+e(f)g[h]i{j}k|l^m$n\\o p#q-r&s~t'), re.escape(b'a.b'))
re.purge()
print(re.compile(r'x') == re.compile(r'x'), re.compile(r'x') == re.compile(r'x', re.I), re.compile('x') == re.compile(b'x'))
print(hash(re.compile(r'xy')) == hash(re.compile(r'xy')))
# bytes-like
print(re.match(rb'\w+', bytearray(b'abc de')).group(), re.match(rb'\w+', memoryview(b'xy')).group())
print(re.findall(rb'[\x80-\xff]', b'a\x80\xff'))
print(re.search(rb'(?i)ABC', b'xabc'))
print(re.search(rb'(?L)\w+', b'ab!'))
print(re.match(r'(?i)[a-z]+', 'ABC', re.A) is not None)
# patterns repr
for f in (0, re.I, re.I | re.M, re.S | re.X, re.A, re.U, re.I | re.A | re.M | re.S):
    print(re.compile(r'a+b', f))
print(re.compile(rb'a+', re.I), re.compile(rb'x', re.L))
print(re.compile('x' * 300))
print(re.compile("it's"), re.compile('a\nb'))
# typing
print(re.Pattern[str], re.Match[bytes])
print(type(p).__name__, type(m).__name__, type(p).__module__)
# errors
for bad in ('a(', 'a)', '[a', 'a**', '(?P<1>a)', r'\1', '(?<=a+)b', 'x{2,1}', '(?z)', r'\p', '(?P=nope)', '*'):
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), '->', e, '|', e.msg, e.pos)
try:
    re.sub('(a)', r'\2', 'a')
except re.error as e:
    print(e)
try:
    re.sub('(a)', r'\g<x>', 'a')
except IndexError as e:
    print('IndexError', e)
try:
    re.match('a', b'a')
except TypeError as e:
    print(e)
try:
    re.match(b'a', 'a')
except TypeError as e:
    print(e)
try:
    re.match('a', 1)
except TypeError as e:
    print(e)
try:
    re.compile('a').match()
except TypeError as e:
    print(e)
try:
    re.sub('a', lambda m: 1, 'a')
except TypeError as e:
    print(e)
