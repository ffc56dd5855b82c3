import config
import user
print(user.read())
config.SETTING = 'changed'
print(user.read())
from config import SETTING
config.SETTING = 'again'
print(SETTING, user.read())
del config.SETTING
try:
    user.read()
except AttributeError as e:
    print(type(e).__name__, e)
print(sorted(k for k in vars(config) if not k.startswith('__')))
