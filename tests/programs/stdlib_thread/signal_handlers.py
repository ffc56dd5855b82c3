# _signal: Python handlers run soon after the signal arrives; SIG_IGN, SIG_DFL, errors.
import _signal as signal
import posix

got = []


def handler(signum, frame):
    got.append(signum)


print(signal.signal(signal.SIGUSR1, handler))
signal.raise_signal(signal.SIGUSR1)
print(got)
posix.kill(posix.getpid(), signal.SIGUSR1)
print(got)
print(signal.getsignal(signal.SIGUSR1) is handler, signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
posix.kill(posix.getpid(), signal.SIGUSR1)
print(got, signal.getsignal(signal.SIGUSR1))
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
for bad in [lambda: signal.signal(999, handler), lambda: signal.signal(signal.SIGUSR1, 5),
            lambda: signal.signal(signal.SIGKILL, handler), lambda: signal.getsignal(0)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(signal.SIG_DFL, signal.SIG_IGN, signal.NSIG, signal.SIGINT, signal.SIGTERM, signal.SIGALRM)
print(signal.getsignal(signal.SIGPIPE), signal.strsignal(signal.SIGTERM))
print(len(signal.valid_signals()) > 30)


def on_alarm(signum, frame):
    raise TimeoutError("alarm fired")


signal.signal(signal.SIGALRM, on_alarm)
signal.alarm(1)
try:
    while True:
        pass
except TimeoutError as e:
    print(type(e).__name__, e)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
signal.signal(signal.SIGINT, handler)
signal.raise_signal(signal.SIGINT)
print(got)
signal.signal(signal.SIGINT, signal.default_int_handler)
try:
    signal.raise_signal(signal.SIGINT)
    print("not reached")
except KeyboardInterrupt:
    print("KeyboardInterrupt from the default handler")
