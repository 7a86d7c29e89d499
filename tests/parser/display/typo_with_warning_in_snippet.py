x = "\d"
whille True: pass
