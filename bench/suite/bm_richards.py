# An operating-system scheduler simulation: tasks of four kinds (idle, worker, handler, device)
# exchange packets through a priority scheduler; holding, waiting and releasing tasks exercise
# attribute access, method calls and linked lists of objects.
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

IDLE, WORKER, HANDLER_A, HANDLER_B, DEVICE_A, DEVICE_B = range(6)
KIND_WORK, KIND_DEVICE = 0, 1

class Packet:
    def __init__(self, link, owner, kind):
        self.link = link
        self.owner = owner
        self.kind = kind
        self.datum = 0
        self.data = [0] * 4

    def append_to(self, queue):
        self.link = None
        if queue is None:
            return self
        p = queue
        while p.link is not None:
            p = p.link
        p.link = self
        return queue

class Task:
    def __init__(self, scheduler, ident, priority, queue):
        self.scheduler = scheduler
        self.ident = ident
        self.priority = priority
        self.queue = queue
        self.waiting = queue is not None
        self.held = False
        self.suspended = queue is None
        self.next = scheduler.tasks
        scheduler.tasks = self
        scheduler.table[ident] = self

    def runnable(self):
        return not self.held and not self.suspended and (self.queue is None or not self.waiting) or \
            (self.waiting and self.queue is not None and not self.held)

    def take_packet(self):
        packet = self.queue
        self.queue = packet.link
        self.waiting = self.queue is not None
        return packet

    def deliver(self, packet, from_task):
        if self.queue is None:
            self.queue = packet
            packet.link = None
            self.waiting = True
            self.suspended = False
            return self if self.priority > from_task.priority else from_task
        self.queue = packet.append_to(self.queue)
        return from_task

class IdleTask(Task):
    def __init__(self, scheduler, ident, priority, count):
        Task.__init__(self, scheduler, ident, priority, None)
        self.control = 1
        self.count = count
        self.suspended = False

    def step(self, packet):
        self.count -= 1
        if self.count == 0:
            return self.scheduler.hold_self(self)
        if self.control & 1 == 0:
            self.control >>= 1
            return self.scheduler.release(DEVICE_A, self)
        self.control = (self.control >> 1) ^ 0xD008
        return self.scheduler.release(DEVICE_B, self)

class WorkerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue)
        self.destination = HANDLER_A
        self.count = 0

    def step(self, packet):
        if packet is None:
            return self.scheduler.suspend(self)
        self.destination = HANDLER_B if self.destination == HANDLER_A else HANDLER_A
        packet.owner = self.destination
        packet.datum = 0
        for i in range(4):
            self.count += 1
            if self.count > 26:
                self.count = 1
            packet.data[i] = 64 + self.count
        return self.scheduler.send(packet, self)

class HandlerTask(Task):
    def __init__(self, scheduler, ident, priority, queue):
        Task.__init__(self, scheduler, ident, priority, queue)
        self.work = None
        self.devices = None

    def step(self, packet):
        if packet is not None:
            if packet.kind == KIND_WORK:
                self.work = packet.append_to(self.work)
            else:
                self.devices = packet.append_to(self.devices)
        if self.work is not None:
            work = self.work
            if work.datum >= 4:
                self.work = work.link
                return self.scheduler.send(work, self)
            if self.devices is not None:
                device = self.devices
                self.devices = device.link
                device.datum = work.data[work.datum]
                work.datum += 1
                return self.scheduler.send(device, self)
        return self.scheduler.suspend(self)

class DeviceTask(Task):
    def __init__(self, scheduler, ident, priority):
        Task.__init__(self, scheduler, ident, priority, None)
        self.pending = None

    def step(self, packet):
        if packet is None:
            if self.pending is None:
                return self.scheduler.suspend(self)
            done = self.pending
            self.pending = None
            return self.scheduler.send(done, self)
        self.pending = packet
        self.scheduler.output += packet.datum
        return self.scheduler.hold_self(self)

class Scheduler:
    def __init__(self):
        self.tasks = None
        self.table = [None] * 6
        self.switches = 0
        self.output = 0

    def suspend(self, task):
        task.suspended = True
        return task

    def hold_self(self, task):
        task.held = True
        return task.next

    def release(self, ident, current):
        task = self.table[ident]
        task.held = False
        return task if task.priority > current.priority else current

    def send(self, packet, current):
        target = self.table[packet.owner]
        packet.owner = current.ident
        return target.deliver(packet, current)

    def run(self):
        task = self.tasks
        while task is not None:
            self.switches += 1
            if task.held:
                task = task.next
            elif task.waiting and task.queue is not None:
                task = task.step(task.take_packet())
            elif task.suspended:
                task = task.next
            else:
                task = task.step(None)

def simulate(count):
    s = Scheduler()
    IdleTask(s, IDLE, 0, count)
    queue = Packet(None, 0, KIND_WORK)
    queue = Packet(queue, 0, KIND_WORK)
    WorkerTask(s, WORKER, 1000, queue)
    queue = Packet(None, DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, DEVICE_A, KIND_DEVICE)
    queue = Packet(queue, DEVICE_A, KIND_DEVICE)
    HandlerTask(s, HANDLER_A, 2000, queue)
    queue = Packet(None, DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, DEVICE_B, KIND_DEVICE)
    queue = Packet(queue, DEVICE_B, KIND_DEVICE)
    HandlerTask(s, HANDLER_B, 3000, queue)
    DeviceTask(s, DEVICE_A, 4000)
    DeviceTask(s, DEVICE_B, 5000)
    s.run()
    return s.switches, s.output

for count in ((100, 200) if QUICK else (10000, 20000, 30000)):
    print(count, simulate(count))
