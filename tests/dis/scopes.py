counter = 0
label = "module"


def bump():
    global counter
    counter += 1
    return counter


def shadow():
    label = "local"
    return label


def reads_global():
    return label + "!"


class Config:
    label = "class"
    size = len(label)

    def describe(self):
        return label + "/" + self.label


def uses_builtin():
    return len([1, 2]) + max(3, 4)


bump()
bump()
print(counter, shadow(), reads_global(), Config.size, Config().describe(), uses_builtin())
del label
