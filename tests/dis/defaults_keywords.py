def connect(host, port=80, *extra, timeout=10, retries, **options):
    return (host, port, extra, timeout, retries, options)


def positional_only(a, b, /, c, *, d=1):
    return a - b + c * d


print(connect("h", retries=3))
print(connect("h", 8080, 1, 2, retries=0, timeout=5, debug=True))
print(positional_only(1, 2, c=3))
