# select.epoll: register/modify/unregister/poll, closing, context manager, fromfd.
import os
import select

r, w = os.pipe()
ep = select.epoll()
print(ep.closed, ep.fileno() > 2)
ep.register(r, select.EPOLLIN)
ep.register(w)
print(sorted(ep.poll(0)))
os.write(w, b"x")
print(sorted(ep.poll(0.5)))
ep.modify(w, 0)
print(ep.poll(timeout=0))
print(ep.poll(-1, maxevents=1))
ep.unregister(w)
print(os.read(r, 10), ep.poll(0))
try:
    ep.unregister(w)
except OSError as e:
    print(type(e).__name__, e)
try:
    ep.modify(w, 1)
except OSError as e:
    print(type(e).__name__, e)
with ep as same:
    print(same is ep)
print(ep.closed)
for f in (ep.fileno, lambda: ep.poll(0), lambda: ep.register(r), ep.__enter__):
    try:
        f()
    except ValueError as e:
        print(e)
ep.close()
try:
    select.epoll(sizehint=-5)
except ValueError as e:
    print(e)
e2 = select.epoll(4, 0)
e3 = select.epoll.fromfd(os.dup(e2.fileno()))
print(type(e3).__name__, e3.closed)
e3.register(r, select.EPOLLIN)
os.write(w, b"yz")
print(e3.poll(1))
e2.close()
e3.close()
print(repr(type(e3)))

