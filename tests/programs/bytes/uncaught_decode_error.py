data = b'valid \xc3\xa9 then \xff'
print(data.decode('utf-8', 'replace'))
print(data.decode())
