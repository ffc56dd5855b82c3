# A tokenizer written as an explicit state machine.
def tokenize(text):
    tokens = []
    state = "start"
    current = ""
    for ch in text + " ":
        if state == "start":
            if ch.isdigit():
                state, current = "number", ch
            elif ch.isalpha() or ch == "_":
                state, current = "name", ch
            elif ch in "+-*/()=":
                tokens.append(("op", ch))
            elif ch != " ":
                raise ValueError(f"unexpected character {ch!r}")
        elif state == "number":
            if ch.isdigit():
                current += ch
            else:
                tokens.append(("num", int(current)))
                state = "start"
                if ch in "+-*/()=":
                    tokens.append(("op", ch))
        elif state == "name":
            if ch.isalnum() or ch == "_":
                current += ch
            else:
                tokens.append(("name", current))
                state = "start"
                if ch in "+-*/()=":
                    tokens.append(("op", ch))
    return tokens


print(tokenize("x1 = (42+y_2)*7"))
print(tokenize(""))
tokenize("a $ b")
