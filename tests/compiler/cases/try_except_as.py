try:
    f()
except E as e:
    print(e)
