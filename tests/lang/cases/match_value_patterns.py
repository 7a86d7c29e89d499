class Color:
    RED = 'red'
    GREEN = 'green'
class Codes:
    class HTTP:
        OK = 200
        NOT_FOUND = 404
def f(x):
    match x:
        case Color.RED:
            return 'is red'
        case Color.GREEN:
            return 'is green'
        case Codes.HTTP.OK:
            return 'ok'
        case Codes.HTTP.NOT_FOUND:
            return 'missing'
    return 'no match'
for v in ['red', 'green', 200, 404, 500]:
    print(v, f(v))
