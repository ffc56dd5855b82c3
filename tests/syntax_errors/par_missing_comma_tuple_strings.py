names = ('alice' 'bob' carol)
