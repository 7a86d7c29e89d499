def none(): return
def multi(): return 1, 2
def early(n):
    for i in range(n):
        if i == 2:
            return i
    return -1
print(none(), multi(), early(5), early(1))
def nested_finally():
    try:
        return 'try'
    finally:
        print('finally runs')
print(nested_finally())
