# time: struct_time, gmtime, strftime, asctime, mktime, strptime, clocks.
import time

print(time.gmtime(0))
t = time.gmtime(1700000000)
print(t.tm_year, t[0], t.tm_zone, len(t), t[:3], t[-1], t.tm_gmtoff)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %%", t))
print(time.strftime("%A %B %p %y %I", time.gmtime(86400 * 200.5)))
print(time.asctime(t), time.asctime((2020, 1, 2, 3, 4, 5, 3, 2, 0)))
print(time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0)))
st = time.struct_time((2020, 1, 2, 3, 4, 5, 6, 7, 0, "UTC", 0))
print(st.tm_zone, st == (2020, 1, 2, 3, 4, 5, 6, 7, 0), tuple(st))
print(time.struct_time.n_fields, time.struct_time.n_sequence_fields, time._STRUCT_TM_ITEMS)
lt = time.localtime(1700000000)
print(time.mktime(lt) == 1700000000.0)
m1 = time.monotonic()
p1 = time.perf_counter()
time.sleep(0.01)
print(time.monotonic() - m1 >= 0.009, time.perf_counter() - p1 >= 0.009)
print(type(time.time()).__name__, type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__,
      type(time.process_time()).__name__, type(time.thread_time()).__name__)
print(abs(time.time() - time.time_ns() / 1e9) < 1)
for bad in [lambda: time.strftime("%Y", (1, 2)), lambda: time.sleep(-1), lambda: time.gmtime("x"),
            lambda: time.asctime((2020, 13, 1, 0, 0, 0, 0, 1, 0)), lambda: time.struct_time((1, 2))]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
