# selectors over select: every selector class on pipes, with data and modify.
import os
import selectors

for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector,
            selectors.DefaultSelector):
    r, w = os.pipe()
    with cls() as sel:
        key = sel.register(r, selectors.EVENT_READ, data="reader")
        print(cls.__name__, key.fd == r, key.events, key.data)
        sel.register(w, selectors.EVENT_WRITE, "writer")
        ready = sel.select(0)
        print([(k.data, ev) for k, ev in ready])
        os.write(w, b"ping")
        ready = sorted((k.data, ev) for k, ev in sel.select(1))
        print(ready)
        sel.modify(w, selectors.EVENT_READ | selectors.EVENT_WRITE, "both")
        print(sel.get_key(w).data, sel.get_key(w).events)
        print(sorted(k.data for k in sel.get_map().values()))
        sel.unregister(w)
        print(os.read(r, 10))
        print(sel.select(0))
        try:
            sel.get_key(w)
        except KeyError as e:
            print("KeyError", e)
        try:
            sel.register(r, 0)
        except ValueError as e:
            print(e)
        try:
            sel.register(r, selectors.EVENT_READ)
        except KeyError as e:
            print("KeyError", e)
    os.close(r)
    os.close(w)
print(selectors.DefaultSelector.__name__)
