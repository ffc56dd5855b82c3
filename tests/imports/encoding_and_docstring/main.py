import latin
print(latin.TEXT, latin.__doc__)
import utf8mod
print(utf8mod.TEXT, len(utf8mod.TEXT))
