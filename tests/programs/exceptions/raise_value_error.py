def parse(text):
    if not text:
        raise ValueError("empty input")
    return text

print(parse("ok"))
parse("")
