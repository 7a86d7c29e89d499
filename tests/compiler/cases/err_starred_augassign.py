a += *b
