{x: y for x in z} = 1
