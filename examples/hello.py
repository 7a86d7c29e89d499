# examples/hello.py: a small program the demo shows Adder's front end on.
def greet(name: str, punctuation: str = "!") -> str:
    return f"Hello, {name}{punctuation}"

print(greet("world"))
