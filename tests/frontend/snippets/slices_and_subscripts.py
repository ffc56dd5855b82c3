a[1]
a[1:2]
a[1:2:3]
a[:, 1]
a[..., None]
a[b:=1] if False else 0
a[*b]
a[1,]
a[(1, 2)]
