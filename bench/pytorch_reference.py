"""PyTorch reference for `npm run bench` (bench/side-by-side.ts runs it).

The same networks and settings the lab trains, timed per epoch on Fashion-MNIST:
- the seed notebook's pipeline: torchvision's dataset with ToTensor and a
  shuffling DataLoader at batch 256, training the seed MLP;
- a tight loop over tensors already in memory, for the seed MLP;
- the same tight loop for the CNN preset (conv 16, conv 32, dense 64).
Each timing runs at every thread count given, and says which. Prints one JSON
object on stdout, with the BLAS library PyTorch loaded: Debian's python3-torch
takes whichever libblas.so.3 the system provides, and its reference BLAS made
the MLP's tight loop 7 to 12 times slower than OpenBLAS (3.4-5.2 s against
0.42-0.50 s per epoch, measured 2026-12-07). Run it with Debian's interpreter,
/usr/bin/python3, which has python3-torch, python3-torchvision and
libopenblas0-pthread.

Usage: pytorch_reference.py DATA_DIR [--threads 1,2] [--cnn-rows N] [--epochs N]
"""
import argparse
import gzip
import json
import os
import shutil
import tempfile
import time

import numpy as np
import torch
from torch import nn


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    dims = data[3]
    shape = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(dims)]
    return np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * dims).reshape(shape)


def seed_mlp():
    return nn.Sequential(
        nn.Flatten(),
        nn.Linear(784, 64), nn.ReLU(),
        nn.Linear(64, 64), nn.ReLU(),
        nn.Linear(64, 64), nn.ReLU(),
        nn.Linear(64, 10),
    )


def cnn_preset():
    # 3x3 'same' convolutions, each followed by ReLU and a 2x2 max pool, as the lab's CNN.
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(),
        nn.Linear(32 * 7 * 7, 64), nn.ReLU(),
        nn.Linear(64, 10),
    )


def train_epoch(model, optimizer, batches):
    loss_fn = nn.CrossEntropyLoss()
    model.train()
    for x, y in batches:
        optimizer.zero_grad()
        loss = loss_fn(model(x), y)
        loss.backward()
        optimizer.step()


def tensor_batches(x, y, batch_size, generator):
    order = torch.randperm(len(x), generator=generator)
    for start in range(0, len(x), batch_size):
        rows = order[start: start + batch_size]
        yield x[rows], y[rows]


def timed_epochs(make_model, batches_for_epoch, epochs):
    torch.manual_seed(1)
    model = make_model()
    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
    seconds = []
    for epoch in range(epochs):
        started = time.perf_counter()
        train_epoch(model, optimizer, batches_for_epoch(epoch))
        seconds.append(time.perf_counter() - started)
    return seconds


def seed_pipeline_epochs(data_dir, epochs):
    """torchvision's FashionMNIST dataset over the raw files, as the notebook loads it."""
    from torchvision import datasets, transforms
    from torch.utils.data import DataLoader

    root = tempfile.mkdtemp(prefix="lab-bench-torch-")
    try:
        raw = os.path.join(root, "FashionMNIST", "raw")
        os.makedirs(raw)
        for name in ("train-images-idx3-ubyte", "train-labels-idx1-ubyte",
                     "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"):
            with gzip.open(os.path.join(data_dir, name + ".gz"), "rb") as src, \
                    open(os.path.join(raw, name), "wb") as dst:
                shutil.copyfileobj(src, dst)
        data = datasets.FashionMNIST(root, train=True, download=False,
                                     transform=transforms.ToTensor())
        loader = DataLoader(data, batch_size=256, shuffle=True)
        return timed_epochs(seed_mlp, lambda _: loader, epochs)
    finally:
        shutil.rmtree(root, ignore_errors=True)


def loaded_blas():
    """The BLAS shared libraries mapped into this process, once torch has run a product."""
    torch.randn(8, 8) @ torch.randn(8, 8)
    try:
        with open("/proc/self/maps") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower()}
    except OSError:  # not Linux: nothing to report
        return []
    return sorted(p for p in paths if p.startswith("/"))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir")
    parser.add_argument("--threads", default="1")
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--cnn-rows", type=int, default=12000)
    args = parser.parse_args()

    images = read_idx(os.path.join(args.data_dir, "train-images-idx3-ubyte.gz"))
    labels = read_idx(os.path.join(args.data_dir, "train-labels-idx1-ubyte.gz"))
    x = torch.from_numpy(images.astype(np.float32) / 255.0)
    y = torch.from_numpy(labels.astype(np.int64))
    x_flat = x.reshape(-1, 784)
    x_cnn = x[: args.cnn_rows].reshape(-1, 1, 28, 28)
    y_cnn = y[: args.cnn_rows]
    rows = len(x)

    results = []
    for threads in [int(t) for t in args.threads.split(",")]:
        torch.set_num_threads(threads)
        generator = torch.Generator().manual_seed(1)
        figures = {
            "mlpSeedPipeline": seed_pipeline_epochs(args.data_dir, 1),
            "mlpTensorLoop": timed_epochs(
                seed_mlp, lambda _: tensor_batches(x_flat, y, 256, generator), args.epochs),
            # Timed on a slice, scaled to a whole epoch of all rows.
            "cnnTensorLoop": [s * rows / args.cnn_rows for s in timed_epochs(
                cnn_preset, lambda _: tensor_batches(x_cnn, y_cnn, 256, generator), 1)],
        }
        results.append({
            "threads": torch.get_num_threads(),
            "secondsPerEpoch": {k: [round(s, 3) for s in v] for k, v in figures.items()},
        })
    print(json.dumps({
        "torch": torch.__version__,
        "blas": loaded_blas(),
        "rows": rows,
        "cnnRowsTimed": args.cnn_rows,
        "runs": results,
    }))


if __name__ == "__main__":
    main()
