print('pkg init runs once')
