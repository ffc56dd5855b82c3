# Random playouts of the game of Go on a 9x9 board: stone placement, liberty counting by flood
# fill, captures, and a ko/suicide check, with moves drawn from a seeded generator.
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

SIZE = 9
EMPTY, BLACK, WHITE = 0, 1, 2

def neighbours_table():
    table = []
    for p in range(SIZE * SIZE):
        r, c = divmod(p, SIZE)
        ns = []
        if r > 0:
            ns.append(p - SIZE)
        if r < SIZE - 1:
            ns.append(p + SIZE)
        if c > 0:
            ns.append(p - 1)
        if c < SIZE - 1:
            ns.append(p + 1)
        table.append(tuple(ns))
    return table

NEIGHBOURS = neighbours_table()

class Rng:
    def __init__(self, seed):
        self.x = seed

    def below(self, n):
        self.x = (self.x * 1103515245 + 12345) & 0x7FFFFFFF
        return (self.x >> 8) % n

class Board:
    def __init__(self):
        self.cells = [EMPTY] * (SIZE * SIZE)
        self.ko = -1
        self.captured = [0, 0, 0]

    def group(self, start):
        colour = self.cells[start]
        stones = {start}
        liberties = set()
        todo = [start]
        while todo:
            p = todo.pop()
            for n in NEIGHBOURS[p]:
                v = self.cells[n]
                if v == EMPTY:
                    liberties.add(n)
                elif v == colour and n not in stones:
                    stones.add(n)
                    todo.append(n)
        return stones, liberties

    def legal(self, p, colour):
        if self.cells[p] != EMPTY or p == self.ko:
            return False
        other = 3 - colour
        for n in NEIGHBOURS[p]:
            v = self.cells[n]
            if v == EMPTY:
                return True
        # Every neighbour is a stone: legal only if it captures or joins a group with liberties.
        self.cells[p] = colour
        ok = False
        for n in NEIGHBOURS[p]:
            stones, libs = self.group(n)
            if self.cells[n] == other and not libs:
                ok = True
            elif self.cells[n] == colour and libs:
                ok = True
        self.cells[p] = EMPTY
        return ok

    def play(self, p, colour):
        self.cells[p] = colour
        other = 3 - colour
        taken = []
        for n in NEIGHBOURS[p]:
            if self.cells[n] == other:
                stones, libs = self.group(n)
                if not libs:
                    for s in stones:
                        self.cells[s] = EMPTY
                    taken.extend(stones)
        self.captured[colour] += len(taken)
        self.ko = taken[0] if len(taken) == 1 else -1

    def eye_of(self, p, colour):
        return all(self.cells[n] == colour for n in NEIGHBOURS[p])

    def score(self):
        black = sum(1 for v in self.cells if v == BLACK)
        white = sum(1 for v in self.cells if v == WHITE)
        for p in range(SIZE * SIZE):
            if self.cells[p] == EMPTY:
                if self.eye_of(p, BLACK):
                    black += 1
                elif self.eye_of(p, WHITE):
                    white += 1
        return black - white

def playout(rng):
    board = Board()
    colour = BLACK
    passes = 0
    moves = 0
    while passes < 2 and moves < 400:
        empties = [p for p in range(SIZE * SIZE) if board.cells[p] == EMPTY]
        played = False
        while empties:
            i = rng.below(len(empties))
            p = empties[i]
            empties[i] = empties[-1]
            empties.pop()
            if not board.eye_of(p, colour) and board.legal(p, colour):
                board.play(p, colour)
                played = True
                break
        passes = 0 if played else passes + 1
        moves += 1
        colour = 3 - colour
    return board.score(), moves, board.captured[BLACK] + board.captured[WHITE]

rng = Rng(7)
results = [playout(rng) for _ in range(2 if QUICK else 40)]
print(sum(r[0] for r in results), sum(r[1] for r in results), sum(r[2] for r in results))
