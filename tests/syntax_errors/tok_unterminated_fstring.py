name = "x"
msg = f"Hello {name}
