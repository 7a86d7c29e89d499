s = '  \t hello \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr('xxhixx'.strip('x')), repr('abcba'.strip('ab')))
print(repr('hi'.center(7)), repr('hi'.center(6, '*')), repr('hi'.ljust(5, '.')), repr('hi'.rjust(5)), repr('42'.zfill(5)), repr('-42'.zfill(6)), repr('+x'.zfill(4)))
print(repr('prefix_body'.removeprefix('prefix_')), repr('body.txt'.removesuffix('.txt')), repr('abc'.removeprefix('x')))
print(repr('a\tb\tc'.expandtabs()), repr('a\tbc\td'.expandtabs(4)), repr('12345\t6'.expandtabs(4)))
