if a:
  if b:
        if c:
         x = 1
        y = 2
  z = 3
w = 4
