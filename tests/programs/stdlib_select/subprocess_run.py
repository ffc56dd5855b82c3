# subprocess end to end (select-based communicate): run, check_output, Popen, pipes, errors.
import subprocess
import sys

r = subprocess.run(["echo", "hi"], capture_output=True)
print(r)
print(subprocess.check_output(["echo", "hello world"]))
print(subprocess.check_output("echo $((1+2))", shell=True, text=True))
r = subprocess.run(["cat"], input=b"abc\n" * 30000, capture_output=True)
print(len(r.stdout), r.returncode, r.stdout[-8:])
try:
    subprocess.check_call(["false"])
except subprocess.CalledProcessError as e:
    print(e, e.returncode)
r = subprocess.run(["sh", "-c", "echo out; echo err >&2; exit 3"], capture_output=True, text=True)
print(r.returncode, repr(r.stdout), repr(r.stderr))
r = subprocess.run(["sh", "-c", "echo out; echo err >&2"], stdout=subprocess.PIPE,
                   stderr=subprocess.STDOUT)
print(r.stdout)
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
out, err = p.communicate(b"data")
print(out, err, p.returncode)
p = subprocess.Popen(["tr", "a-z", "A-Z"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                     text=True)
print(p.communicate("shout\n"))
try:
    subprocess.run(["sleep", "5"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print("timeout", e.cmd)
try:
    subprocess.run(["/nonexistent/x"])
except FileNotFoundError as e:
    print(type(e).__name__, e)
try:
    subprocess.check_output(["sh", "-c", "exit 7"])
except subprocess.CalledProcessError as e:
    print(e.returncode, e.output)
r = subprocess.run([sys.executable, "-c", "print(6*7)"], stdout=subprocess.PIPE)
print(r.stdout)
print(subprocess.getoutput("echo go"))
print(subprocess.getstatusoutput("exit 4"))
print(subprocess.call(["true"]), subprocess.call("exit 2", shell=True))
with subprocess.Popen(["echo", "ctx"], stdout=subprocess.PIPE) as p:
    print(p.stdout.read(), p.wait())
r = subprocess.run(["sh", "-c", "cat; echo done"], input="line1\nline2\n", capture_output=True,
                   text=True)
print(repr(r.stdout))
