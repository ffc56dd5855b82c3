WHO = 'child of ' + __name__.rpartition('.')[0]
