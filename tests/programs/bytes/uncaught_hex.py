print(bytes.fromhex('00ff'))
print(bytes.fromhex('0g'))
