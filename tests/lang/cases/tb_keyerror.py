inventory = {'apples': 3}
print(inventory['pears'])
