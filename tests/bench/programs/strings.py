# strings.py: str building, methods, formatting and searching.
parts = []
for i in range(240000):
    s = f"item-{i:05d}:{i * 3.5:.2f}"
    parts.append(s.upper().replace("ITEM", "it").split(":")[0])
text = ",".join(parts)
print(len(text), text.count("it-0"), text.find("it-239999"), "%s|%5d|%-4s" % ("x", 42, "ab"))
words = text.split(",")
print(sum(len(w) for w in words), words[12345].center(20, "*"))
