from . import tools
from .tools import helper as h
from .tools import *
def result():
    return tools.helper(), h(), PUBLIC
print(__name__, __package__)
