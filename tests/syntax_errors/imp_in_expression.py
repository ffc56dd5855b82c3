x = import os
