ages = {"ada": 36, "alan": 41}
ages["grace"] = 85
print(ages, len(ages), ages["ada"], ages.get("bob"), ages.get("bob", 0))
for name in ages:
    print(name, ages[name])
for name, age in ages.items():
    print(f"{name}={age}")
print(list(ages.keys()), list(ages.values()), "ada" in ages, "bob" not in ages)
del ages["alan"]
print(ages, dict(a=1, b=2), dict([("x", 1)]), {1: "int", 1.0: "float", True: "bool"})
