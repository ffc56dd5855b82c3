# socket over _socket: socketpair, TCP on localhost, makefile, timeouts, addresses, errors.
import socket, threading
print(socket.AF_INET, repr(socket.AF_INET), repr(socket.SOCK_STREAM))
a, b = socket.socketpair()
print(a.family, a.type, repr(a.family), a.gettimeout(), a.getblocking())
a.sendall(b"hello")
print(b.recv(10))
b.send(b"x" * 5)
print(a.recv(3), a.recv(10))
print(a.getsockname(), b.getpeername() if False else "")
a.settimeout(0.1)
try:
    a.recv(1)
except TimeoutError as e:
    print("timeout", type(e).__name__, e, socket.timeout is TimeoutError)
a.setblocking(False)
try:
    a.recv(1)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
a.close(); b.close()
print(a.fileno(), repr(a)[:40])
try:
    a.recv(1)
except OSError as e:
    print(type(e).__name__, e)
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen()
host, port = srv.getsockname()
print(host, port > 0, srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
c = socket.create_connection((host, port))
conn, addr = srv.accept()
print(addr[0], type(conn).__name__, conn.getpeername() == c.getsockname())
c.sendall(b"ping")
print(conn.recv(4))
f = conn.makefile("rwb")
c.sendall(b"line1\nline2\n")
print(f.readline(), f.readline())
f.write(b"reply\n"); f.flush()
print(c.recv(100))
f.close(); conn.close(); c.close(); srv.close()
print(socket.getaddrinfo("127.0.0.1", 80, socket.AF_INET, socket.SOCK_STREAM))
print(socket.getaddrinfo("::1", "http", socket.AF_INET6, socket.SOCK_STREAM)[0][4])
print(socket.inet_aton("1.2.3.4"), socket.inet_ntoa(b"\x7f\x00\x00\x01"))
print(socket.inet_pton(socket.AF_INET6, "::1"), socket.inet_ntop(socket.AF_INET6, b"\x00" * 15 + b"\x01"))
print(socket.htons(1), socket.ntohl(1), socket.gethostbyname("127.0.0.1"))
print(type(socket.gethostname()).__name__)
try:
    socket.getaddrinfo("not-numeric", 80, flags=socket.AI_NUMERICHOST)
except socket.gaierror as e:
    print("gaierror", e.errno == socket.EAI_NONAME, e)
try:
    socket.socket().connect(("127.0.0.1", 1))
except ConnectionRefusedError as e:
    print("refused", e)
for bad in [lambda: socket.socket().bind(("127.0.0.1", 70000)), lambda: socket.socket().bind("x"),
            lambda: socket.inet_aton("x.y"), lambda: socket.socket().recv(-1)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as u:
    print(u.getsockname() == "", u.type)
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(2.5)
s = socket.socket()
print(s.gettimeout(), s.timeout)
s.close()
socket.setdefaulttimeout(None)
