# Dict and list work: counting, grouping, sorting, slicing, comprehensions.


def word_stream(n):
    vocab = ["red", "green", "blue", "cyan", "magenta", "yellow", "black", "white", "grey", "pink", "teal"]
    out = []
    state = 7
    for _ in range(n):
        state = (state * 48271) % 2147483647
        out.append(vocab[state % 11] + str(state % 13))
    return out


def count(words):
    counts = {}
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    return counts


def group_by_length(words):
    groups = {}
    for w in words:
        k = len(w)
        if k in groups:
            groups[k].append(w)
        else:
            groups[k] = [w]
    return groups


words = word_stream(600000)
counts = count(words)
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
groups = group_by_length(words)
sizes = [(k, len(v)) for k, v in sorted(groups.items())]
matrix = [[(i * j) % 17 for j in range(150)] for i in range(150)]
transposed = [[row[i] for row in matrix] for i in range(150)]
diag = sum(transposed[i][i] for i in range(150))
stack = []
for i in range(600000):
    stack.append(i)
    if i % 3 == 0:
        stack.pop()
inverse = {v: k for k, v in enumerate(words[:1000])}
print("containers", len(counts), top, sizes, diag, len(stack), stack[-3:], len(inverse))
