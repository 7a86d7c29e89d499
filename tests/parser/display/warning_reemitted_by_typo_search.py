x = f"{1:\d}"
y = 0x1for
