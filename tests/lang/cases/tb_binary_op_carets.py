a = 5
b = 'text'
result = a + b
