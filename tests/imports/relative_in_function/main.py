from pkg import mod
print(mod.late())
print(mod.late_star_free())
