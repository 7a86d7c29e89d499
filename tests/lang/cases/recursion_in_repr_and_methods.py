def mutual_a(n): return mutual_b(n + 1)
def mutual_b(n): return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print('mutual recursion:', e)
class Deep:
    def method(self, n):
        return self.method(n + 1)
try:
    Deep().method(0)
except RecursionError as e:
    print('method recursion:', e)
def gen_rec(n):
    yield from gen_rec(n + 1)
try:
    list(gen_rec(0))
except RecursionError as e:
    print('generator recursion:', type(e).__name__)
print('recovered')
