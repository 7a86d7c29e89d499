records = [{'name': 'a', 'age': 3}, {'name': 'b', 'age': None}]
total = 0
for r in records:
    total += r['age']
