import a.b.c
import a.b as ab
import x as y
