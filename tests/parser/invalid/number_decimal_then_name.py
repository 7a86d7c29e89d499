x = 12for
