# An uncaught io.UnsupportedOperation: traceback's last line and exit status.
import _io

f = _io.BytesIO(b"x")
w = _io.BufferedWriter(_io.BytesIO())
print("before")
w.read()
