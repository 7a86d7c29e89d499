def grade(s):
    return 'A' if s >= 90 else 'B' if s >= 80 else 'C' if s >= 70 else 'F'
print([grade(s) for s in (95, 85, 75, 10)])
print((1 and 'x') or 'y', (0 and 'x') or 'y', [] or {} or 0 or '' or 'last')
