msg = 'hello' name
