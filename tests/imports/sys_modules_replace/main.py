import replacer
print(type(replacer).__name__, replacer.answer())
from replacer import answer
print(answer())
