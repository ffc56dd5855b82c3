permissions = 0755
