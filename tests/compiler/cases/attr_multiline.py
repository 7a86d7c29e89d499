x = (a
     .b
     .c)
y = (o
  .m(
  1))
