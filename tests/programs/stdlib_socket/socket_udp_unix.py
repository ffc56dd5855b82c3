# UDP and AF_UNIX sockets, selectors over sockets, detach/dup/fromfd, shutdown, send errors.
import os
import selectors
import socket
import tempfile

u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u1.bind(("127.0.0.1", 0))
u2.bind(("127.0.0.1", 0))
print(u2.sendto(b"datagram", u1.getsockname()))
data, addr = u1.recvfrom(100)
print(data, addr == u2.getsockname())
u1.sendto(b"back", 0, addr)
buf = bytearray(10)
print(u2.recv_into(buf), buf)
u1.close()
u2.close()

with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "sock")
    srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    srv.bind(path)
    srv.listen(1)
    print(srv.getsockname() == path)
    cli = socket.socket(socket.AF_UNIX)
    cli.connect(path)
    conn, addr = srv.accept()
    print(repr(addr), conn.family == socket.AF_UNIX)
    sel = selectors.DefaultSelector()
    sel.register(conn, selectors.EVENT_READ, "conn")
    print(sel.select(0))
    cli.sendall(b"over unix")
    print([(k.data, ev) for k, ev in sel.select(1)])
    print(conn.recv(100))
    cli.shutdown(socket.SHUT_WR)
    print(conn.recv(100))
    sel.close()
    for s in (srv, cli, conn):
        s.close()

a, b = socket.socketpair()
fd = a.detach()
print(a.fileno(), fd > 2)
c = socket.socket(fileno=fd)
print(c.family == socket.AF_UNIX, c.type == socket.SOCK_STREAM)
d = c.dup()
d.sendall(b"via dup")
print(b.recv(20))
e = socket.fromfd(b.fileno(), socket.AF_UNIX, socket.SOCK_STREAM)
e.sendall(b"via fromfd")
print(c.recv(20))
b.close()
try:
    c.send(b"x" * 10)
    c.send(b"x" * 10)
except BrokenPipeError as err:
    print("BrokenPipeError", err.errno)
except ConnectionResetError as err:
    print("reset")
for s in (c, d, e):
    s.close()
print(socket.SocketType is socket._socket.socket, issubclass(socket.socket, socket.SocketType))
print(socket.AddressFamily.AF_INET, socket.SocketKind(1), socket.MSG_PEEK)
