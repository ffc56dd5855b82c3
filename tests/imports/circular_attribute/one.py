import two
VALUE = 1
