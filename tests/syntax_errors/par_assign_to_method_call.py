obj.get('k') = 5
