"""Trains a logistic-regression model on the splits prepare_data wrote.

Standard library only. Reads OSOP_TRAIN and OSOP_VAL (CSV: feature columns, then
label and group), standardises the features, trains with mini-batch gradient
descent and L2 (settings from --config, a flat "key: value" file), and writes:

  OSOP_MODEL_PATH    an ONNX model: float input [N, F] in the files' column order,
                     unnormalised (the standardisation is folded into the weights),
                     output = probability of the positive class, shape [N, 1]
  OSOP_METRICS_PATH  JSON: train/val accuracy and loss, epochs, features used

Config keys: epochs, learning_rate, batch_size, l2, seed, max_features (train on
the first N feature columns only; 0 = all).
"""

import argparse
import csv
import json
import math
import os
import random
import sys

from onnx_writer import logistic_regression

DEFAULTS = {
    "epochs": 10,
    "learning_rate": 0.1,
    "batch_size": 64,
    "l2": 0.0001,
    "seed": 7,
    "max_features": 0,
}


def parse_config(path):
    """Parses a flat YAML file of "key: value" lines (comments and blank lines allowed)."""
    config = dict(DEFAULTS)
    if not path:
        return config
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            line = raw.split("#", 1)[0].strip()
            if not line:
                continue
            if ":" not in line:
                sys.exit("%s:%d: expected 'key: value', got %r" % (path, number, raw.rstrip()))
            key, value = (part.strip() for part in line.split(":", 1))
            if key not in DEFAULTS:
                sys.exit("%s:%d: unknown key %r; known: %s" % (path, number, key, sorted(DEFAULTS)))
            try:
                config[key] = type(DEFAULTS[key])(float(value)) if isinstance(DEFAULTS[key], int) else float(value)
            except ValueError:
                sys.exit("%s:%d: %s must be a number, got %r" % (path, number, key, value))
    return config


def read_split(path):
    """Returns (feature names, sparse rows [(indexes, values)], labels)."""
    rows, labels = [], []
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.reader(handle)
        header = next(reader)
        if header[-2:] != ["label", "group"]:
            sys.exit("%s: expected the last columns to be label,group; got %s" % (path, header[-2:]))
        features = header[:-2]
        for number, record in enumerate(reader, 2):
            if len(record) != len(header):
                sys.exit("%s:%d: expected %d fields, found %d" % (path, number, len(header), len(record)))
            indexes, values = [], []
            for j in range(len(features)):
                value = float(record[j])
                if value != 0.0:
                    indexes.append(j)
                    values.append(value)
            rows.append((indexes, values))
            labels.append(int(record[-2]))
    return features, rows, labels


def feature_stats(rows, count):
    """Mean and standard deviation of every feature (1 for constant columns)."""
    sums, squares = [0.0] * count, [0.0] * count
    for indexes, values in rows:
        for j, x in zip(indexes, values):
            sums[j] += x
            squares[j] += x * x
    n = max(len(rows), 1)
    means = [s / n for s in sums]
    stds = []
    for j in range(count):
        variance = squares[j] / n - means[j] ** 2
        stds.append(math.sqrt(variance) if variance > 1e-12 else 1.0)
    return means, stds


def folded(weights, bias, means, stds):
    """Weights and bias over raw features equal to the model over standardised ones."""
    raw = [w / s for w, s in zip(weights, stds)]
    return raw, bias - sum(w * m for w, m in zip(raw, means))


def sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def evaluate(rows, labels, raw_weights, raw_bias):
    correct, loss = 0, 0.0
    for (indexes, values), y in zip(rows, labels):
        p = sigmoid(raw_bias + sum(raw_weights[j] * x for j, x in zip(indexes, values)))
        correct += (p >= 0.5) == (y == 1)
        p = min(max(p, 1e-12), 1 - 1e-12)
        loss -= math.log(p) if y == 1 else math.log(1 - p)
    n = max(len(rows), 1)
    return correct / n, loss / n


