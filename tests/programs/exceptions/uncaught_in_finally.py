try:
    print("body")
finally:
    print("cleanup")
    1 / 0
