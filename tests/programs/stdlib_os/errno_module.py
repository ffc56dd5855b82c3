import errno

print(errno.ENOENT, errno.EACCES, errno.EEXIST, errno.EAGAIN, errno.EWOULDBLOCK, errno.EINTR)
print(errno.errorcode[errno.ENOENT], errno.errorcode[11], errno.errorcode[35], errno.errorcode[95])
print(len(errno.errorcode) > 100, sorted(errno.errorcode)[:5])
print(all(getattr(errno, name) == code for code, name in errno.errorcode.items()))
e = OSError(errno.ENOENT, "No such file or directory", "x")
print(type(e).__name__, e.errno == errno.ENOENT, e)
