# _stat (under stat): constants, S_IS* tests, S_IMODE/S_IFMT, filemode, argument errors.
import _stat
import os
import stat
import tempfile

print(stat.S_ISDIR is _stat.S_ISDIR, stat.filemode is _stat.filemode)
for n in sorted(dir(_stat)):
    v = getattr(_stat, n)
    if isinstance(v, int):
        print(n, v)
for mode in [0o100755, 0o40000 | 0o7777, 0o120777, 0o20644, 0o60600, 0o10644, 0o140755, 0o4755,
             0o2710, 0o1700, 0o6000, 0, 0o170000]:
    print(oct(mode), stat.filemode(mode), stat.S_IMODE(mode), stat.S_IFMT(mode),
          [f.__name__ for f in (stat.S_ISDIR, stat.S_ISREG, stat.S_ISLNK, stat.S_ISCHR, stat.S_ISBLK,
                                stat.S_ISFIFO, stat.S_ISSOCK, stat.S_ISDOOR, stat.S_ISPORT,
                                stat.S_ISWHT) if f(mode)])
with tempfile.TemporaryDirectory() as d:
    print(stat.S_ISDIR(os.stat(d).st_mode), stat.filemode(os.stat(d).st_mode)[0])
for bad in ["x", -1, 2**40, 1.5, None]:
    try:
        print(_stat.S_ISDIR(bad))
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)
for call in [lambda: _stat.S_ISDIR(), lambda: _stat.filemode(1, 2), lambda: _stat.S_IMODE(True)]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
