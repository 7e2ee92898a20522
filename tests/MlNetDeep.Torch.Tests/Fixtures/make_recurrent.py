"""Writes recurrent.json: PyTorch's RNN/LSTM/GRU outputs, final states and gradients.

Run with the system Python that has Debian's python3-torch (1.13).
For each layer kind and configuration: the parameters (by PyTorch name), an input, initial
states, upstream gradients for the output and final states, and PyTorch's output, h_n (c_n),
the output from zero initial states, and the gradients of
loss = sum(out * g_out) + sum(h_n * g_h) [+ sum(c_n * g_c)] w.r.t. input, states and every
parameter.
"""
import json
import os

import torch

torch.manual_seed(20261122)

INPUT, HIDDEN, STEPS, BATCH = 3, 4, 4, 2

KINDS = {
    "rnn_tanh": lambda **kw: torch.nn.RNN(nonlinearity="tanh", **kw),
    "rnn_relu": lambda **kw: torch.nn.RNN(nonlinearity="relu", **kw),
    "lstm": lambda **kw: torch.nn.LSTM(**kw),
    "gru": lambda **kw: torch.nn.GRU(**kw),
}

CONFIGS = {
    "one_layer": dict(num_layers=1, bidirectional=False, batch_first=False),
    "two_layers": dict(num_layers=2, bidirectional=False, batch_first=False),
    "bidirectional": dict(num_layers=1, bidirectional=True, batch_first=False),
    "two_layers_bidirectional": dict(num_layers=2, bidirectional=True, batch_first=False),
    "batch_first": dict(num_layers=1, bidirectional=False, batch_first=True),
}


def t(x):
    x = x.detach().contiguous()
    return {"shape": list(x.shape), "data": [float("%.9g" % v) for v in x.flatten().tolist()]}


cases = []
for kind, make in KINDS.items():
    for config, kw in CONFIGS.items():
        layer = make(input_size=INPUT, hidden_size=HIDDEN, **kw)
        d = 2 if kw["bidirectional"] else 1
        states = kw["num_layers"] * d
        x_shape = (BATCH, STEPS, INPUT) if kw["batch_first"] else (STEPS, BATCH, INPUT)
        x = torch.randn(*x_shape, requires_grad=True)
        h0 = (0.5 * torch.randn(states, BATCH, HIDDEN)).requires_grad_()
        c0 = (0.5 * torch.randn(states, BATCH, HIDDEN)).requires_grad_() if kind == "lstm" else None
        if kind == "lstm":
            out, (hn, cn) = layer(x, (h0, c0))
        else:
            out, hn = layer(x, h0)
            cn = None
        g_out = torch.randn_like(out)
        g_h = torch.randn_like(hn)
        loss = (out * g_out).sum() + (hn * g_h).sum()
        g_c = None
        if cn is not None:
            g_c = torch.randn_like(cn)
            loss = loss + (cn * g_c).sum()
        loss.backward()
        with torch.no_grad():
            out_zero = layer(x)[0]
        case = {
            "kind": kind,
            "config": config,
            "num_layers": kw["num_layers"],
            "bidirectional": kw["bidirectional"],
            "batch_first": kw["batch_first"],
            "input": t(x),
            "h0": t(h0),
            "g_out": t(g_out),
            "g_h": t(g_h),
            "out": t(out),
            "h_n": t(hn),
            "out_zero_state": t(out_zero),
            "grad_input": t(x.grad),
            "grad_h0": t(h0.grad),
            "parameters": {name: t(p) for name, p in layer.named_parameters()},
            "grads": {name: t(p.grad) for name, p in layer.named_parameters()},
        }
        if kind == "lstm":
            case.update({"c0": t(c0), "g_c": t(g_c), "c_n": t(cn), "grad_c0": t(c0.grad)})
        cases.append(case)

with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "recurrent.json"), "w") as f:
    json.dump({"input_size": INPUT, "hidden_size": HIDDEN, "cases": cases}, f, separators=(",", ":"))
