value = a if condition
