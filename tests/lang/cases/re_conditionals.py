# re_conditionals: conditional groups after optional/repeated groups, backreferences
# inside repeats and lookarounds.
import re, itertools
parts = ['(a)?', '(a|b)*', '(?:(a)|b)+?', '(a)*?', '(?P<n>b)?']
conds = ['(?(1)b|c)', '(?(1)\\1|x)', '(?(1)(?=b)|a)', '(?(1)$)', '(?(1)b+?c|c*)']
subs = ['ab', 'c', 'abc', 'aabbcc', 'bbx', 'abab', 'aax', '']
for p, c in itertools.product(parts, conds):
    pat = p + c
    try:
        r = re.compile(pat)
    except re.error as e:
        print(pat, 'error', e); continue
    out = []
    for s in subs:
        m = r.search(s)
        out.append(m and (m.span(), m.groups()))
        out.append(r.findall(s))
        f = r.fullmatch(s)
        out.append(f and f.groups())
    print(pat, out)
for pat in [r'(a)(?:\1|b)*', r'(?:(a)|(b))*\1?\2?', r'((a)|b)*?\2', r'(?:(a)\1)+', r'(a+)+\1', r'(?:(a)|b)*(?(1)x|y)', r'(?=(a))?\1', r'(?!(a))b', r'(?<=(a))\1']:
    r = re.compile(pat)
    print(pat, [(m and (m.span(), m.groups())) for m in map(r.search, subs + ['aaaa', 'abax', 'baay', 'aab'])])
