S = 'submodule'
