here = __file__.rpartition('/')[0]
for stmt in ['from mod import nothing', 'from pkg import nothing', 'from sys import nothing']:
    try:
        exec(stmt)
    except ImportError as e:
        print(type(e).__name__, '|', str(e).replace(here, '<DIR>'), '|', e.name)
from mod import absent
