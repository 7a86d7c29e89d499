s = """first
second ünïcode
third"""
t = '''
'''
u = """a\
b"""
v = f(
    """x""",
    '''y''')
