for i, (j, k) in pairs:
    total = i
else:
    done = 1
while cond:
    body = 1
else:
    fin = 2
