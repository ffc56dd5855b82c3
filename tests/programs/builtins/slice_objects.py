s = slice(1, 10, 2)
print(s, [0,1,2,3,4,5,6,7,8,9,10][s], s.start, s.stop, s.step, slice(3))
