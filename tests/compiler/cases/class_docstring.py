class C:
    '''Doc.'''
    x = 1
