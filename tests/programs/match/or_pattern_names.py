# Or-patterns: alternatives must bind the same names; an irrefutable alternative must be last.
for s in ['match x:\n case [a] | [b]: pass', 'match x:\n case [a, b] | [b, a]: pass', 'match x:\n case {"k": v, **r} | [v, *r]: pass',
          'match x:\n case (1 | 2) | 3: pass', 'match x:\n case [a] | {"k": a} | P(a=b): pass', 'match x:\n case a | b: pass',
          'match x:\n case [1, *rest] | {"key": value, **others} if rest: pass']:
    try: compile(s, 'f', 'exec'); print('ok')
    except SyntaxError as e: print(e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset)