def train(rows, labels, count, config, means, stds, on_epoch):
    """Mini-batch gradient descent on standardised features, computed on the sparse raw rows."""
    rng = random.Random(config["seed"])
    trainable = count if config["max_features"] <= 0 else min(count, config["max_features"])
    weights, bias = [0.0] * count, 0.0
    order = list(range(len(rows)))
    rate, l2, size = config["learning_rate"], config["l2"], max(1, config["batch_size"])
    for epoch in range(1, config["epochs"] + 1):
        rng.shuffle(order)
        for start in range(0, len(order), size):
            batch = order[start:start + size]
            raw, raw_bias = folded(weights, bias, means, stds)
            gradient = [0.0] * count
            error_sum = 0.0
            for i in batch:
                indexes, values = rows[i]
                p = sigmoid(raw_bias + sum(raw[j] * x for j, x in zip(indexes, values)))
                error = p - labels[i]
                error_sum += error
                for j, x in zip(indexes, values):
                    gradient[j] += error * x
            n = len(batch)
            for j in range(trainable):
                # d/dw of the loss over z = (x - mean) / std.
                g = (gradient[j] - means[j] * error_sum) / stds[j] / n + l2 * weights[j]
                weights[j] -= rate * g
            bias -= rate * error_sum / n
        on_epoch(epoch, weights, bias)
    return weights, bias, trainable


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", help="flat key: value settings file")
    args = parser.parse_args()
    config = parse_config(args.config)

    for name in ("OSOP_TRAIN", "OSOP_VAL", "OSOP_MODEL_PATH"):
        if not os.environ.get(name):
            sys.exit("%s is not set; run this through the pipeline (see docs/local-backends.md)" % name)
    features, train_rows, train_labels = read_split(os.environ["OSOP_TRAIN"])
    val_features, val_rows, val_labels = read_split(os.environ["OSOP_VAL"])
    if val_features != features:
        sys.exit("train and val splits have different feature columns")
    count = len(features)
    print("training: rows=%d val_rows=%d features=%d config=%s"
          % (len(train_rows), len(val_rows), count, json.dumps(config, sort_keys=True)))

    means, stds = feature_stats(train_rows, count)
    history = []

    def on_epoch(epoch, weights, bias):
        raw, raw_bias = folded(weights, bias, means, stds)
        train_acc, train_loss = evaluate(train_rows, train_labels, raw, raw_bias)
        val_acc, val_loss = evaluate(val_rows, val_labels, raw, raw_bias)
        history.append((train_acc, train_loss, val_acc, val_loss))
        print("epoch %d/%d train_loss=%.4f train_accuracy=%.4f val_loss=%.4f val_accuracy=%.4f"
              % (epoch, config["epochs"], train_loss, train_acc, val_loss, val_acc))

    weights, bias, trainable = train(train_rows, train_labels, count, config, means, stds, on_epoch)
    raw, raw_bias = folded(weights, bias, means, stds)
    with open(os.environ["OSOP_MODEL_PATH"], "wb") as handle:
        handle.write(logistic_regression(raw, raw_bias))
    train_acc, train_loss, val_acc, val_loss = history[-1] if history else (0, 0, 0, 0)
    metrics = {
        "train_accuracy": train_acc,
        "train_loss": train_loss,
        "val_accuracy": val_acc,
        "val_loss": val_loss,
        "epochs": config["epochs"],
        "features": count,
        "features_trained": trainable,
    }
    if os.environ.get("OSOP_METRICS_PATH"):
        with open(os.environ["OSOP_METRICS_PATH"], "w", encoding="utf-8") as handle:
            json.dump(metrics, handle, indent=2, sort_keys=True)
    print("wrote model: path=%s val_accuracy=%.4f" % (os.environ["OSOP_MODEL_PATH"], val_acc))


if __name__ == "__main__":
    main()
