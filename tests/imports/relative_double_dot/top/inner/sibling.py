S = 'sibling'
