# SystemExit carries the exit status; finally blocks run on the way out.
def shutdown(code):
    try:
        raise SystemExit(code)
    finally:
        print("cleanup before exit", code)


try:
    shutdown(4)
except SystemExit as e:
    print("caught SystemExit", e.code, e.args)
try:
    raise SystemExit("message exit")
except SystemExit as e:
    print("code is", repr(e.code))
shutdown(3)
