a and b
a or b
a and b or c and d
not a
not not a
a or not b and c
(a or b) and c
