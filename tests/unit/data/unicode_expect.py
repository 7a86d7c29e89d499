# unicode_expect.py -- writes the expectations of tests/unit/test_unicode_db.c
# from CPython 3.14 (run by unicode_expect.sh under /work/shared/tools/py314,
# which prepends ALIASES and SEQUENCES, the names of NameAliases.txt and
# NamedSequences.txt, since py314 cannot read the host's files).
# Output lines (code points in hex):
#   P first last cat bidi ccc mirrored eaw flags decimal digit numeric
#       a run of code points sharing every field; flags is a hex bit set:
#       1 isalpha 2 isdecimal 4 isdigit 8 isnumeric 10 isalnum 20 isspace
#       40 islower 80 isupper 100 istitle 200 isprintable 400 xid_start
#       800 xid_continue 1000 linebreak 2000 lower-changes 4000 upper-changes
#       decimal/digit are -1 when absent; numeric is repr(float) or -
#   C cp lower upper title casefold       (full mappings, '.'-joined hex)
#   D cp decomposition                    (unicodedata.decomposition, '_' for spaces)
#   N cp nfc nfd nfkc nfkd qc             (qc: 4 bits is_normalized NFC,NFD,NFKC,NFKD;
#                                          Hangul syllables: one in 13)
#   S seq nfc nfd nfkc nfkd               (a sequence, '.'-joined hex)
#   A cp name                             (unicodedata.name, '_' for spaces)
#   L name cps                            (unicodedata.lookup of an alias or sequence)
import unicodedata, random

def hx(s):
    return '.'.join('%X' % ord(ch) for ch in s) or '-'

out = []
w = out.append

def props(c):
    f = 0
    bits = [c.isalpha(), c.isdecimal(), c.isdigit(), c.isnumeric(), c.isalnum(),
            c.isspace(), c.islower(), c.isupper(), c.istitle(), c.isprintable(),
            c.isidentifier(), ('a' + c).isidentifier(),
            len(('a' + c + 'b').splitlines()) > 1,
            c.lower() != c, c.upper() != c]
    for i, b in enumerate(bits):
        if b:
            f |= 1 << i
    num = unicodedata.numeric(c, None)
    return (unicodedata.category(c), unicodedata.bidirectional(c) or '-',
            unicodedata.combining(c), unicodedata.mirrored(c),
            unicodedata.east_asian_width(c), '%X' % f,
            unicodedata.decimal(c, -1), unicodedata.digit(c, -1),
            repr(num) if num is not None else '-')

run_start = 0
run_val = None
for cp in range(0x110000):
    v = props(chr(cp))
    if v != run_val:
        if run_val is not None:
            w('P %X %X %s %s %d %d %s %s %d %d %s' % ((run_start, cp - 1) + run_val))
        run_start, run_val = cp, v
w('P %X %X %s %s %d %d %s %s %d %d %s' % ((run_start, 0x10FFFF) + run_val))

named = []
for cp in range(0x110000):
    c = chr(cp)
    if 0xD800 <= cp < 0xE000:
        continue
    lo, up, ti, cf = c.lower(), c.upper(), c.title(), c.casefold()
    if (lo, up, ti, cf) != (c, c, c, c):
        w('C %X %s %s %s %s' % (cp, hx(lo), hx(up), hx(ti), hx(cf)))
    d = unicodedata.decomposition(c)
    if d:
        w('D %X %s' % (cp, d.replace(' ', '_')))
    forms = [unicodedata.normalize(f, c) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')]
    qc = 0
    for i, f in enumerate(('NFC', 'NFD', 'NFKC', 'NFKD')):
        if unicodedata.is_normalized(f, c):
            qc |= 1 << i
    if (forms != [c] * 4 or qc != 15) and not (0xAC00 <= cp <= 0xD7A3 and cp % 13):
        w('N %X %s %s %s %s %X' % ((cp,) + tuple(hx(x) for x in forms) + (qc,)))
    n = unicodedata.name(c, None)
    if n is not None:
        named.append((cp, n))

# Names: every twentieth named code point, plus the first and last of every block
# of consecutive named code points (catches algorithmic ranges' edges).
prev = -2
for i, (cp, n) in enumerate(named):
    nxt = named[i + 1][0] if i + 1 < len(named) else -2
    if i % 20 == 0 or cp != prev + 1 or nxt != cp + 1:
        w('A %X %s' % (cp, n.replace(' ', '_')))
    prev = cp

for n in ALIASES + SEQUENCES:
    try:
        s = unicodedata.lookup(n)
    except KeyError:
        continue
    w('L %s %s' % (n.replace(' ', '_'), hx(s)))

# Sequences for normalization: deterministic random mixtures.
rng = random.Random(314)
pools = [
    [chr(x) for x in range(0x41, 0x7B)],
    [chr(x) for x in range(0x300, 0x370)] + ['\u0591', '\u05B0', '\u0BCD', '\u1DCE', '\u20D2', '\U0001D165', '\U0001D16D', '\u0F71', '\u0F72', '\u0F80'],
    [chr(x) for x in range(0x1100, 0x1113)] + [chr(x) for x in range(0x1161, 0x1176)] + [chr(x) for x in range(0x11A7, 0x11C3)],
    [chr(x) for x in range(0xAC00, 0xAC40)],
    [chr(x) for x in range(0xC0, 0x180)] + [chr(x) for x in range(0x1E00, 0x1F00)] + [chr(x) for x in range(0x1F00, 0x2000)],
    ['\uFB01', '\u2126', '\u212B', '\u00B5', '\u1E9B', '\u0344', '\u0F73', '\u0F75', '\u0F81', '\u0958', '\u09CB', '\u0B4B', '\u0BCA', '\u0DDA', '\u1B3B', '\U000110AB', '\U0001109A', '\U0001D15E', '\u3070', '\u309B', '\u304B', '\u3099', '\uFF76', '\uFF9E', '\u2460', '\u33C0', '\uFDFA', '\u0385', '\u1FEE'],
]
for k in range(1500):
    length = rng.randint(1, 7)
    s = ''.join(rng.choice(rng.choice(pools)) for _ in range(length))
    forms = [unicodedata.normalize(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')]
    w('S %s %s %s %s %s' % ((hx(s),) + tuple(hx(x) for x in forms)))

print('\n'.join(out))
