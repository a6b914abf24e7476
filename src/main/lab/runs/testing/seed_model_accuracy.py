"""Loads a lab export into the seed notebook's model with plain PyTorch and prints its test accuracy.

Usage: python3 seed_model_accuracy.py WEIGHTS.safetensors IMAGES_IDX LABELS_IDX SCALING

Reads the safetensors file by hand (an 8-byte little-endian header length, a JSON header, then
raw little-endian float32 tensors), since Debian ships PyTorch without the safetensors package.
The model is the seed's MLP (fc1, fc2, ... with ReLU between), sized from the weights; a file
with conv1 holds the lab's CNN. load_state_dict is strict: every name and shape must fit.
Prints one JSON line: {"accuracy": ..., "count": ...}.
"""

import gzip
import json
import struct
import sys

import torch
from torch import nn


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + length])
    metadata = header.pop("__metadata__", {})
    body = data[8 + length :]
    tensors = {}
    for name, entry in header.items():
        assert entry["dtype"] == "F32", f"{name} is {entry['dtype']}"
        begin, end = entry["data_offsets"]
        values = torch.frombuffer(bytearray(body[begin:end]), dtype=torch.float32)
        tensors[name] = values.reshape(entry["shape"])
    return tensors, metadata


def read_idx(path):
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rb") as f:
        data = f.read()
    magic, count = struct.unpack(">II", data[:8])
    if magic == 2051:
        rows, cols = struct.unpack(">II", data[8:16])
        pixels = torch.frombuffer(bytearray(data[16:]), dtype=torch.uint8)
        return pixels.reshape(count, rows * cols)
    assert magic == 2049, f"{path}: magic {magic}"
    return torch.frombuffer(bytearray(data[8:]), dtype=torch.uint8).long()


class MLP(nn.Module):
    """The seed's MLP: Linear layers fc1..fcN with ReLU between, no activation at the end."""

    def __init__(self, sizes):
        super().__init__()
        self.count = len(sizes) - 1
        for i in range(self.count):
            setattr(self, f"fc{i + 1}", nn.Linear(sizes[i], sizes[i + 1]))

    def forward(self, x):
        x = x.view(x.size(0), -1)
        for i in range(self.count):
            x = getattr(self, f"fc{i + 1}")(x)
            if i + 1 < self.count:
                x = torch.relu(x)
        return x


class CNN(nn.Module):
    """The lab's CNN preset, as its export header describes it."""

    def __init__(self, tensors):
        super().__init__()
        f1, f2 = tensors["conv1.weight"].shape[0], tensors["conv2.weight"].shape[0]
        k = tensors["conv1.weight"].shape[2]
        dense, flat = tensors["fc1.weight"].shape
        self.conv1 = nn.Conv2d(1, f1, k, padding=k // 2)
        self.conv2 = nn.Conv2d(f1, f2, k, padding=k // 2)
        self.fc1 = nn.Linear(flat, dense)
        self.fc2 = nn.Linear(dense, tensors["fc2.weight"].shape[0])

    def forward(self, x):
        x = x.view(x.size(0), 1, 28, 28)
        x = nn.functional.max_pool2d(torch.relu(self.conv1(x)), 2)
        x = nn.functional.max_pool2d(torch.relu(self.conv2(x)), 2)
        x = torch.relu(self.fc1(torch.flatten(x, 1)))
        return self.fc2(x)


def scale(pixels, scaling):
    x = pixels.float()
    if scaling == "unit":
        return x / 255.0
    if scaling == "symmetric":
        return x / 127.5 - 1.0
    if scaling == "none":
        return x
    raise SystemExit(f"scaling {scaling} is not covered by this check")


def main():
    weights, images_path, labels_path, scaling = sys.argv[1:5]
    tensors, _ = read_safetensors(weights)
    if "conv1.weight" in tensors:
        model = CNN(tensors)
    else:
        count = len([n for n in tensors if n.endswith(".weight")])
        sizes = [tensors["fc1.weight"].shape[1]] + [
            tensors[f"fc{i + 1}.weight"].shape[0] for i in range(count)
        ]
        model = MLP(sizes)
    model.load_state_dict(tensors, strict=True)
    model.eval()
    images, labels = read_idx(images_path), read_idx(labels_path)
    with torch.no_grad():
        predicted = model(scale(images, scaling)).argmax(dim=1)
    accuracy = (predicted == labels).float().mean().item()
    print(json.dumps({"accuracy": accuracy, "count": int(labels.numel())}))


if __name__ == "__main__":
    main()
