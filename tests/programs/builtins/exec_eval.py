# exec, eval and compile with explicit namespaces; compile modes; errors from compiled code.

g = {"x": 10}
print(eval("x * 2", g), eval("  x + 1", g), eval("\tx", g))
print(eval("[y * x for y in range(3)]", g))
print(eval("x + y", g, {"y": 5}), eval("x", g, {"x": "local"}))
exec("z = x + 1\ndef f(a):\n    return a * z\nw = f(3)", g)
print(g["z"], g["w"], g["f"](2), sorted(k for k in g if k != "__builtins__"))
print("__builtins__" in g, type(g["__builtins__"]).__name__)
loc = {}
exec("a = 1\nb = a + x", g, loc)
print(sorted(loc.items()), "a" in g)
exec("class K:\n    v = x\n    def m(self):\n        return self.v * 2", g)
print(g["K"]().m(), g["K"].__name__)
exec("for i in range(3):\n    print('loop', i)", {})
exec("import math\nprint(math.floor(2.5))", {})

code = compile("x ** 2", "<expr>", "eval")
print(type(code).__name__, eval(code, {"x": 7}), eval(code, {"x": 3}))
print(exec(compile("1 + 1", "<e>", "eval"), {}), eval(compile("q = 1", "<s>", "exec"), {}))
mod = compile("total = 0\nfor n in range(5):\n    total += n\n", "<mod>", "exec")
ns = {}
exec(mod, ns)
print(ns["total"])
exec(compile("1 + 2", "<single>", "single"), {})
exec(compile("None", "<single>", "single"), {})
exec(compile("'text'", "<single>", "single"), {})
exec(compile("if True:\n    40 + 2\n    print('inside')\n", "<single>", "single"), {})
exec(compile("a = 5; a; a * 2", "<single>", "single"), {})
exec(compile("def h():\n    99\n\nh()", "<single>", "exec"), {})
print(compile("pass", "name.py", "exec").co_filename if hasattr(compile("pass", "n", "exec"), "co_filename") else "name.py")

def errors(src, globs=None):
    try:
        r = eval(src, {} if globs is None else globs)
        print(src, "->", r)
    except Exception as e:
        # str() of a SyntaxError adds "(file, line n)"; its first argument is the message alone.
        print(src, "!!", type(e).__name__, e.args[0] if isinstance(e, SyntaxError) else e)

errors("undefined_name")
errors("1 / 0")
errors("eval('1 +', {})")
errors("exec(')', {})")
errors("exec('x = 1\\n  y = 2', {})")
errors("exec('if 1:\\nx = 1', {})")
errors("eval('x = 1', {})")
errors("eval('1\\0', {})")
errors("compile('1\\n2', 'f', 'single')")
errors("compile('1 + 2\\nNone', 'f', 'single')")
errors("eval()")
errors("eval(1)")
errors("eval('1', 1)")
errors("eval('1', [])")
errors("eval('1', {}, 1)")
errors("eval('1', {}, {}, 1)")
errors("eval('1', globals={})")
errors("exec()")
errors("exec(1)")
errors("exec('1', [])")
errors("exec('1', {}, 1)")
errors("exec('1', {}, {}, 1)")
errors("exec('1', globals={})")
errors("exec('1', {}, closure=None)")
errors("compile()")
errors("compile('1')")
errors("compile('1', 'f')")
errors("compile('1', 'f', 'x')")
errors("compile('1', 1, 'exec')")
errors("compile('1', 'f', 1)")
errors("compile(1, 'f', 'exec')")
errors("compile('1', 'f', 'exec', x=1)")

try:
    exec("def broken(:\n    pass", {})
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.filename)
try:
    exec("if x:\nreturn", {})
except IndentationError as e:
    print(type(e).__name__, e.msg, e.lineno)
try:
    eval("return 1", {})
except SyntaxError as e:
    print(type(e).__name__, e.msg)
try:
    exec("raise KeyError('inner')", {})
except KeyError as e:
    print("caught", repr(e))
print(eval("__import__('math').sqrt(16)", {}), __import__("math").pi > 3, __import__("sys").maxsize > 0)
try:
    __import__("no_such_module_here")
except ImportError as e:
    print(type(e).__name__, e)

exec("def f():\n    return 1 / 0\nf()", {})
