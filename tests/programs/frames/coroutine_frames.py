# cr_frame, cr_await, cr_running, cr_code and names of coroutines.
class Wait:
    def __await__(self):
        got = yield "waiting"
        return got

async def task():
    value = await Wait()
    return value * 2

c = task()
print(c.cr_running, c.cr_await, c.cr_code.co_name, c.cr_frame is not None)
print(c.send(None))
print(type(c.cr_await).__name__, c.cr_frame.f_lineno)
try:
    c.send(21)
except StopIteration as e:
    print("result", e.value)
print(c.cr_frame, c.cr_await, c.cr_running)

class Holder:
    async def method(self):
        return 1

h = Holder().method()
print(h.__name__, h.__qualname__, type(h).__name__)
h.close()
print(hasattr(c, "gi_frame"), hasattr(c, "cr_origin"))
