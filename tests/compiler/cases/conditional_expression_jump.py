x = a if b and c else d
y = [z for z in w if not z]
