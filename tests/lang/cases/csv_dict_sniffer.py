# csv.DictReader, csv.DictWriter and csv.Sniffer over the native _csv
import csv, io

data = 'name,age,city\r\nAlice,30,"New York, NY"\r\nBob,25\r\nCarol,41,Paris,extra,more\r\n'
r = csv.DictReader(io.StringIO(data))
print(r.fieldnames)
for row in r:
    print(row, r.line_num)

r = csv.DictReader(io.StringIO('a;b\n1;2\n\n3;4\n'), delimiter=';', restkey='rest', restval='?')
print(list(r))
r = csv.DictReader(['1,2,3', '4,5,6,7', '8'], fieldnames=['x', 'y', 'z'], restkey='more', restval='-')
print(list(r))
print(list(csv.DictReader([])), csv.DictReader([]).fieldnames)

s = io.StringIO()
w = csv.DictWriter(s, fieldnames=['id', 'text', 'score'], quoting=csv.QUOTE_NONNUMERIC)
w.writeheader()
w.writerow({'id': 1, 'text': 'hello, world', 'score': 9.5})
w.writerows([{'id': 2, 'text': 'say "hi"'}, {'id': 3, 'score': None}])
print(repr(s.getvalue()))
try:
    w.writerow({'id': 4, 'bogus': 1})
except ValueError as e:
    print('ValueError', e)
w2 = csv.DictWriter(io.StringIO(), ['a'], extrasaction='ignore')
print(w2.writerow({'a': 1, 'b': 2}))
try:
    csv.DictWriter(io.StringIO(), ['a'], extrasaction='nope')
except ValueError as e:
    print('ValueError', e)

back = list(csv.DictReader(io.StringIO(s.getvalue()), quoting=csv.QUOTE_NONNUMERIC))
print(back)

sn = csv.Sniffer()
sample = 'id;name;value\n1;"x;y";3.5\n2;z;4\n3;w;5\n'
d = sn.sniff(sample)
print(repr(d.delimiter), repr(d.quotechar), d.doublequote, d.skipinitialspace, repr(d.lineterminator))
print(sn.has_header(sample))
print(list(csv.reader(io.StringIO(sample), d)))
d = sn.sniff('a,b,c\n1,2,3\n4,5,6\n')
print(repr(d.delimiter), d.quoting)
d = sn.sniff("'a'|'b'|'c'\n'1'|'2'|'3'\n", delimiters='|')
print(repr(d.delimiter), repr(d.quotechar))
print(sn.has_header('1,2,3\n4,5,6\n7,8,9\n'))
try:
    sn.sniff('')
except csv.Error as e:
    print('Error', e)
