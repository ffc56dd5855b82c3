try:
    line = input('prompt> ')
    print('got', line)
except EOFError as e:
    print()
    print('EOFError', e)
try:
    input()
except EOFError as e:
    print('EOFError', e)
