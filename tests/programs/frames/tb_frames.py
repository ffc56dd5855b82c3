# Traceback frames: code names, globals and locals of each frame at the time of the error.
def level2(n):
    secret = n * 2
    raise KeyError(secret)

def level1(n):
    before = "here"
    level2(n + 1)

try:
    level1(5)
except KeyError as e:
    tb = e.__traceback__
    while tb:
        f = tb.tb_frame
        local_names = sorted(k for k in f.f_locals if not k.startswith("__"))
        if f.f_code.co_name == "<module>":
            local_names = ["(module)"]
        print(f.f_code.co_name, tb.tb_lineno, f.f_lineno, local_names, f.f_globals is globals())
        tb = tb.tb_next
    print(e.__traceback__.tb_next.tb_frame.f_locals["before"])
    print(e.__traceback__.tb_next.tb_next.tb_frame.f_locals["secret"])
