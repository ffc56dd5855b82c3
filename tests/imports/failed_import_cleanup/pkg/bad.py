raise ValueError('bad submodule')
