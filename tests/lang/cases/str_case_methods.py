for s in ['hello world', 'HELLO', 'hElLo WoRlD', "they're bill's", 'ǆ straße ﬁ', 'İstanbul', 'ΣΑΣ', '123abc']:
    print(repr(s), s.upper(), s.lower(), s.title(), s.capitalize(), s.swapcase(), s.casefold())
