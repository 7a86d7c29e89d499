# _csv.reader: quoting, escapes, embedded newlines, strict mode, errors
import csv, io

def rd(lines, **kw):
    r = csv.reader(lines, **kw)
    out = []
    try:
        for row in r:
            out.append(row)
        print(out, r.line_num)
    except csv.Error as e:
        print(out, 'Error:', e, 'line', r.line_num)
    except Exception as e:
        print(out, type(e).__name__ + ':', e)

rd(['a,b,c'])
rd(['a,b,c\r\n', '1,2,3\r\n'])
rd(['', 'a'])
rd(['\r\n', 'x\n'])
rd(['a,"b,c",d'])
rd(['"a""b",c'])
rd(['"a\n', 'b",c\n'])
rd(['"abc'])
rd(['"abc'], strict=True)
rd(['a,"b"c,d'])
rd(['a,"b"c,d'], strict=True)
rd(['a,"b" ,d'], strict=True)
rd(['a,b\nc'])
rd(['a,b\rc'])
rd(['a,b\r', 'c'])
rd(['a\\,b,c'], escapechar='\\')
rd(['a\\'], escapechar='\\')
rd(['a\\\n', 'b'], escapechar='\\')
rd(['"a\\"b",c'], escapechar='\\')
rd(['"a\\'], escapechar='\\')
rd(['a, b,  c'], skipinitialspace=True)
rd(['a, "b,c", d'], skipinitialspace=True)
rd(['a, b'])
rd(['"a"b"c"'], doublequote=False)
rd(['a;b;"c;d"'], delimiter=';')
rd(["'a,b',c"], quotechar="'")
rd(['"a",b'], quoting=csv.QUOTE_NONE)
rd(['1,"2",3.5,,x'], quoting=csv.QUOTE_NONNUMERIC)
rd(['1,"2",3.5,,""'], quoting=csv.QUOTE_STRINGS)
rd(['1,"2",,""'], quoting=csv.QUOTE_NOTNULL)
rd(['1,"",,'], quoting=csv.QUOTE_ALL)
rd(['a\x00b,c'])
rd(['"a\x00b",c'])
rd(['a,', ',b', ','])
rd([',,,'])
rd(['"",""'])
rd(['a\tb'], dialect='excel-tab')
rd(['a,b'], dialect='unix')
rd(['é,ü,"€,x"', '𝄞,z'])
rd([b'a,b'])
rd(iter([1]))
rd(['a,"b', 'c', 'd"', 'e'])
rd(['x,y', '"unterminated'])
rd(['1,x'], quoting=csv.QUOTE_NONNUMERIC)
rd(['1,,"x",2e3, -4'], quoting=csv.QUOTE_NONNUMERIC)

old = csv.field_size_limit(5)
rd(['abcde,f'])
rd(['abcdef,g'])
rd(['"abcdef"'])
print(csv.field_size_limit(old))

# reading from a file with newline=''
f = io.StringIO('a,b\r\n"multi\r\nline",c\r\n\r\nlast,row\r\n')
r = csv.reader(f)
for row in r:
    print(row, r.line_num)
f = io.StringIO('a,"b\nc"\n')
print(list(csv.reader(f)))
r = csv.reader(['a'])
print(r.dialect.delimiter, r.dialect.quoting, iter(r) is r, type(r).__name__)
try:
    r.line_num = 5
except AttributeError as e:
    print('AttributeError', e)
