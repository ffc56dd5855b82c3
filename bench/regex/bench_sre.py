# Regex engine benchmark: _sre driven with code lists from CPython's re._compiler, so the
# same file runs on CPython and Kaa. Prints the time of each case (3 runs each; `bench_sre.py NAME N`
# runs one case N times). Usage: kaa bench/regex/bench_sre.py; /usr/bin/python3.11 bench/regex/bench_sre.py
import _sre, time
words = "the quick brown fox jumps over the lazy dog Sherlock Holmes said to Watson and Lestrade while Moriarty waited".split()
text = "\n".join(" ".join(words[(i * 7 + j) % len(words)] for j in range(12)) for i in range(20000))
mail = " ".join("user%d@host%d.com filler text" % (i, i % 97) for i in range(50000))
ab = "ab" * 200000 + "c"
html = "".join("<b>item %d</b> and <i>other</i> " % i for i in range(50000))
utext = text.replace("o", "ö").replace("e", "é")
subjects = {"text": text, "mail": mail, "ab": ab, "html": html, "utext": utext}
cases = []
cases.append(('literal_search', ('Holmes', 32, [14, 18, 3, 6, 6, 6, 6, 72, 111, 108, 109, 101, 115, 0, 0, 0, 0, 0, 0, 16, 72, 16, 111, 16, 108, 16, 109, 16, 101, 16, 115, 1], 0, {}, (None,)), 'text', 'findall'))
cases.append(('words_findall', ('\\w+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,)), 'text', 'findall'))
cases.append(('ident_sub', ('[A-Z][a-z]+', 32, [14, 8, 4, 2, 4294967295, 22, 65, 90, 0, 13, 5, 22, 65, 90, 0, 24, 10, 1, 4294967295, 13, 5, 22, 97, 122, 0, 1, 1], 0, {}, (None,)), 'text', 'sub'))
cases.append(('alternation', ('Sherlock|Watson|Lestrade|Moriarty', 32, [14, 14, 4, 6, 8, 9, 0, 0, 8925184, 0, 0, 0, 0, 0, 0, 7, 19, 16, 83, 16, 104, 16, 101, 16, 114, 16, 108, 16, 111, 16, 99, 16, 107, 15, 55, 15, 16, 87, 16, 97, 16, 116, 16, 115, 16, 111, 16, 110, 15, 40, 19, 16, 76, 16, 101, 16, 115, 16, 116, 16, 114, 16, 97, 16, 100, 16, 101, 15, 21, 19, 16, 77, 16, 111, 16, 114, 16, 105, 16, 97, 16, 114, 16, 116, 16, 121, 15, 2, 0, 1], 0, {}, (None,)), 'text', 'findall'))
cases.append(('ignorecase', ('sherlock\\s+holmes', 34, [14, 4, 0, 15, 4294967295, 39, 6, 16, 115, 16, 383, 0, 40, 104, 40, 101, 40, 114, 40, 108, 40, 111, 40, 99, 40, 107, 24, 9, 1, 4294967295, 13, 4, 8, 12, 0, 1, 40, 104, 40, 111, 40, 108, 40, 109, 40, 101, 39, 6, 16, 115, 16, 383, 0, 1], 0, {}, (None,)), 'text', 'findall'))
cases.append(('groups', ('(\\w+)@(\\w+)\\.com', 32, [14, 4, 0, 7, 4294967295, 17, 0, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 1, 16, 64, 17, 2, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 17, 3, 16, 46, 16, 99, 16, 111, 16, 109, 1], 2, {}, (None, None, None)), 'mail', 'findall'))
cases.append(('backtrack', ('(a|b)*c', 32, [14, 4, 0, 1, 4294967295, 23, 13, 0, 4294967295, 17, 0, 13, 5, 22, 97, 98, 0, 17, 1, 18, 16, 99, 1], 1, {}, (None, None)), 'ab', 'match'))
cases.append(('lazy_dotall', ('<b>(.*?)</b>', 48, [14, 12, 1, 7, 4294967295, 3, 3, 60, 98, 62, 0, 0, 0, 16, 60, 16, 98, 16, 62, 17, 0, 26, 5, 0, 4294967295, 3, 1, 17, 1, 16, 60, 16, 47, 16, 98, 16, 62, 1], 1, {}, (None, None)), 'html', 'findall'))
cases.append(('unicode_words', ('\\w+', 32, [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 1], 0, {}, (None,)), 'utext', 'findall'))
cases.append(('split_lines', ('\\s*\\n\\s*', 32, [14, 4, 0, 1, 4294967295, 24, 9, 0, 4294967295, 13, 4, 8, 12, 0, 1, 16, 10, 24, 9, 0, 4294967295, 13, 4, 8, 12, 0, 1, 1], 0, {}, (None,)), 'text', 'split'))
cases.append(('tokenize_loop', ('\\s*(?:\\w+|.)', 32, [14, 4, 0, 1, 4294967295, 24, 9, 0, 4294967295, 13, 4, 8, 12, 0, 1, 7, 13, 24, 9, 1, 4294967295, 13, 4, 8, 14, 0, 1, 15, 6, 4, 2, 15, 2, 0, 1], 0, {}, (None,)), 'utext', 'loop'))

total = 0.0
import sys
for name, args, subj, op in cases:
    if len(sys.argv) > 1 and name != sys.argv[1]: continue
    p = _sre.compile(*args)
    s = subjects[subj]
    t0 = time.perf_counter()
    for _ in range(int(sys.argv[2]) if len(sys.argv) > 2 else 3):
        if op == "findall":
            r = len(p.findall(s))
        elif op == "sub":
            r = len(p.sub("X", s))
        elif op == "split":
            r = len(p.split(s))
        elif op == "loop":
            pos, r = 0, 0
            s = s[:100000]
            while pos < len(s):
                m = p.match(s, pos)
                pos = m.end() if m.end() > pos else pos + 1
                r += 1
        else:
            r = p.match(s).end()
    dt = time.perf_counter() - t0
    total += dt
    print("%-16s %8.3f s  (%d)" % (name, dt, r))
print("%-16s %8.3f s" % ("total", total))
