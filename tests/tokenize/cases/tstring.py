t"hello {name}" T"{x!r:>5}" rt"{y}" tr"\{z}"
