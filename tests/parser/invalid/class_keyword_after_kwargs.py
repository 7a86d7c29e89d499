class A(**k, b): pass
