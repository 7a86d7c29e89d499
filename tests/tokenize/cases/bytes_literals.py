b'abc' B"def" br'\x' rB'''multi
line'''
