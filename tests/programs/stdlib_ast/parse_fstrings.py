# f-strings, decorators and positions in lines with non-ASCII text (columns are UTF-8 bytes).
import ast

SOURCES = [
    "f'{a}'", "f'x{a!r}y{b!s:>10}z{c!a}'", "f'{a:{w}.{p}f}'", "f'{a=}'", "f'{a = !r:^5}'",
    "f'{{literal}} {x}'", "f'''{\n a\n}'''", "f'{\"nested\"}' 'plain' f'{b}'", "rf'\\d{x}'",
    "f'{x:%Y-%m-%d}'", "f''", "f'{a}{b}'", "f'{3.14:.1f}' f'{x!r}'",
    "'héllo' + f'{wörld}'", "ñ = 'ü' + x", "# ç\nδ = [ε, 'ζ']", "f'é{x}é{y!r}'",
    "'€' if 𝔘 else ö",
]
for src in SOURCES:
    print(ast.dump(ast.parse(src), include_attributes=True))

src = "x = 'αβγ' + δ  # ε\n"
t = ast.parse(src)
for n in ast.walk(t):
    if hasattr(n, "col_offset"):
        print(type(n).__name__, n.col_offset, n.end_col_offset, repr(ast.get_source_segment(src, n)))

dec = '''
@property
@functools.lru_cache(maxsize=None)
@(lambda f: f)
def f():
    pass
'''
print(ast.dump(ast.parse(dec), include_attributes=True, indent=1))
