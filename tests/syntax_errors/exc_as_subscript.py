try:
    pass
except E as e[0]:
    pass
