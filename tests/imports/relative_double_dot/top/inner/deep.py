from .. import INNER
from ... import BASE
from ..sibling import S
from ...other import O
COMBINED = (BASE, INNER, S, O)
