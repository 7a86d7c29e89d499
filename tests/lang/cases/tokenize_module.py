import tokenize, io
src = 'def f(a, b):\n    # comment\n    return a + b  # add\n\nx = """multi\nline"""\nprint(f(1,2))\n'
for t in tokenize.generate_tokens(io.StringIO(src).readline):
    print(t)
for t in tokenize.tokenize(io.BytesIO(b'x = 1\n').readline):
    print(t.type, t.exact_type, repr(t.string), t.start, t.end, repr(t.line))
try:
    list(tokenize.generate_tokens(io.StringIO('x = (1,\n').readline))
except tokenize.TokenError as e:
    print('TokenError', e)
try:
    list(tokenize.generate_tokens(io.StringIO('"""abc\n').readline))
except tokenize.TokenError as e:
    print('TokenError', e)
print([t.string for t in tokenize.generate_tokens(io.StringIO('if x:\n  y').readline)])
