from . import PVAL
from p import PVAL as again
QVAL = PVAL + again + 'q'
