x = 7
s = f'''line one {x}
line two {x * 2}
{x:03}'''
print(s)
print(f'a' f'b{x}' 'c')
