from first import f
def g(): pass
