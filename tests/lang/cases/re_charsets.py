import re, weakref

def show(pat, s, flags=0):
    print(repr(pat), int(flags), re.findall(pat, s, flags))

greek = 'αβγδ ΑΒΓΔ ως Σ ϐϑ'
cyr = 'абв АБВ ёЁ'
mixed = 'aZ09_ é É ß ẞ ĳ Ĳ ſ K k \u212a µ Μ μ ǅ ǆ Ǆ \u1e9e \U00010400\U00010428 \U0001f600'
for pat in [r'[α-δ]+', r'[Α-Δ]+', r'[^α-δ ]+', r'[а-я]+', r'[ё]', r'[\u0100-\u017f]+', r'[ß-ÿ]+',
            r'[k]', r'[K]', r'[µ]', r'[ǅ]', r'[\U00010400-\U0001042f]+', r'[\U00010428]', r'[^\x00-\x7f]+',
            r'[\u4e00-\u9fff\u3040-\u30ff]+', r'[a-zß-öø-ÿ]+', r'[\d\W]+', r'[^\w\s]+',
            r'[\u0370-\u03ff\u0400-\u04ff]+', r'[ǄǅǆǇǈǉ]+', r'[ΣσςA-C]+', r'[^ΣσςA-C\s]+']:
    for fl in (0, re.I, re.I | re.A):
        try:
            show(pat, greek + ' ' + cyr + ' ' + mixed + ' 日本語 ひらがな カタカナ', fl)
        except re.error as e:
            print(repr(pat), 'error', e)

# big sets compile to BIGCHARSET
big = '[' + ''.join(chr(c) for c in range(0x100, 0x3000, 37)) + ']'
print(len(re.findall(big, ''.join(chr(c) for c in range(0x100, 0x3000)))))
print(len(re.findall(big, ''.join(chr(c) for c in range(0x100, 0x3000)), re.I)))
print(re.findall(r'[\u0101\u0103\u0105\u0107]+', 'āĂăĄąĆć', re.I))
print(re.findall(r'(?i)[^\u0101\u0103\u0105\u0107]+', 'āĂăĄąĆćx'))

# bytes sets and locale
print(re.findall(rb'[\x80-\xff]+', b'ab\x80\x81c\xff'))
print(re.findall(rb'(?i)[a-c]+', b'ABCabcxyz'))
print(re.findall(rb'[^a-c]+', b'abcxyzabc'))
print(re.findall(rb'(?L)[\w]+', b'ab\xe9 cd'), re.findall(rb'\w+', b'ab\xe9 cd'))
print(re.findall(rb'(?Li)AB', b'ab Ab aB'))

# weak references, keyword arguments
p = re.compile(r'(\d+)')
r = weakref.ref(p)
print(r() is p)
print(p.sub(repl='<\\1>', string='a1b22', count=1), p.split(string='a1b2', maxsplit=1))
print(p.match(string='12x', pos=0, endpos=1), p.findall(string='1 2 3', pos=2))
print(p.search('x12', endpos=2).group(), p.fullmatch(string='123').span())
try:
    p.match('1', bogus=1)
except TypeError as e:
    print(e)
try:
    p.sub('x')
except TypeError as e:
    print(e)
