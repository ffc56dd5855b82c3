header = b'HDR:'
print(header + b'ok')
print(header + 'text')
