ä = 1
def φ(λ):
    return λ + ä
