# dicts.py: building, reading, updating and iterating dictionaries.
words = [f"w{i % 5000}" for i in range(200000)]
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
inverse = {}
for k, v in counts.items():
    inverse.setdefault(v, []).append(k)
merged = {k: v * 2 for k, v in counts.items() if k.endswith("7")}
print(len(counts), sorted(inverse)[:3], len(merged), sum(merged.values()))
