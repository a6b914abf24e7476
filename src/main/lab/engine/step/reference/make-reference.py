#!/usr/bin/python3
"""Reference numbers for the engine's optimizers and cross-entropy, from PyTorch.

Run with Debian's interpreter (python3-torch): /usr/bin/python3 make-reference.py
It rewrites optimizers.json beside this file. The problem is small and fixed:
a linear layer (4 inputs, 3 classes) on 8 hand-picked rows, softmax
cross-entropy, 20 steps each of Adam, SGD with momentum and RMSprop. For every
step it stores the gradients PyTorch computed and the weights after the step,
so a test can feed the same gradients to an optimizer and compare the weights.
"""
import json
import os

import torch

torch.set_default_dtype(torch.float32)

STEPS = 20
INPUTS = [
    [0.0, 0.5, 1.0, 0.25],
    [1.0, 0.0, 0.75, 0.5],
    [0.2, 0.9, 0.1, 0.0],
    [0.6, 0.3, 0.0, 1.0],
    [0.9, 0.9, 0.4, 0.1],
    [0.0, 0.0, 0.3, 0.8],
    [0.4, 0.7, 0.6, 0.2],
    [0.1, 0.2, 0.9, 0.9],
]
LABELS = [0, 2, 1, 0, 2, 1, 1, 0]
# torch.nn.Linear stores its weight as out x in; the lab's dense kernel is in x out.
WEIGHT = [
    [0.30, -0.20, 0.10, 0.05],
    [-0.10, 0.40, -0.30, 0.20],
    [0.25, 0.15, -0.05, -0.35],
]
BIAS = [0.01, -0.02, 0.03]

OPTIMIZERS = {
    "adam": (lambda params: torch.optim.Adam(params, lr=0.01), {"learningRate": 0.01, "momentum": 0}),
    "sgd": (
        lambda params: torch.optim.SGD(params, lr=0.1, momentum=0.9),
        {"learningRate": 0.1, "momentum": 0.9},
    ),
    "rmsprop": (
        lambda params: torch.optim.RMSprop(params, lr=0.01, alpha=0.99, eps=1e-8),
        {"learningRate": 0.01, "momentum": 0},
    ),
}


def kernel_of(layer):
    """The weights in the lab's layout: kernel (in x out) row by row, then bias."""
    return {
        "kernel": layer.weight.detach().t().contiguous().flatten().tolist(),
        "bias": layer.bias.detach().flatten().tolist(),
    }


def fresh_layer():
    layer = torch.nn.Linear(4, 3)
    with torch.no_grad():
        layer.weight.copy_(torch.tensor(WEIGHT))
        layer.bias.copy_(torch.tensor(BIAS))
    return layer


def trajectory(make, settings):
    layer = fresh_layer()
    optimizer = make(layer.parameters())
    x = torch.tensor(INPUTS)
    y = torch.tensor(LABELS)
    steps = []
    for _ in range(STEPS):
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(layer(x), y)
        loss.backward()
        grads = {
            "kernel": layer.weight.grad.t().contiguous().flatten().tolist(),
            "bias": layer.bias.grad.flatten().tolist(),
        }
        optimizer.step()
        steps.append({"loss": loss.item(), "grads": grads, "after": kernel_of(layer)})
    return {"settings": settings, "steps": steps}


def cross_entropy_reference():
    """Loss and d loss / d logits of the first step, with logits large enough to need the max shift."""
    logits = (fresh_layer()(torch.tensor(INPUTS)) * 40).detach().requires_grad_(True)
    loss = torch.nn.functional.cross_entropy(logits, torch.tensor(LABELS))
    loss.backward()
    return {
        "logits": logits.detach().flatten().tolist(),
        "loss": loss.item(),
        "gradient": logits.grad.flatten().tolist(),
    }


def main():
    reference = {
        "made by": "make-reference.py with PyTorch " + torch.__version__,
        "inputs": INPUTS,
        "labels": LABELS,
        "initial": kernel_of(fresh_layer()),
        "crossEntropy": cross_entropy_reference(),
        "optimizers": {name: trajectory(make, settings) for name, (make, settings) in OPTIMIZERS.items()},
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "optimizers.json")
    with open(path, "w") as out:
        json.dump(reference, out, indent=1)
        out.write("\n")


if __name__ == "__main__":
    main()
