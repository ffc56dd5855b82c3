R = 'real module still found'
