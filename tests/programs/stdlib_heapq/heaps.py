import _heapq as hq
import _bisect as bs

h = []
for x in [5, 3, 8, 1, 9, 2, 7, 1, 0]:
    hq.heappush(h, x)
print(h)
print([hq.heappop(h) for _ in range(4)], h)
print(hq.heapreplace(h, 4), h, hq.heappushpop(h, 0), hq.heappushpop(h, 10), h)
data = [(i * 7919) % 101 for i in range(60)]
hq.heapify(data)
print(data)
big = [(i * 7919) % 3001 for i in range(3000)]
hq.heapify(big)
print(big[:20], sum(big[i] <= big[2 * i + 1] for i in range(1499)))
m = [3, 1, 4, 1, 5, 9, 2, 6]
hq._heapify_max(m)
print(m, hq._heappop_max(m), m, hq._heapreplace_max(m, 0), m)
pairs = [(1, 'b'), (1, 'a'), (0, 'z'), (2, 'y')]
hq.heapify(pairs)
print(pairs, hq.heappop(pairs))
def check(f):
    try:
        print('ok', f())
    except Exception as e:
        print(type(e).__name__, e)
check(lambda: hq.heappop([]))
check(lambda: hq.heapreplace([], 1))
check(lambda: hq.heappush((), 1))
check(lambda: hq.heapify(None))
check(lambda: hq.heappush([1]))
check(lambda: hq.heappushpop([], 3))
check(lambda: hq.heappush([1, 'a'], 2))
class Evil:
    def __lt__(self, other):
        h2.clear()
        return False
h2 = [Evil(), Evil(), Evil()]
check(lambda: hq.heappush(h2, Evil()))

a = [1, 2, 2, 2, 3, 5, 8]
print(bs.bisect_left(a, 2), bs.bisect_right(a, 2), bs.bisect_left(a, 4), bs.bisect_right(a, 0), bs.bisect_right(a, 100))
print(bs.bisect_left(a, 2, 2), bs.bisect_right(a, 2, 0, 2), bs.bisect_left(a, 2, hi=1), bs.bisect_right(a, 5, lo=1, hi=None))
recs = [('a', 1), ('b', 3), ('c', 5)]
print(bs.bisect_left(recs, 3, key=lambda r: r[1]), bs.bisect_right(recs, 3, key=lambda r: r[1]))
bs.insort_right(a, 2); bs.insort_left(a, 4); bs.insort_right(a, 100); bs.insort_left(a, -1)
print(a)
bs.insort_left(recs, ('d', 4), key=lambda r: r[1])
print(recs)
print(bs.bisect_left('acegi', 'd'), bs.bisect_right(range(0, 100, 5), 42), bs.bisect_left((1.5, 2.5), 2))
check(lambda: bs.bisect_left(a, 1, -1))
check(lambda: bs.bisect_left(a))
check(lambda: bs.bisect_left(5, 1))
check(lambda: bs.bisect_right([1, 'a'], 'b'))
check(lambda: bs.insort_left((1, 2), 1))
