a < *b
