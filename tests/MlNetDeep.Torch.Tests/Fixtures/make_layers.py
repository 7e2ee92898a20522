"""Writes layers.json: PyTorch reference values for the layer golden tests (LayerGoldenTests.cs).

Run with Debian's python3-torch: /usr/bin/python3 make_layers.py
For each case: the layer's configuration, its parameters and buffers, an input, a fixed random
upstream gradient g, the output, and the gradients of loss = sum(output * g) with respect to
the input and every parameter. Batch-norm cases also record the buffers after that training
step and the evaluation-mode output on the same input.
"""
import json
import os

import torch
import torch.nn as nn
import torch.nn.functional as F


def enc(t):
    t = t.detach()
    if t.dtype.is_floating_point:
        # 9 significant digits round-trip float32 exactly and keep the file small.
        data = [float(f"{v:.9g}") for v in t.reshape(-1).tolist()]
    else:
        data = [int(v) for v in t.reshape(-1).tolist()]
    return {"shape": list(t.shape), "data": data}


class MinPool(nn.Module):
    def __init__(self, pool):
        super().__init__()
        self.pool = pool

    def forward(self, x):
        return -self.pool(-x)


class GlobalPool(nn.Module):
    def __init__(self, dims, kind):
        super().__init__()
        self.dims = tuple(range(2, 2 + dims))
        self.kind = kind

    def forward(self, x):
        return x.amax(self.dims) if self.kind == "max" else x.mean(self.dims)


def case(name, config, module, input_shape, seed, randomize=False, indices=None):
    torch.manual_seed(seed)
    if randomize:
        # Batch norm starts at weight 1, bias 0, mean 0, var 1: move away from those so the
        # test would notice a swapped or ignored tensor.
        with torch.no_grad():
            for n, p in module.named_parameters():
                p.copy_(torch.randn_like(p) * 0.5 + (1.0 if n == "weight" else 0.0))
            if getattr(module, "running_mean", None) is not None:
                module.running_mean.copy_(torch.randn_like(module.running_mean) * 0.3)
                module.running_var.copy_(torch.rand_like(module.running_var) + 0.5)
    params = {n: p.detach().clone() for n, p in module.named_parameters()}
    buffers = {n: b.detach().clone() for n, b in module.named_buffers()}
    if indices is not None:
        x = indices
    else:
        x = torch.randn(*input_shape).requires_grad_(True)
    module.train()
    y = module(x)
    g = torch.randn_like(y)
    (y * g).sum().backward()
    entry = {
        "name": name,
        "config": config,
        "params": {n: enc(p) for n, p in params.items()},
        "buffers": {n: enc(b) for n, b in buffers.items()},
        "input": enc(x),
        "upstream": enc(g),
        "output": enc(y),
        "grads": {n: enc(p.grad) for n, p in module.named_parameters()},
    }
    if x.dtype.is_floating_point:
        entry["grad_input"] = enc(x.grad)
    if buffers:
        entry["buffers_after"] = {n: enc(b) for n, b in module.named_buffers()}
        module.eval()
        with torch.no_grad():
            entry["eval_output"] = enc(module(x))
    return entry


def conv(dims, cin, cout, kernel, stride, padding, dilation, groups=1, bias=True):
    cls = nn.Conv1d if dims == 1 else nn.Conv2d
    m = cls(cin, cout, kernel, stride=stride, padding=padding, dilation=dilation, groups=groups, bias=bias)
    pad = padding if isinstance(padding, str) else list(padding)
    cfg = {"type": cls.__name__, "in": cin, "out": cout, "kernel": list(kernel), "stride": list(stride),
           "padding": pad, "dilation": list(dilation), "groups": groups, "bias": bias}
    return cfg, m


def pool(kind, dims, kernel, stride, padding):
    if kind == "Avg":
        base = (nn.AvgPool1d if dims == 1 else nn.AvgPool2d)(kernel, stride, padding)
    else:
        base = (nn.MaxPool1d if dims == 1 else nn.MaxPool2d)(kernel, stride, padding)
    m = MinPool(base) if kind == "Min" else base
    cfg = {"type": f"{kind}Pool{dims}d", "kernel": list(kernel), "stride": list(stride), "padding": list(padding)}
    return cfg, m


