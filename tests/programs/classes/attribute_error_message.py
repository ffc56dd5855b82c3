# Missing attributes on instances and classes.
class Robot:
    def __init__(self):
        self.name = "r2"

    def beep(self):
        return "beep"


r = Robot()
for attr in ("name", "beep", "speed"):
    try:
        value = getattr(r, attr)
        print(attr, value if isinstance(value, str) else callable(value))
    except AttributeError as e:
        print("AttributeError:", e)
print(getattr(r, "speed", "default"))
try:
    Robot.speed
except AttributeError as e:
    print("AttributeError:", e)
r.nmae
