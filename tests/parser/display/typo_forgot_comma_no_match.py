a = 1

x = (1, 2
  improt y)
