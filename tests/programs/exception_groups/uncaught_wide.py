# More than fifteen members: the rest are summarized.
raise ExceptionGroup("wide", [ValueError(i) for i in range(18)])
