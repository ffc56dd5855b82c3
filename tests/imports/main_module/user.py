import __main__
seen = __main__.TOKEN
if __name__ == '__main__':
    print('never')
else:
    print('user imported as', __name__)
