import os
import os.path as p, sys
from . import a
from .. import b as c
from ...pkg.mod import (x, y as z,)
from __future__ import annotations
from m import *
