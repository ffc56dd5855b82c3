import p
print(p.q.QVAL, p.PVAL)
