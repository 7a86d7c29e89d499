def gen_factory():
    results = []
    def make(n):
        def g():
            for i in range(n):
                results.append(i)
                yield i
        return g
    return make, results
make, results = gen_factory()
print(list(make(3)()), results)
print(sum(x for x in make(2)()), results)
