x = a or b and c or not d
y = (a and b) or (c and d)
