"""(A copy of examples/library_tour.py, run by the differential suite.) A small inventory report that leans on the standard library: json, re, collections,
dataclasses, enum, typing, datetime, random, itertools, functools, pathlib, argparse, logging
and unittest working together. Its output is deterministic (seeded random, fixed dates)."""

import argparse
import collections
import dataclasses
import datetime
import enum
import functools
import io
import itertools
import json
import logging
import pathlib
import random
import re
import tempfile
import typing
import unittest


class Category(enum.Enum):
    TOOL = "tool"
    FOOD = "food"
    BOOK = "book"


@dataclasses.dataclass(order=True)
class Item:
    name: str
    category: Category
    price: float
    added: datetime.date
    tags: typing.List[str] = dataclasses.field(default_factory=list)

    @property
    def code(self) -> str:
        return f"{self.category.value[:2].upper()}-{self.name.lower().replace(' ', '_')}"


SKU = re.compile(r"^(?P<kind>[A-Z]{2})-(?P<slug>[a-z_]+)$")


def make_inventory(seed: int) -> typing.List[Item]:
    rng = random.Random(seed)
    names = ["hammer", "apple", "atlas", "saw", "bread", "novel", "wrench", "cheese", "poems"]
    start = datetime.date(2024, 1, 1)
    items = []
    for i, name in enumerate(names):
        category = list(Category)[i % 3]
        price = round(rng.uniform(1, 50), 2)
        added = start + datetime.timedelta(days=rng.randint(0, 365))
        tags = rng.sample(["new", "sale", "gift", "local"], k=rng.randint(0, 2))
        items.append(Item(name.title(), category, price, added, tags))
    return items


@functools.lru_cache(maxsize=None)
def price_band(price: float) -> str:
    return "cheap" if price < 10 else "fair" if price < 30 else "dear"


def summarize(items: typing.Iterable[Item]) -> typing.Dict[str, typing.Any]:
    items = sorted(items, key=lambda it: (it.category.value, it.price))
    by_category = {
        cat: [it.name for it in group]
        for cat, group in itertools.groupby(items, key=lambda it: it.category.value)
    }
    bands = collections.Counter(price_band(it.price) for it in items)
    tags = collections.Counter(itertools.chain.from_iterable(it.tags for it in items))
    total = functools.reduce(lambda acc, it: acc + it.price, items, 0.0)
    months = collections.defaultdict(int)
    for it in items:
        months[it.added.strftime("%Y-%m")] += 1
    return {
        "by_category": by_category,
        "bands": dict(sorted(bands.items())),
        "tags": dict(sorted(tags.items())),
        "total": round(total, 2),
        "busiest_month": max(sorted(months.items()), key=lambda kv: kv[1])[0],
        "codes": [it.code for it in items if SKU.match(it.code)],
    }


class InventoryTests(unittest.TestCase):
    def test_codes_match_pattern(self):
        for it in make_inventory(7):
            m = SKU.match(it.code)
            self.assertIsNotNone(m, it.code)
            self.assertEqual(m.group("kind"), it.category.value[:2].upper())

    def test_round_trip(self):
        report = summarize(make_inventory(7))
        self.assertEqual(json.loads(json.dumps(report)), report)

    def test_ordering(self):
        a = Item("A", Category.TOOL, 1.0, datetime.date(2024, 1, 1))
        b = Item("B", Category.TOOL, 1.0, datetime.date(2024, 1, 1))
        self.assertLess(a, b)


def main(argv=None):
    parser = argparse.ArgumentParser(prog="library_tour")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)

    log = logging.getLogger("tour")
    handler = logging.StreamHandler(io.StringIO())
    handler.setFormatter(logging.Formatter("%(levelname)s:%(name)s:%(message)s"))
    log.addHandler(handler)
    log.setLevel(logging.DEBUG if args.verbose else logging.INFO)

    items = make_inventory(args.seed)
    log.debug("made %d items", len(items))
    report = summarize(items)
    log.info("total %.2f", report["total"])

    with tempfile.TemporaryDirectory() as tmp:
        out = pathlib.Path(tmp) / "reports" / "inventory.json"
        out.parent.mkdir(parents=True)
        out.write_text(json.dumps(report, indent=2, sort_keys=True))
        loaded = json.loads(out.read_text())
        print("saved", out.relative_to(tmp), out.stat().st_size > 0, loaded == report)
        print(sorted(p.name for p in pathlib.Path(tmp).rglob("*")))

    print(json.dumps(report, sort_keys=True))
    print(handler.stream.getvalue(), end="")
    print(price_band.cache_info())

    stream = io.StringIO()
    suite = unittest.defaultTestLoader.loadTestsFromTestCase(InventoryTests)
    result = unittest.TextTestRunner(stream=stream, verbosity=0).run(suite)
    print("tests run:", result.testsRun, "ok:", result.wasSuccessful())


if __name__ == "__main__":
    main(["--verbose"])
