# A running-average async generator fed with asend.
async def averager():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total / count

def send(ag, v):
    try:
        ag.asend(v).send(None)
    except StopIteration as e:
        return e.value

ag = averager()
print(send(ag, None))
for v in (10, 20, 60):
    print(send(ag, v))
