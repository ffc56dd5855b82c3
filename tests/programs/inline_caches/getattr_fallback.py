class G:
    def __init__(self): self.real = "r"
    def __getattr__(self, name): return "fallback:" + name
g = G()
print([g.real, g.missing, g.real, g.other])
g.missing = "now real"
print(g.missing)
