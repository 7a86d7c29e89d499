import builtins
print(callable(builtins.__build_class__), builtins.len is len, type(builtins).__name__)
print(sorted(n for n in dir(builtins) if n.islower() and not n.startswith('_') and n not in ('copyright', 'credits', 'exit', 'quit', 'help', 'license'))[:20])
