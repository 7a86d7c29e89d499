songs = ['a', 'b']
print(f"{'; '.join(songs)}")
print(f"{f"{f"{1 + 1}"}"}")
d = {'key': 'v'}
print(f'{d['key']}')
print(f'{"\n".join(["x", "y"])}')
x = 5
print(f'{x # a comment
}')
print(f'{
    x
    + 1
}')
