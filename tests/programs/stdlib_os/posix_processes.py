# fork, _exit, waitpid and the status helpers; fork_exec as subprocess uses it.
import posix
import _posixsubprocess

pid = posix.fork()
if pid == 0:
    posix._exit(7)
got, status = posix.waitpid(pid, 0)
print(got == pid, posix.WIFEXITED(status), posix.WEXITSTATUS(status), posix.waitstatus_to_exitcode(status))

r, w = posix.pipe()
pid = posix.fork()
if pid == 0:
    posix.close(r)
    posix.write(w, b"from child")
    posix._exit(0)
posix.close(w)
print(posix.read(r, 100))
posix.close(r)
print(posix.waitpid(pid, 0)[1])

# Run `/bin/sh -c 'echo hi; exit 3'` with its stdout on a pipe, as subprocess does.
out_r, out_w = posix.pipe()
err_r, err_w = posix.pipe()
pid = _posixsubprocess.fork_exec(
    [b"/bin/sh", b"-c", b"echo hi from sh; exit 3"], [b"/bin/sh"], True, (err_w,), None, None,
    -1, -1, out_r, out_w, -1, -1, err_r, err_w, True, False, -1, None, None, None, -1, None, False)
posix.close(out_w)
posix.close(err_w)
print(posix.read(err_r, 100))
data = b""
while True:
    chunk = posix.read(out_r, 100)
    if not chunk:
        break
    data += chunk
print(data)
print(posix.waitstatus_to_exitcode(posix.waitpid(pid, 0)[1]))
posix.close(out_r)
posix.close(err_r)

# A program that does not exist: the child reports the errno on the error pipe.
err_r, err_w = posix.pipe()
pid = _posixsubprocess.fork_exec(
    [b"nope"], [b"/nonexistent/nope"], True, (err_w,), None, None,
    -1, -1, -1, -1, -1, -1, err_r, err_w, True, False, -1, None, None, None, -1, None, False)
posix.close(err_w)
print(posix.read(err_r, 100))
posix.close(err_r)
print(posix.waitstatus_to_exitcode(posix.waitpid(pid, 0)[1]))
