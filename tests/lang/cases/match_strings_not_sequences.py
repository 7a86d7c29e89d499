for subj in ['ab', b'ab', bytearray(b'ab'), ['a', 'b']]:
    match subj:
        case [a, b]:
            print(type(subj).__name__, 'sequence', a, b)
        case _:
            print(type(subj).__name__, 'not a sequence')
