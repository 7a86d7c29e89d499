{x for x in y}
{x: y for x, y in z}
{k: v for k in a if k for v in b}
{x: {y for y in x} for x in z}
