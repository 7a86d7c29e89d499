people = [('ann', 30, 'nyc'), ('bob', 25, 'la'), ('cat', 30, 'la'), ('dan', 25, 'nyc')]
print(sorted(people, key=lambda p: (-p[1], p[0])))
by_city = sorted(people, key=lambda p: p[0], reverse=True)
by_city.sort(key=lambda p: p[2])
print(by_city)
