path = r"C:\temp\
