counter = 0
def outer():
    def inner():
        global counter
        counter += 1
    inner(); inner()
outer()
print(counter)
def make():
    global made
    made = 'yes'
make()
print(made)
