print('plain'.encode('ascii'))
print('snowman ☃'.encode('ascii'))
