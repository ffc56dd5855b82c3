import numpy as np as n
