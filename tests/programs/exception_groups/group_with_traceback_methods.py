# Groups keep tracebacks of members; with_traceback and notes on groups.
def raise_one(exc):
    raise exc

members = []
for e in (ValueError("a"), TypeError("b")):
    try:
        raise_one(e)
    except Exception as caught:
        members.append(caught)
g = ExceptionGroup("collected", members)
print([m.__traceback__.tb_next.tb_frame.f_code.co_name for m in g.exceptions])
print(g.__traceback__)
try:
    raise g
except ExceptionGroup as caught:
    print(caught.__traceback__.tb_frame.f_code.co_name, caught.__traceback__.tb_next)
g2 = g.with_traceback(None)
print(g2 is g, g.__traceback__)
g.add_note("group note")
m, r = g.split(ValueError)
print(m.__notes__, r.__notes__, m.exceptions[0].__traceback__ is members[0].__traceback__)
