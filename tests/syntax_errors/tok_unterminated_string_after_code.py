def greet(who):
    return 'Hello, ' + who + '!
