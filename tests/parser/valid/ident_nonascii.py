café = 1
naïve = café
日本 = "Japan"
Δx = 0.1
π = 3.14
ñ, ü = 1, 2
def функция(параметр): return параметр
class Κλάση: pass
_私 = 1
