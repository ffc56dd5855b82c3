import top.inner.deep
print(top.inner.deep.COMBINED)
