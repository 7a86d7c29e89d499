class Temperature:
    @property
    def kelvin(self):
        raise ValueError('sensor offline')
t = Temperature()
print(t.kelvin)
