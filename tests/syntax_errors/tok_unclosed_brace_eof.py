config = {
    'a': 1,