def main():
    torch.manual_seed(0)
    cases = []
    seed = 100

    def add(name, cfg_module, shape, **kw):
        nonlocal seed
        seed += 1
        cfg, m = cfg_module
        cases.append(case(name, cfg, m, shape, seed, **kw))

    add("conv1d_valid", conv(1, 3, 4, (3,), (1,), (0,), (1,)), (2, 3, 10))
    add("conv1d_same_even_kernel_dilated", conv(1, 2, 4, (4,), (1,), "same", (2,)), (2, 2, 9))
    add("conv1d_stride_padding_groups", conv(1, 4, 6, (3,), (2,), (1,), (1,), groups=2), (2, 4, 11))
    add("conv2d_valid", conv(2, 3, 4, (3, 3), (1, 1), (0, 0), (1, 1)), (2, 3, 6, 7))
    add("conv2d_same_no_bias", conv(2, 2, 3, (2, 3), (1, 1), "same", (1, 1), bias=False), (2, 2, 5, 6))
    add("conv2d_stride_padding_dilation_groups", conv(2, 4, 6, (3, 2), (2, 1), (1, 0), (1, 2), groups=2), (2, 4, 7, 8))

    add("maxpool1d", pool("Max", 1, (3,), (2,), (1,)), (2, 3, 9))
    add("avgpool1d", pool("Avg", 1, (2,), (2,), (0,)), (2, 3, 9))
    add("avgpool1d_padding", pool("Avg", 1, (3,), (2,), (1,)), (2, 3, 8))
    add("minpool1d", pool("Min", 1, (3,), (2,), (1,)), (2, 3, 9))
    add("maxpool2d", pool("Max", 2, (2, 2), (2, 2), (0, 0)), (2, 3, 6, 7))
    add("maxpool2d_rect", pool("Max", 2, (3, 2), (2, 1), (1, 0)), (2, 2, 7, 5))
    add("avgpool2d", pool("Avg", 2, (3, 3), (2, 2), (1, 1)), (2, 3, 6, 7))
    add("minpool2d", pool("Min", 2, (2, 3), (1, 2), (1, 1)), (2, 2, 5, 7))
    for dims in (1, 2):
        for kind in ("Avg", "Max"):
            shape = (3, 4, 6) if dims == 1 else (3, 4, 3, 5)
            add(f"global{kind.lower()}pool{dims}d", ({"type": f"Global{kind}Pool{dims}d"}, GlobalPool(dims, kind.lower())), shape)

    def bn(dims, features, momentum=0.1, affine=True, eps=1e-5):
        cls = nn.BatchNorm1d if dims == 1 else nn.BatchNorm2d
        m = cls(features, eps=eps, momentum=momentum, affine=affine)
        return {"type": cls.__name__, "features": features, "eps": eps, "momentum": momentum, "affine": affine}, m

    add("batchnorm1d_2d_input", bn(1, 4), (6, 4), randomize=True)
    add("batchnorm1d_3d_input", bn(1, 3, momentum=0.3), (4, 3, 5), randomize=True)
    add("batchnorm1d_cumulative_no_affine", bn(1, 3, momentum=None, affine=False, eps=1e-3), (5, 3), randomize=True)
    add("batchnorm2d", bn(2, 3, momentum=0.2), (2, 3, 4, 5), randomize=True)

    add("flatten_default", ({"type": "Flatten", "start": 1, "end": -1}, nn.Flatten()), (2, 3, 2, 2))
    add("flatten_middle", ({"type": "Flatten", "start": 1, "end": 2}, nn.Flatten(1, 2)), (2, 3, 2, 2))

    emb = nn.Embedding(7, 4, padding_idx=2)
    idx = torch.tensor([[0, 2, 5, 5, 1], [6, 2, 3, 0, 0], [4, 4, 4, 2, 6]])
    add("embedding_padding_idx", ({"type": "Embedding", "num": 7, "dim": 4, "padding_idx": 2}, emb), None, indices=idx)
    emb = nn.Embedding(5, 3)
    idx = torch.tensor([1, 1, 4, 0, 3, 1])
    add("embedding", ({"type": "Embedding", "num": 5, "dim": 3, "padding_idx": None}, emb), None, indices=idx)

    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "layers.json")
    with open(out, "w") as f:
        json.dump({"torch": torch.__version__, "cases": cases}, f, separators=(",", ":"))
        f.write("\n")
    print(f"wrote {len(cases)} cases to {out} ({os.path.getsize(out)} bytes)")


if __name__ == "__main__":
    main()
