"""Writes init.json: PyTorch's fan_in/fan_out for Linear and Conv weight shapes, and the exact
draws of torch.nn.init's initializers after torch.manual_seed (the binding uses the same
libtorch generator, so the same seed gives the same values). Run with Debian's python3-torch:
    /usr/bin/python3 make_init.py"""
import json
import math
import os

import torch
from torch.nn import init


def tj(t):
    return {"shape": list(t.shape), "data": t.detach().flatten().tolist()}


fans = []
for module in [torch.nn.Linear(7, 3), torch.nn.Linear(256, 512), torch.nn.Conv1d(5, 8, 3),
               torch.nn.Conv2d(3, 16, (5, 3)), torch.nn.Conv3d(2, 4, (3, 2, 2)), torch.nn.LSTM(6, 10)]:
    for name, p in module.named_parameters():
        if p.dim() < 2:
            continue
        fan_in, fan_out = init._calculate_fan_in_and_fan_out(p)
        fans.append({"module": type(module).__name__, "parameter": name, "shape": list(p.shape),
                     "fan_in": fan_in, "fan_out": fan_out})

draws = []
for shape in [[6, 5], [4, 3, 3, 2]]:
    for name, fn in [
        ("uniform_fan_in", lambda t: init.kaiming_uniform_(t, a=math.sqrt(5))),  # nn.Linear's default
        ("xavier_normal", init.xavier_normal_),
        ("xavier_uniform", init.xavier_uniform_),
        ("he_normal", lambda t: init.kaiming_normal_(t, nonlinearity="relu")),
        ("he_uniform", lambda t: init.kaiming_uniform_(t, nonlinearity="relu")),
        ("normal", lambda t: init.normal_(t, 0.5, 0.02)),
    ]:
        torch.manual_seed(1234)
        t = torch.empty(shape)
        fn(t)
        draws.append({"initializer": name, "seed": 1234, "values": tj(t)})

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "init.json")
with open(out, "w") as f:
    json.dump({"torch": torch.__version__, "fans": fans, "draws": draws}, f, separators=(",", ":"))
print(f"{len(fans)} fans, {len(draws)} draws -> {out} ({os.path.getsize(out)} bytes)")
