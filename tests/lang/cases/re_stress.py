import re
# deep / long subjects must not crash
s = 'ab' * 50000 + 'c'
print(re.match(r'(a|b)*c', s).span())
print(re.match(r'(?:a|b)*c', s).span())
print(re.match(r'(ab)*c', s).span(), re.match(r'(ab)*c', s).group(1))
print(re.match(r'(ab)*?c', s).span())
print(re.match(r'(?:(a)|(b))*c', s).groups())
print(re.match(r'(?:ab)*+c', s).span())
print(re.match(r'(?>(?:ab)*)c', s).span())
print(re.search(r'(a|b)*d', 'ab' * 300), re.fullmatch(r'(a*)*b', 'a' * 12 + 'c'))
print(len(re.findall(r'\w+', 'word ' * 20000)))
print(len(re.sub(r'o', '0', 'foo ' * 20000)))
print(len(re.split(r'\s', 'a b ' * 10000)))
print(re.search(r'x{3}y', 'x' * 10000 + 'xxxy').span())
t = '\u4e00' * 10000 + 'end'
print(re.search(r'end', t).span(), re.search(r'[a-z]+', t).span(), re.match(r'.*e', t).end())
w = '\U0001F600' * 5000 + '!'
print(re.search(r'!', w).span(), re.match(r'[\U0001F600]*!', w).end())
print(re.match(r'((((((((((a))))))))))\10', 'aa').groups())
g = '(' * 99 + 'a' + ')' * 99
print(len(re.match(g, 'a').groups()))
print(re.match(r'(?:a{1,1000}){1,1000}', 'a' * 5000).end())
print(re.match(r'(x+x+)+y', 'x' * 15) is None)
print(re.match(r'(?:(?:a|b)(?:c|d))*e', 'acbd' * 10000 + 'e').end())
