value = 1​
