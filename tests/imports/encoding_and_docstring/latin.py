# -*- coding: latin-1 -*-
"""Doc with café."""
TEXT = "naïve"
