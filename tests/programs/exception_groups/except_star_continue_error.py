# 'continue' leaving an except* clause is a compile-time SyntaxError.
for i in range(3):
    try:
        raise ExceptionGroup("g", [ValueError(i)])
    except* ValueError:
        continue
