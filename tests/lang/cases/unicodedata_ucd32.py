import unicodedata as U
O = U.ucd_3_2_0
for c in ['\u0221', '\u0220', '\U0001F600', '\u20b9', 'a', '\u0e3f', '\u4e00', '\u9fa6', '\uac00', '\U00020000', '\U0002a6d7', '\U0002a6d6', '\u2160', '\u0660']:
    r = []
    for f in (O.category, O.bidirectional, O.combining, O.east_asian_width, O.mirrored, O.decomposition):
        r.append(f(c))
    r += [O.name(c, None), O.decimal(c, None), O.digit(c, None), O.numeric(c, None)]
    print('%04X' % ord(c), r)
def t(f, *a):
    try: print(repr(f(*a)))
    except Exception as e: print(type(e).__name__, e)
t(O.lookup, 'LATIN SMALL LETTER D WITH CURL')
t(O.lookup, 'INDIAN RUPEE SIGN')
t(O.lookup, 'LATIN CAPITAL LETTER N WITH LONG RIGHT LEG')
t(O.lookup, 'CJK UNIFIED IDEOGRAPH-9FA6')
t(O.lookup, 'CJK UNIFIED IDEOGRAPH-9FA5')
t(O.normalize, 'NFC', 'e\u0301\u0221')
t(O.is_normalized, 'NFC', 'e\u0301')
