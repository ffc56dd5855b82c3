x = 1 // the answer
