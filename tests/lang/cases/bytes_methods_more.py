b = b'  a,b,,c  '
print(b.strip(), b.lstrip(), b.rstrip(b' c'), b.strip().split(b','), b.split())
print(b'abc'.center(7, b'*'), b'ab'.ljust(4, b'.'), b'12'.zfill(4), b'a-b'.partition(b'-'))
print(b'ABC'.lower(), b'aBc'.swapcase(), b'abc'.isalpha(), b'12'.isdigit(), b' '.isspace(), b'Ab'.istitle())
print(b'-'.join([b'a', b'b']), b'abc'.translate(bytes.maketrans(b'abc', b'xyz')), b'abcabc'.rindex(b'b'))
print(b'hello'.removeprefix(b'he'), b'x\ny'.splitlines(), b'a\tb'.expandtabs(4))
print(bytes.maketrans(b'a', b'b')[97], b'abc'.translate(None, b'b'))
