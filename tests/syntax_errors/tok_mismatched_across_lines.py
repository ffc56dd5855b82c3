values = foo(1,
             2,
             3]
