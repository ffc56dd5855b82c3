# A small inventory in nested dicts and lists: aggregate, sort and report.
inventory = {
    "fruit": [{"name": "apple", "qty": 5, "price": 0.4}, {"name": "pear", "qty": 0, "price": 0.6}],
    "veg": [{"name": "leek", "qty": 12, "price": 1.1}],
    "dairy": [],
}
totals = {}
for category, items in inventory.items():
    totals[category] = sum(item["qty"] * item["price"] for item in items)
print(totals)
in_stock = sorted((item["name"] for items in inventory.values() for item in items if item["qty"]), reverse=True)
print(in_stock)
by_price = sorted([item for items in inventory.values() for item in items], key=lambda it: it["price"])
print([it["name"] for it in by_price])
inventory["veg"].append({"name": "kale", "qty": 3, "price": 2.0})
inventory["dairy"] = inventory.get("dairy", []) + [{"name": "milk", "qty": 1, "price": 0.9}]
print({k: len(v) for k, v in inventory.items()}, max(totals, key=lambda k: totals[k]))
print(f"{sum(totals.values()):.2f}")
