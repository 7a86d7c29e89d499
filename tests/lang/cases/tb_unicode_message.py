raise ValueError('données invalides: ¿qué? 😀')
