x: int = 5
y: str
print(x)
print(__annotations__ if '__annotations__' in dir() else 'no module dict entry')
import sys
mod = sys.modules[__name__]
print(mod.__annotations__)
