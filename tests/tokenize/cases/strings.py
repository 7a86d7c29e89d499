'a' "b" '''c''' """d""" r'\d' b'x' rb'y' BR'z' Rb'w' u'v' U'q'
