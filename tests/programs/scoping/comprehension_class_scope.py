# In a class body, only the outermost iterable of a comprehension sees class-level names.
class Table:
    size = 3
    rows = [i for i in range(size)]
    try:
        pairs = [(i, size) for i in range(2)]
    except NameError as e:
        pairs = "NameError: " + str(e)


print(Table.rows, Table.pairs)
