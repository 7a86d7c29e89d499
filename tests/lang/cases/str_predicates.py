samples = ['abc', 'ABC', 'Abc', 'Abc Def', '123', '١٢٣', '½', '²', 'a1', '', ' \t\n', 'ab cd', '_x', 'x1', '1x', 'class', 'é', '\x00', 'Ⅻ']
for s in samples:
    print(repr(s), [int(f()) for f in (s.isalpha, s.isdigit, s.isdecimal, s.isnumeric, s.isalnum, s.isspace,
                                     s.isupper, s.islower, s.istitle, s.isidentifier, s.isprintable, s.isascii)])
