items = [
    'one',
    'two'
    three,
]
