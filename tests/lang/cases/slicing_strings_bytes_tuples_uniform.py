for seq in ['abcdef', b'abcdef', tuple('abcdef'), list('abcdef'), range(6)]:
    print(type(seq).__name__, seq[1:4], seq[::-2], seq[-2:], seq[10:])
