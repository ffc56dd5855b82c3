import config
def read():
    return config.SETTING
