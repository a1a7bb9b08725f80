"""Writes the user-embeddings/v3 feature table: deterministic synthetic data.

Usage: python3 generate.py OUTPUT_FOLDER [--rows 30000] [--seed 3]

Writes OUTPUT_FOLDER/data.csv with user_id, eight embedding values, country and
device (categorical), group (the sensitive attribute, A or B) and a 0/1 label
drawn from a logistic model of the other columns, so logistic regression learns
it to roughly 0.85 accuracy. The same arguments always give the same bytes.
"""

import argparse
import math
import os
import random

WEIGHTS = [1.6, -1.2, 0.9, 0.0, 0.7, -0.5, 0.0, 1.1]
COUNTRIES = {"de": 0.3, "fr": -0.2, "jp": 0.5, "tw": 0.8, "us": -0.4, "br": -0.9}
DEVICES = {"android": -0.3, "ios": 0.4, "web": 0.0}
GROUP_SHIFT = {"A": 0.25, "B": -0.25}
SCALE = 1.7


def main():
    parser = argparse.ArgumentParser(description="Write the user-embeddings/v3 table.")
    parser.add_argument("output", help="folder to write data.csv into")
    parser.add_argument("--rows", type=int, default=30000)
    parser.add_argument("--seed", type=int, default=3)
    args = parser.parse_args()

    rng = random.Random(args.seed)
    countries = sorted(COUNTRIES)
    devices = sorted(DEVICES)
    os.makedirs(args.output, exist_ok=True)
    target = os.path.join(args.output, "data.csv")
    partial = target + ".partial"
    with open(partial, "w", encoding="utf-8", newline="") as out:
        out.write("user_id,%s,country,device,group,label\n"
                  % ",".join("emb_%d" % i for i in range(len(WEIGHTS))))
        for n in range(args.rows):
            embedding = [rng.gauss(0.0, 1.0) for _ in WEIGHTS]
            country = countries[rng.randrange(len(countries))]
            device = devices[rng.randrange(len(devices))]
            group = "A" if rng.random() < 0.6 else "B"
            logit = SCALE * (sum(w * x for w, x in zip(WEIGHTS, embedding))
                             + COUNTRIES[country] + DEVICES[device] + GROUP_SHIFT[group])
            label = 1 if rng.random() < 1.0 / (1.0 + math.exp(-logit)) else 0
            out.write("u%06d,%s,%s,%s,%s,%d\n" % (
                n, ",".join("%.5f" % x for x in embedding), country, device, group, label))
    os.replace(partial, target)
    print("wrote %d rows to %s" % (args.rows, target))


if __name__ == "__main__":
    main()
