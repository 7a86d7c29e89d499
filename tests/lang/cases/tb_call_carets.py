def compute(a, b):
    return a * b
numbers = [1, 2]
total = compute(*numbers) + compute(numbers[0])
