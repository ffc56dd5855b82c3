WHO = 'local colorsys shadows the standard library'
