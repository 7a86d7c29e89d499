import unicodedata as U
def t(f, *a, **k):
    try:
        print(repr(f(*a, **k)))
    except Exception as e:
        print(type(e).__name__, e)
t(U.name, 'ab')
t(U.name, 5)
t(U.name, '')
t(U.name, '\x00')
t(U.name, '\x00', None)
t(U.name, chr(0xE000), 'dflt')
t(U.lookup, 'LATIN SMALL LETTER A')
t(U.lookup, 'latin small letter a')
t(U.lookup, 'NO SUCH THING')
t(U.lookup, 'x' * 300)
t(U.lookup, b'LATIN SMALL LETTER B')
t(U.lookup, 5)
t(U.lookup, 'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE')
t(U.decimal, 'a')
t(U.decimal, 'a', -1)
t(U.digit, 'a')
t(U.digit, '\u00b2')
t(U.numeric, 'a')
t(U.numeric, '\u00bd')
t(U.numeric, '\u4e07')
t(U.category, 'ab')
t(U.normalize, 'NFX', 'a')
t(U.normalize, 'NFC', 5)
t(U.normalize, b'NFC', 'a')
t(U.is_normalized, 'NFX', 'a')
t(U.ucd_3_2_0.unidata_version)
t(lambda: type(U.ucd_3_2_0))
t(U.UCD)
t(U.ucd_3_2_0.name, 'a')
t(lambda: sorted(n for n in dir(U) if not n.startswith('_')))
t(lambda: sorted(n for n in dir(U.ucd_3_2_0) if not n.startswith('_')))
t(U.decomposition, '\uac00')
t(U.decomposition, '\u00c5')
t(U.decomposition, '\ufb01')
t(U.mirrored, '(')
for s in ['caf\u00e9', 'cafe\u0301', '\u1e9b\u0323', '\ufb01ne', '\uac00\u11a8', '\u1100\u1161\u11a8', 'A\u030a\u0327',
          '\u2460 \u00bd x\u00b2', '\u0958', '\u212b\u2126', 'e\u0302\u0323', '']:
    print(ascii(s), [ascii(U.normalize(f, s)) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')],
          [U.is_normalized(f, s) for f in ('NFC', 'NFD', 'NFKC', 'NFKD')])
for n in ['HANGUL SYLLABLE GAG', 'CJK UNIFIED IDEOGRAPH-4E00', 'cjk unified ideograph-4e00', 'EURO SIGN',
          'LATIN CAPITAL LETTER GHA', 'BYTE ORDER MARK', 'SNOWMAN', 'TAMIL SYLLABLE KSSA']:
    t(lambda: ascii(U.lookup(n)))
for c in '\uac00\ud7a3\u4e00\u9fff\U00020000\U0002a6df\u3400\u00a0\u0000\ud800\U000e0001\u1f80':
    print(U.name(c, None), U.category(c), U.bidirectional(c), U.east_asian_width(c))
print(U.unidata_version == '16.0.0' or U.unidata_version == '15.0.0')
print(U.ucd_3_2_0.category('a'), U.ucd_3_2_0.normalize('NFC', 'e\u0301'), U.ucd_3_2_0.lookup('SNOWMAN') == '\u2603')
print(U.numeric('\u2155'), U.numeric('\u0f33'), U.digit('\u2460'), U.decimal('\u0669'), U.numeric('\U00012432'))
