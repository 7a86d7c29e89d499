try:
    raise KeyError('first')
finally:
    print('finally ran before the traceback')
