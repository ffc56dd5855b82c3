H = 'found after sys.path change'
