print(chr(65), chr(0x3B1), ord('\U0001F40D'), repr(chr(0)), chr(0xD800) == '\ud800')
for f in [lambda: chr(0x110000), lambda: chr('a'), lambda: ord(''), lambda: ord(5), lambda: chr(1.5)]:
    try:
        f()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ':', e)
