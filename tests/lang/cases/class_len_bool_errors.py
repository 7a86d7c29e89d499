class BadLen:
    def __len__(self): return -1
class BigLen:
    def __len__(self): return 2 ** 100
class StrLen:
    def __len__(self): return '3'
for c in [BadLen, BigLen, StrLen]:
    try:
        len(c())
    except (ValueError, OverflowError, TypeError) as e:
        print(type(e).__name__ + ':', e)
