class Temperature:
    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError("below absolute zero")
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * 9 / 5 + 32

    @classmethod
    def freezing(cls):
        return cls(0)

    @staticmethod
    def describe():
        return "temperature"

t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit, Temperature.freezing().celsius, Temperature.describe(), t.describe())
try:
    t.celsius = -300
except ValueError as e:
    print("rejected:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
