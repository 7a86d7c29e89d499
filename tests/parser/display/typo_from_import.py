from x improt y
