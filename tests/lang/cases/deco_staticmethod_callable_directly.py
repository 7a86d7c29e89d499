class U:
    @staticmethod
    def helper(x): return x + 1
    table = [helper(1)] if callable(staticmethod(lambda: 0)) else []
print(U.table, U.helper(5))
