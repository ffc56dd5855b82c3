import sys
class Replacement:
    def answer(self):
        return 42
sys.modules[__name__] = Replacement()
