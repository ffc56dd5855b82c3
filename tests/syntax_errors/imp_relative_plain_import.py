import .utils
