x = [1,
     2,
     improt]
whille x: pass
