"""Writes activations.json: PyTorch's values and gradients for every activation.

Run with the system Python that has Debian's python3-torch (1.13).
Each case holds the input x, an upstream gradient g, y = f(x) and d(sum(y * g))/dx (and the
gradient of PReLU's weight). Inputs keep away from the kinks at 0 and from ties in Maxout.
"""
import json
import os

import torch
import torch.nn.functional as F

torch.manual_seed(7)


def t(x):
    x = x.detach().contiguous()
    return {"shape": list(x.shape), "data": [float("%.9g" % v) for v in x.flatten().tolist()]}


def away_from_zero(*shape):
    x = torch.randn(*shape) * 2
    return x + 0.1 * torch.sign(x)


cases = []


def case(name, kind, fn, x, **args):
    x = x.clone().requires_grad_()
    if kind == "BinaryStep":  # PyTorch's heaviside has no derivative; by definition it is 0
        y = fn(x.detach())
        grad = torch.zeros_like(x)
        g = torch.randn_like(y)
    else:
        y = fn(x)
        g = torch.randn_like(y)
        (y * g).sum().backward()
        grad = x.grad
    cases.append({"name": name, "kind": kind, "args": args, "x": t(x), "g": t(g), "y": t(y), "grad": t(grad)})


x = away_from_zero(3, 6)
wide = torch.randn(3, 6) * 30  # reaches Softplus' threshold and saturates sigmoid/tanh
case("identity", "Identity", lambda v: v, x)
case("binary_step", "BinaryStep", lambda v: torch.heaviside(v, torch.tensor(0.0)), x)
case("sigmoid", "Sigmoid", torch.sigmoid, x)
case("tanh", "Tanh", torch.tanh, x)
case("relu", "Relu", F.relu, x)
case("leaky_relu", "LeakyRelu", F.leaky_relu, x, negative_slope=0.01)
case("leaky_relu_0.2", "LeakyRelu", lambda v: F.leaky_relu(v, 0.2), x, negative_slope=0.2)
case("elu", "Elu", F.elu, x, alpha=1.0)
case("elu_0.5", "Elu", lambda v: F.elu(v, 0.5), x, alpha=0.5)
case("selu", "Selu", F.selu, x)
case("swish", "Swish", F.silu, x)
case("gelu", "Gelu", F.gelu, x)
case("softplus", "Softplus", F.softplus, x, beta=1.0, threshold=20.0)
case("softplus_beta2_threshold1", "Softplus", lambda v: F.softplus(v, 2.0, 1.0), x, beta=2.0, threshold=1.0)
case("softplus_wide", "Softplus", F.softplus, wide, beta=1.0, threshold=20.0)
case("sigmoid_wide", "Sigmoid", torch.sigmoid, wide)
case("softmax_last", "Softmax", lambda v: F.softmax(v, -1), x, dim=-1)
case("softmax_dim0", "Softmax", lambda v: F.softmax(v, 0), x, dim=0)
case("log_softmax_last", "LogSoftmax", lambda v: F.log_softmax(v, -1), x, dim=-1)
case("log_softmax_dim0", "LogSoftmax", lambda v: F.log_softmax(v, 0), x, dim=0)
case("maxout_2", "Maxout", lambda v: v.reshape(3, 3, 2).max(-1)[0], x, pieces=2)
case("maxout_3", "Maxout", lambda v: v.reshape(3, 2, 3).max(-1)[0], x, pieces=3)

prelu = []
for name, n, shape in [("shared", 1, (3, 6)), ("per_channel", 6, (3, 6)), ("per_channel_3d", 4, (2, 4, 5))]:
    xp = away_from_zero(*shape).requires_grad_()
    layer = torch.nn.PReLU(n)
    with torch.no_grad():
        layer.weight.copy_(torch.rand(n) * 0.5)
    y = layer(xp)
    g = torch.randn_like(y)
    (y * g).sum().backward()
    prelu.append({"name": name, "num_parameters": n, "x": t(xp), "weight": t(layer.weight), "g": t(g),
                  "y": t(y), "grad": t(xp.grad), "grad_weight": t(layer.weight.grad)})

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "activations.json"), "w") as f:
    json.dump({"cases": cases, "prelu": prelu}, f, separators=(",", ":"))
