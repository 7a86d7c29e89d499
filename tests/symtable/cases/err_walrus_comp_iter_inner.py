[x for x in a for z in (w := b)]
