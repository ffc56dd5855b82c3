#!/usr/bin/env python3
"""Records what CPython 3.11 does with every program in this directory.

For each `*.py` here, runs `python3 FILE` (the file is invalid, so nothing executes) and records
the exception CPython prints: type, msg, lineno, offset, end_lineno, end_offset, text (taken from
the very exception object, through a sys.excepthook installed by a sitecustomize module) and the
full stderr. Everything goes into expected.json, with the file's absolute path written as {FILE}
(CPython shows the script's absolute path; the test puts back the path Kaa was given).

Never edit expected.json by hand: change or add a program, then run
    python3 tests/syntax_errors/regen.py
A program that CPython's parser accepts (an error only the compiler finds, or no error at all) is
refused, so the corpus stays about the parser stage.
"""

import ast
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON = os.environ.get("PYTHON", "python3")

HOOK = r'''
import json, os, sys
_out = os.environ["KAA_REGEN_OUT"]
def _hook(tp, value, tb):
    if isinstance(value, SyntaxError):
        rec = {"type": tp.__name__}
        for k in ("msg", "lineno", "offset", "end_lineno", "end_offset", "text", "filename"):
            rec[k] = getattr(value, k, None)
        with open(_out, "w", encoding="utf-8", errors="surrogatepass") as f:
            json.dump(rec, f)
    sys.__excepthook__(tp, value, tb)
sys.excepthook = _hook
'''


def check_python():
    out = subprocess.run([PYTHON, "-c", "import sys; print(sys.version_info[:2] == (3, 11), sys.version.split()[0])"],
                         capture_output=True, text=True)
    ok, version = out.stdout.split()
    if ok != "True":
        sys.exit(f"regen.py: {PYTHON} is Python {version}; the expectations must come from CPython 3.11")
    return version


def run_one(path, hookdir):
    with open(path, "rb") as f:
        src = f.read()
    try:
        ast.parse(src, path)
    except (SyntaxError, ValueError):
        pass
    else:
        raise SystemExit(f"regen.py: {path}: CPython's parser accepts this program; it does not belong here")
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)
    plain = subprocess.run([PYTHON, path], capture_output=True, env=env, cwd=hookdir, stdin=subprocess.DEVNULL, timeout=60)
    out_json = os.path.join(hookdir, "attrs.json")
    if os.path.exists(out_json):
        os.remove(out_json)
    env["PYTHONPATH"] = hookdir
    env["KAA_REGEN_OUT"] = out_json
    hooked = subprocess.run([PYTHON, path], capture_output=True, env=env, cwd=hookdir, stdin=subprocess.DEVNULL, timeout=60)
    if plain.returncode != 1 or plain.stdout:
        raise SystemExit(f"regen.py: {path}: expected exit status 1 and no output, got {plain.returncode}")
    if hooked.stderr != plain.stderr:
        raise SystemExit(f"regen.py: {path}: the excepthook changed stderr")
    with open(out_json, encoding="utf-8") as f:
        rec = json.load(f)
    stderr = plain.stderr.decode("utf-8", "surrogateescape")
    if rec["filename"] not in (None, path):
        raise SystemExit(f"regen.py: {path}: unexpected filename {rec['filename']!r}")
    del rec["filename"]
    rec["msg"] = rec["msg"].replace(path, "{FILE}")
    rec["stderr"] = stderr.replace(path, "{FILE}")
    return rec


def main():
    version = check_python()
    names = sorted(n for n in os.listdir(HERE) if n.endswith(".py") and n != "regen.py")
    cases = {}
    with tempfile.TemporaryDirectory() as hookdir:
        with open(os.path.join(hookdir, "sitecustomize.py"), "w") as f:
            f.write(HOOK)
        for name in names:
            cases[name] = run_one(os.path.join(HERE, name), hookdir)
    data = {"python": version, "count": len(cases), "cases": cases}
    with open(os.path.join(HERE, "expected.json"), "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1, ensure_ascii=True, sort_keys=True)
        f.write("\n")
    kinds = {}
    for rec in cases.values():
        kinds[rec["type"]] = kinds.get(rec["type"], 0) + 1
    print(f"regen.py: {len(cases)} programs recorded with Python {version}: {kinds}")


if __name__ == "__main__":
    main()
