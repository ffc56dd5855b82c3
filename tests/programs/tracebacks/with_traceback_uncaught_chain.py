# Re-raising a stored exception adds the new raise point in front of its old traceback.
def first():
    raise ValueError("original")

saved = None
try:
    first()
except ValueError as e:
    saved = e

def again():
    raise saved

again()
