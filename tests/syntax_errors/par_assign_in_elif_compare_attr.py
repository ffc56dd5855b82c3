if a:
    pass
elif self.x = 2:
    pass
