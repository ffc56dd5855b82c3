# posix file descriptors, pipes, the environment and process facts.
import posix

r, w = posix.pipe()
print(posix.write(w, b"through the pipe"), posix.read(r, 7), posix.read(r, 100))
print(posix.get_inheritable(r), posix.get_blocking(r))
posix.set_inheritable(r, True)
posix.set_blocking(r, False)
print(posix.get_inheritable(r), posix.get_blocking(r))
try:
    posix.read(r, 10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
d = posix.dup(w)
print(d != w, posix.get_inheritable(d))
posix.write(d, b"dup")
print(posix.read(r, 10))
posix.close(d)
d2 = posix.dup2(w, 99)
print(d2, posix.get_inheritable(99))
posix.close(99)
posix.close(r)
posix.close(w)
for fd in (r, 99):
    try:
        posix.close(fd)
    except OSError as e:
        print(type(e).__name__, e)
print(posix.isatty(r) if False else "skip", posix.fstat(0).st_mode >= 0)
base = "/tmp/kaa_posix_fds_%d" % posix.getpid()
fd = posix.open(base, posix.O_RDWR | posix.O_CREAT | posix.O_EXCL, 0o600)
posix.write(fd, b"0123456789")
print(posix.lseek(fd, 3, 0), posix.read(fd, 2), posix.lseek(fd, 0, 1),
      posix.lseek(fd, -1, 2), posix.read(fd, 5))
posix.ftruncate(fd, 4)
print(posix.fstat(fd).st_size)
posix.fsync(fd)
posix.close(fd)
try:
    posix.open(base, posix.O_CREAT | posix.O_EXCL | posix.O_WRONLY)
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror)
posix.unlink(base)
env = posix.environ
print(type(env).__name__, all(isinstance(k, bytes) and isinstance(v, bytes) for k, v in env.items()))
posix.putenv("KAA_TEST_VAR", "x")
posix.unsetenv("KAA_TEST_VAR")
try:
    posix.putenv("BAD=NAME", "x")
except ValueError as e:
    print(type(e).__name__, e)
print(posix.getpid() > 0, posix.getppid() > 0, posix.getuid() >= 0, type(posix.getgid()).__name__)
print(posix.strerror(2), posix.strerror(13))
print(len(posix.urandom(16)), type(posix.urandom(0)).__name__)
print(posix.cpu_count() >= 1, posix.uname().sysname, len(posix.uname()))
t = posix.times()
print(type(t).__name__, len(t), t.user >= 0)
old = posix.umask(0o22)
print(posix.umask(old) == 0o22)
print(posix.fspath("p"), posix.fspath(b"p"))
class P:
    def __fspath__(self):
        return "from-fspath"
print(posix.fspath(P()))
for bad in (1, None):
    try:
        posix.fspath(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(posix.waitstatus_to_exitcode(3 << 8), posix.waitstatus_to_exitcode(9), posix.WEXITSTATUS(5 << 8),
      posix.WIFEXITED(0), posix.WIFSIGNALED(15), posix.WTERMSIG(15))
try:
    posix.waitstatus_to_exitcode(0x137f)
except ValueError as e:
    print(type(e).__name__, e)
print(posix.terminal_size((80, 24)), posix.terminal_size((80, 24)).lines)
