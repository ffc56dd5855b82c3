...
x = ...
None
True
False
__debug__
1
-1
'string'
b'bytes'
