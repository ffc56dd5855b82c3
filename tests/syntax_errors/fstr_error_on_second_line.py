name = 'x'
greeting = (
    f'Hello {name}, '
    f'you are {age!x} years old'
)
