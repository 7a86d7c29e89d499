import a as b[0]
