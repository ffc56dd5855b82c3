FAKE = True
