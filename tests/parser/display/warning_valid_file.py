x = "\d"
print(x)
