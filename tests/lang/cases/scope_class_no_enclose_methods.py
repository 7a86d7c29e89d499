class A:
    val = 5
    def get(self):
        try:
            return val
        except NameError as e:
            return 'NameError: ' + str(e)
print(A().get())
class B:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        bad = [i * val2 for i in items]
    except NameError as e:
        err = str(e)
    val2 = 1
print(B.doubled, B.err)
