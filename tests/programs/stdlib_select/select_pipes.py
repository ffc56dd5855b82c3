# select.select and poll objects over pipes: readiness, ordering, file objects with fileno().
import os
import select

r, w = os.pipe()
print(select.select([r], [w], [], 0))
os.write(w, b"hello")
print(select.select([r], [w], [r, w], 0))
print(select.select((r,), (), (), 0.01))


class F:
    def __init__(self, fd):
        self.fd = fd

    def fileno(self):
        return self.fd

    def __repr__(self):
        return f"F({self.fd})"


fr, fw = F(r), F(w)
print(select.select([fr, fw], [fw], [], 0))
print(select.select(iter([fr]), [], [], None))

p = select.poll()
p.register(r)
p.register(fw, select.POLLOUT)
print(sorted(p.poll(0)))
p.modify(r, select.POLLIN | select.POLLPRI)
print(sorted(p.poll(10)))
print(os.read(r, 100))
print(p.poll(0))
p.unregister(fw)
print(p.poll(0))
os.close(w)
print(p.poll(0))
print(p.poll(None))
p.unregister(r)
print(p.poll(0))
os.close(r)

# A closed descriptor is reported as POLLNVAL by poll and as EBADF by select.
p.register(r)
print(p.poll(0) == [(r, select.POLLNVAL)])
try:
    select.select([r], [], [], 0)
except OSError as e:
    print(type(e).__name__, e.errno)

# Constants
for name in ["POLLIN", "POLLPRI", "POLLOUT", "POLLERR", "POLLHUP", "POLLNVAL", "POLLRDNORM",
             "POLLRDBAND", "POLLWRNORM", "POLLWRBAND", "POLLMSG", "POLLRDHUP", "PIPE_BUF",
             "EPOLLIN", "EPOLLOUT", "EPOLLET", "EPOLLONESHOT", "EPOLLEXCLUSIVE", "EPOLLRDHUP",
             "EPOLL_CLOEXEC", "EPOLLMSG", "EPOLLWRBAND"]:
    print(name, getattr(select, name))
print(select.error is OSError)
print(sorted(n for n in dir(select) if not n.startswith("_")))
