N = 1
extra = 'original'
print('loading', __name__)
