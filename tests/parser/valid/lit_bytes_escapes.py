b'\x00\x01\x7f\x80\xff'
b'\0\1\12\123'
b'\n\r\t\\\'\"'
b"\a\b\f\v"
br'\x00'
