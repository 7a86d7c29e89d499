# re_long: searches with charset and literal prefixes over long str and bytes subjects.
import re
text = ('lorem ipsum dolor sit amet, consectetur adipiscing elit 12345 é ' * 300)
btext = text.encode('latin-1')
for p in [r'lorem|dolor|amet', r'[aeiou]{2}', r'(?:[dl]o|am)\w+', r'(?i)LOREM|Dolor', r'[é\d]+', r'(\d)(\d)']:
    r = re.findall(p, text)
    print(p, len(r), r[:3], r[-3:])
    r = re.findall(p.encode('latin-1'), btext)
    print(p, len(r), r[:3], r[-3:])
    print([m.span() for m in re.finditer(p, text[:1000], re.I)][-3:])
    print(len(re.split(p, text)), re.subn(p, '#', text)[1])
