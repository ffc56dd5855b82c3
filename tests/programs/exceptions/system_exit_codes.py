# SystemExit carries the exit status; finally blocks run on the way out.
def shutdown(code):
    try:
        raise SystemExit(code)
    finally:
        print("cleanup before exit", code)


try:
    shutdown(4)
except SystemExit as e:
    print("caught SystemExit", e.args)
shutdown(3)
