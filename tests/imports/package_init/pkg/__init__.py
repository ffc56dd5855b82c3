NAME = 'the package'
print('init of', __name__)
