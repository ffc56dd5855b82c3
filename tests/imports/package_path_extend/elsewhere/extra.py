E = 'from an extra __path__ entry'
