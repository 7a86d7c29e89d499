try:
    f()
except E as e:
    g()
except:
    h()
else:
    i()
finally:
    k()
