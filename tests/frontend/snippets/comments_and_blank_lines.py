# leading comment

x = 1  # trailing comment
    # indented comment

def f():
    # comment in body
    pass
        # over-indented comment
# dedented comment
y = (1,  # inside parens
     2)
z = [
    # only comment line
]
