# What a warning prints on stderr, with and without the warnings module, and under -W.
import subprocess
import sys


def run(*args, code):
    r = subprocess.run([sys.executable, *args, "-c", code], capture_output=True, text=True)
    print(args, r.returncode)
    print(r.stdout, end="")
    print(r.stderr.strip().splitlines()[-1:] if "Traceback" in r.stderr else r.stderr, end="")
    print("--")


run(code="import warnings\nfor i in range(3): warnings.warn('x')\nwarnings.warn('y', DeprecationWarning)")
run(code="import _warnings\nfor i in range(2): _warnings.warn('native')\n_warnings.warn('r', RuntimeWarning)")
run("-W", "error", code="import warnings; warnings.warn('x')")
run("-W", "ignore", code="import warnings; warnings.warn('x'); print('ok')")
run("-W", "always", code="import warnings\nfor i in range(2): warnings.warn('x')")
run("-W", "error::RuntimeWarning", code="import warnings\nwarnings.warn('u')\nwarnings.warn('r', RuntimeWarning)")
run("-W", "once", code="import warnings\nwarnings.warn('a')\nwarnings.warn('a')\nwarnings.warn('b')")
run("-W", "default::DeprecationWarning", code="import warnings\nwarnings.warn('d', DeprecationWarning, stacklevel=2)")
