def f():
    # todo
