s = 'Grüße 👋'
for enc in ['utf-8', 'utf-16', 'utf-32', 'latin-1']:
    try:
        b = s.encode(enc)
        print(enc, len(b), b.decode(enc) == s)
    except UnicodeEncodeError as e:
        print(enc, 'UnicodeEncodeError', e.start, e.end)
