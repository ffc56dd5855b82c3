# _thread: locks, RLock, identity, start_new_thread (joined through a lock).
import _thread

l = _thread.allocate_lock()
print(type(l).__name__, l.locked(), l.acquire(), l.locked(), l.acquire(False), l.acquire(timeout=0.01))
l.release()
try:
    l.release()
except RuntimeError as e:
    print(type(e).__name__, e)
with l:
    print(l.locked())
print(l.locked())
try:
    l.acquire(False, 1)
except ValueError as e:
    print(type(e).__name__, e)
r = _thread.RLock()
with r:
    with r:
        print(r._is_owned())
print(r._is_owned())
try:
    r.release()
except RuntimeError as e:
    print(type(e).__name__, e)
print(isinstance(_thread.get_ident(), int), _thread.TIMEOUT_MAX > 1e6, _thread.error is RuntimeError)
results = []
done = _thread.allocate_lock()
done.acquire()
main = _thread.get_ident()


def worker(n, scale=1):
    results.append((n * scale, _thread.get_ident() != main))
    done.release()


_thread.start_new_thread(worker, (21,), {"scale": 2})
done.acquire()
print(results, _thread._count())
print(type(_thread.LockType).__name__, isinstance(l, _thread.LockType))
