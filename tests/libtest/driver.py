# Runs one CPython test module with unittest and records the outcome of every test case, one
# line per outcome, in the file named on the command line (flushed at once, so a crash of the
# interpreter part-way still leaves the outcomes before it). Run by both python3 and kaa:
#     python3 tests/libtest/driver.py test.test_int OUTCOMES_FILE
# Outcome lines: "<outcome> <test id>" with outcome one of pass, fail, error, skip, xfail, xpass;
# "import-error <message>" when the module cannot be loaded; "done <count>" at the end.
import sys
import unittest

name, outcomes_path = sys.argv[1], sys.argv[2]
out = open(outcomes_path, "w")


def record(kind, text):
    out.write(kind + " " + text.replace("\n", " ") + "\n")
    out.flush()


class RecordingResult(unittest.TestResult):
    def addSuccess(self, test):
        super().addSuccess(test)
        record("pass", test.id())

    def addFailure(self, test, err):
        super().addFailure(test, err)
        record("fail", test.id())

    def addError(self, test, err):
        super().addError(test, err)
        record("error", test.id())

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        record("skip", test.id())

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        record("xfail", test.id())

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        record("xpass", test.id())

    def addSubTest(self, test, subtest, err):
        # A failing subtest fails its test case (as unittest's own runners count it).
        super().addSubTest(test, subtest, err)
        if err is not None:
            kind = "fail" if issubclass(err[0], test.failureException) else "error"
            record(kind, test.id())


try:
    suite = unittest.defaultTestLoader.loadTestsFromName(name)
except BaseException as e:
    record("import-error", type(e).__name__ + ": " + str(e))
    raise SystemExit(0)

result = RecordingResult()
suite.run(result)
record("done", str(result.testsRun))
