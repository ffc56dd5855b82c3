sub = 'attribute before import'
