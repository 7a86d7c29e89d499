x = 0b1x
