class = 'warrior'
