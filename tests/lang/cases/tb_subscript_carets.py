data = {'alpha': [1, 2, 3]}
value = data['alpha'][10]
