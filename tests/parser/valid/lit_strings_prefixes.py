'single'
"double"
'''triple single'''
"""triple double"""
u'unicode'
U"unicode"
r'raw\n'
R"raw\d"
b'bytes'
B"bytes"
rb'raw bytes\n'
Rb'x'
bR'x'
BR'x'
br'x'
Br'x'
rB'x'
RB'x'
''
""
''''''
""""""
