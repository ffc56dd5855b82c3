# A one-way dataflow constraint solver in the spirit of DeltaBlue: constraints of different
# strengths between variables; each constraint chooses which variable it determines, weaker ones
# give way to stronger ones, and a plan (the satisfied constraints in dependency order) is
# re-executed when an input changes. Chains and projections of many variables, as in the
# classic benchmark's two tests.
import sys

QUICK = "--quick" in sys.argv  # small sizes for the test suite

REQUIRED, STRONG, MEDIUM, WEAK, WEAKEST = 0, 1, 2, 3, 4

class Variable:
    __slots__ = ("name", "value", "determined_by", "constraints", "walk_strength", "stay")

    def __init__(self, name, value=0):
        self.name = name
        self.value = value
        self.determined_by = None
        self.constraints = []
        self.walk_strength = WEAKEST
        self.stay = True

class Constraint:
    def __init__(self, strength, variables):
        self.strength = strength
        self.variables = variables
        self.output = None
        for v in variables:
            v.constraints.append(self)

    def candidates(self):
        return self.variables

    def inputs(self):
        return [v for v in self.variables if v is not self.output]

    def is_input(self):
        return False

class Stay(Constraint):
    def __init__(self, var, strength):
        Constraint.__init__(self, strength, [var])

    def execute(self):
        pass

class Edit(Constraint):
    def __init__(self, var, strength):
        Constraint.__init__(self, strength, [var])

    def is_input(self):
        return True

    def execute(self):
        pass

class Equal(Constraint):
    def __init__(self, a, b, strength):
        Constraint.__init__(self, strength, [a, b])

    def execute(self):
        a, b = self.variables
        if self.output is b:
            b.value = a.value
        else:
            a.value = b.value

class Scale(Constraint):
    """dst = src * scale + offset, or src = (dst - offset) / scale."""

    def __init__(self, src, scale, offset, dst, strength):
        Constraint.__init__(self, strength, [src, dst])
        self.scale = scale
        self.offset = offset

    def inputs(self):
        src, dst = self.variables
        ins = [self.scale, self.offset]
        ins.append(src if self.output is dst else dst)
        return ins

    def execute(self):
        src, dst = self.variables
        if self.output is dst:
            dst.value = src.value * self.scale.value + self.offset.value
        else:
            src.value = (dst.value - self.offset.value) // self.scale.value

class Planner:
    def __init__(self):
        self.mark = 0

    def add(self, c):
        # Pick the weakest-determined candidate output (the last one on ties); a stronger
        # constraint displaces the one that determined it.
        best = None
        for v in c.candidates():
            if v.walk_strength > c.strength and (best is None or v.walk_strength >= best.walk_strength):
                best = v
        if best is None:
            return False
        old = best.determined_by
        if old is not None:
            old.output = None
        best.determined_by = c
        c.output = best
        self.propagate_from(best)
        if old is not None:
            self.add(old)
        return True

    def remove(self, c):
        out = c.output
        for v in c.variables:
            v.constraints.remove(c)
        if out is None:
            return
        c.output = None
        out.determined_by = None
        out.walk_strength = WEAKEST
        self.propagate_from(out)
        for v in self.downstream(out):
            for other in v.constraints:
                if other.output is None:
                    self.add(other)

    def downstream(self, var):
        seen = []
        todo = [var]
        while todo:
            v = todo.pop()
            seen.append(v)
            for c in v.constraints:
                if c.output is not None and c.output is not v and v in c.inputs() and c.output not in seen:
                    todo.append(c.output)
        return seen

    def propagate_from(self, var):
        todo = [var]
        while todo:
            v = todo.pop()
            c = v.determined_by
            if c is None:
                v.walk_strength = WEAKEST
                continue
            weakest = c.strength
            for i in c.inputs():
                if isinstance(i, Variable) and i.walk_strength > weakest:
                    weakest = i.walk_strength
            v.walk_strength = weakest
            v.stay = c.is_input() is False and all(
                not isinstance(i, Variable) or i.stay for i in c.inputs())
            c.execute()
            for d in v.constraints:
                if d is not c and d.output is not None and d.output is not v:
                    todo.append(d.output)

    def plan_for(self, sources):
        """The constraints to re-run when the sources change, in execution order."""
        plan = []
        todo = list(sources)
        self.mark += 1
        marked = {}
        while todo:
            c = todo.pop(0)
            if marked.get(id(c)) == self.mark:
                continue
            marked[id(c)] = self.mark
            plan.append(c)
            out = c.output
            for d in out.constraints:
                if d is not c and d.output is not None and d.output is not out:
                    todo.append(d)
        return plan

def chain_test(n):
    planner = Planner()
    vs = [Variable("v%d" % i) for i in range(n + 1)]
    edit = Edit(vs[0], STRONG)
    planner.add(edit)
    for i in range(n):
        planner.add(Equal(vs[i], vs[i + 1], REQUIRED))
    planner.add(Stay(vs[n], STRONG))
    plan = planner.plan_for([edit])
    total = 0
    for value in range(100):
        vs[0].value = value
        for c in plan:
            c.execute()
        total += vs[n].value
    planner.remove(edit)
    return total

def projection_test(n):
    planner = Planner()
    scale = Variable("scale", 10)
    offset = Variable("offset", 1000)
    planner.add(Stay(scale, REQUIRED))
    planner.add(Stay(offset, REQUIRED))
    srcs, dsts = [], []
    for i in range(n):
        src = Variable("src%d" % i, i)
        dst = Variable("dst%d" % i, i)
        srcs.append(src)
        dsts.append(dst)
        planner.add(Stay(src, WEAK))
        planner.add(Scale(src, scale, offset, dst, REQUIRED))
    total = 0
    for k in range(0, n, max(1, n // 20)):
        edit = Edit(dsts[k], STRONG)
        planner.add(edit)
        for value in (500, 1500, 2500):
            dsts[k].value = value
            for c in planner.plan_for([edit]):
                c.execute()
            total += srcs[k].value
        planner.remove(edit)
    return total + sum(d.value for d in dsts)

results = []
for _ in range(1 if QUICK else 40):
    results.append(chain_test(30 if QUICK else 300))
    results.append(projection_test(30 if QUICK else 300))
print(sum(results), results[:2])
