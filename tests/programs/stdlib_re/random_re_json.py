import random, re, json
random.seed(42)
print(random.random(), random.randint(1, 100), random.choice("abcdef"), random.sample(range(100), 5))
l = list(range(10)); random.shuffle(l); print(l, random.uniform(1, 2), random.gauss(0, 1))
print(re.findall(r"(\w)(\d+)", "a1 b22 c333"), re.sub(r"(?P<x>\d)", r"<\g<x>>", "a1b2"), re.split(r"\s*,\s*", "a , b,c"))
m = re.match(r"(?i)(HEL+)o", "hello world"); print(m, m.group(1), m.span())
print(json.dumps({"a": [1, 2.5, None, True], "b": "é"}), json.loads('{"x": [1, {"y": null}]}'), json.dumps({"k": 1}, indent=2))
