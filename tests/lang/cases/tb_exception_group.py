def fail(n):
    raise ValueError(f'bad {n}')
errors = []
for i in range(2):
    try:
        fail(i)
    except ValueError as e:
        errors.append(e)
errors.append(TypeError('type problem'))
raise ExceptionGroup('several problems', errors)
