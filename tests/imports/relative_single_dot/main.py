from pkg import user
print(user.result())
