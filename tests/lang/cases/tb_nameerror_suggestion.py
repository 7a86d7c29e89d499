def calculate():
    total_amount = 10
    return total_amout * 2
calculate()
