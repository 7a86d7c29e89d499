import codecs
print(codecs.encode(b'hi there', 'hex'), codecs.decode(b'6869', 'hex'))
print(codecs.encode(b'hi there', 'base64'), codecs.decode(b'aGk=\n', 'base64'))
print(codecs.encode(b'h\xe9 = x', 'quopri'), codecs.decode(b'h=E9 =3D x', 'quopri'))
print(codecs.encode(b'hello', 'uu'), codecs.decode(codecs.encode(b'hello', 'uu'), 'uu'))
import quopri, stringprep
print(quopri.encodestring(b'a=b\xff \n'), quopri.decodestring(b'a=3Db=FF=20\n'))
print(stringprep.in_table_b1('\u00ad'), stringprep.map_table_b2('\u00df'), stringprep.in_table_c12('\u3000'),
      stringprep.in_table_d1('\u05d0'), stringprep.in_table_a1('\u0221'))
