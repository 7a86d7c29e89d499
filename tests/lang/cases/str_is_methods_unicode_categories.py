for ch in ['A', 'z', '5', '٣', '\u00b2', '\u2167', ' ', '\u3000', '_', '中', '\u0301']:
    print(repr(ch), ch.isalpha(), ch.isdigit(), ch.isnumeric(), ch.isspace(), ch.isupper(), ch.isprintable())
