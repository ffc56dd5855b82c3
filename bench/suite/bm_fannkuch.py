# List slicing and reversal: the maximum number of prefix reversals ("pancake flips") over all
# permutations of 1..n, and a checksum of flip counts alternating in sign.
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

def fannkuch(n):
    perm = list(range(n))
    count = [0] * n
    max_flips = 0
    checksum = 0
    index = 0
    while True:
        first = perm[0]
        if first:
            p = perm[:]
            flips = 0
            while first:
                p[:first + 1] = p[first::-1]
                flips += 1
                first = p[0]
            if flips > max_flips:
                max_flips = flips
            checksum += flips if index % 2 == 0 else -flips
        # Next permutation in the "rotate a prefix" order.
        i = 1
        while i < n:
            perm[:i + 1] = perm[1:i + 1] + perm[:1]
            count[i] += 1
            if count[i] <= i:
                break
            count[i] = 0
            i += 1
        else:
            return max_flips, checksum
        index += 1

print(fannkuch(6 if QUICK else 9))
