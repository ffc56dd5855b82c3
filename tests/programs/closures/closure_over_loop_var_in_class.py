# Methods closing over function locals; class bodies do not create closure scopes for methods.
def make_class(prefix):
    class Tagged:
        tag = "class-attr"

        def label(self, text):
            return prefix + text

        def which_tag(self):
            try:
                return tag
            except NameError as e:
                return "NameError: " + str(e)

    return Tagged


T = make_class(">> ")
t = T()
print(t.label("hello"), T.tag)
print(t.which_tag())
