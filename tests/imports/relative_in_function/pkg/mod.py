def late():
    from . import helper
    from .helper import value
    return helper.value(), value()

def late_star_free():
    from .. import pkg as me
    return me.__name__
