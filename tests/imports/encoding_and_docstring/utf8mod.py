TEXT = 'h\u00e9llo \u4e16\u754c'
