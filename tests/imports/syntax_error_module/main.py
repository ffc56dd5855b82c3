try:
    import bad_syntax
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.filename.rpartition('/')[2])
import sys
print('bad_syntax' in sys.modules)
import bad_indent
