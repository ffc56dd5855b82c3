class M:
    count = 0
    @classmethod
    def make(cls):
        cls.count += 1
        return cls()
    @staticmethod
    def add(a, b):
        return a + b
for i in range(3):
    m = M.make()
print(M.count, m.add(2, 3), M.add(1, 1), m.make().count)
