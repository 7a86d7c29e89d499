files = ['file10.txt', 'file2.txt', 'file1.txt', 'File3.txt', 'file02b.txt']
def natural(s):
    parts, cur, digits = [], '', None
    for ch in s:
        d = ch.isdigit()
        if digits is not None and d != digits:
            parts.append(int(cur) if digits else cur.lower())
            cur = ''
        cur += ch
        digits = d
    if cur:
        parts.append(int(cur) if digits else cur.lower())
    return parts
print(sorted(files))
print(sorted(files, key=natural))
print(natural('a10b2'))
