import io
import unittest

class Sample(unittest.TestCase):
    def test_pass(self):
        self.assertEqual(1 + 1, 2)
        self.assertIn(3, [1, 2, 3])
        with self.assertRaises(ZeroDivisionError):
            1 / 0
    def test_fail(self):
        self.assertEqual([1, 2], [1, 3])
    @unittest.skip("not today")
    def test_skip(self):
        pass
    def test_error(self):
        raise KeyError('k')

stream = io.StringIO()
suite = unittest.defaultTestLoader.loadTestsFromTestCase(Sample)
result = unittest.TextTestRunner(stream=stream, verbosity=0).run(suite)
print(result.testsRun, len(result.failures), len(result.errors), len(result.skipped), result.wasSuccessful())
print(result.failures[0][1].splitlines()[-1])
print(result.errors[0][1].splitlines()[-1])
