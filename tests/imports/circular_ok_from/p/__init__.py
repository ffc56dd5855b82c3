PVAL = 'p'
from . import q
