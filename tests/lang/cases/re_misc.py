import re

# re.Scanner (lexicon)
def s_ident(scanner, token): return ('ID', token)
def s_num(scanner, token): return ('NUM', int(token))
def s_op(scanner, token): return ('OP', token)
scanner = re.Scanner([
    (r'[a-zA-Z_]\w*', s_ident),
    (r'\d+', s_num),
    (r'[=+*/-]', s_op),
    (r'\s+', None),
])
print(scanner.scan('x = 12 + y3 * 4 ?!'))

# instances cannot be created directly
for t in (re.Pattern, re.Match):
    try:
        t()
    except TypeError as e:
        print('TypeError', e)

# group index edge cases
m = re.match(r'(?P<a>x)(y)?', 'x')
print(m.group('a', 2, 0), m.span('a'), m.regs)
try:
    m.start(5)
except IndexError as e:
    print(e)
print(m.groupdict(default='-'), m.groups(default=0))
print(m.expand(r'\g<a>[\2]'))
print(m.__copy__() is m)

# pos / endpos and anchors
p = re.compile(r'^\w+$')
print(p.search('ab cd', 3), p.match('ab cd', 3), p.search('ab\ncd', 3), p.fullmatch('abcd', 1, 3))
print(re.compile(r'\b\w').findall('ab cd', 1), re.compile(r'$').search('abc', 0, 2))
print(re.compile('a').search('bbba', 10), re.compile('').search('abc', 10))

# unmatched groups in templates expand to ''
print(re.sub(r'(a)|(b)', r'[\1\2]', 'ab'))
print(re.sub(rb'(a)|(b)', rb'[\1\2]', b'ab'))
print(re.subn(r'(?=x)', '-', 'axbx'))

# large repetition counts and nested quantifiers
print(re.match(r'a{3,5}?', 'aaaaaa').group(), re.match(r'(?:a{2}){2,}', 'aaaaaaa').group())
print(re.match(r'(?:(a)|b)*?c', 'abac').groups(), re.match(r'(a|b)*?b', 'aab').groups())
print(re.match(r'((a)|b)*', 'aab').groups(), re.match(r'(?:(a)|(b))+', 'ab').groups())
print(re.match(r'(a)+?(b)', 'aab').groups(), re.match(r'(?:x(a)?)*', 'xax').groups())

# case-insensitive unicode specials
for pat, s in [('(?i)ſ', 'S'), ('(?i)K', '\u212a'), ('(?i)[k]', '\u212a'), ('(?i)µ', 'Μ'),
               ('(?i)ß', 'ẞ'), ('(?i)[ß]', 'ẞ'), ('(?i)ﬅ', 'ﬆ'), ('(?i)i̇', 'İ'), ('(?i)[a-z]+', 'ſK'),
               ('(?ia)[a-z]+', 'ſK'), ('(?i)\u03c3', 'ς'), ('(?i)[^σ]', 'Σ'), ('(?i)ǆ', 'ǅ'), ('(?i)(ǆ)\\1', 'ǅǄ')]:
    m = re.match(pat, s)
    print(repr(pat), repr(s), m and m.group())
