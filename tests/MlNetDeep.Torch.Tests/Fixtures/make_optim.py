"""Writes optim.json: PyTorch 1.13's optimizers, learning-rate schedules and gradient clipping
on small fixed inputs, the golden values for tests/MlNetDeep.Torch.Tests/Optim.

Run with Debian's interpreter (python3-torch):  /usr/bin/python3 make_optim.py
"""
import json
import math
import os

import torch
from torch.nn.utils import clip_grad_norm_, clip_grad_value_

torch.manual_seed(20240611)

SHAPES = [(3, 4), (4,)]
STEPS = 5
# At this step (0-based) the second parameter has no gradient: optimizers must skip it and
# leave its state alone.
STEP_WITHOUT_GRAD = 2


def tensor(t):
    t = t.detach().to(torch.float64)
    return {"shape": list(t.shape), "data": [float(v) for v in t.reshape(-1).tolist()]}


# name -> (torch.optim class, keyword arguments as PyTorch names them)
OPTIMIZERS = {
    "sgd_plain": (torch.optim.SGD, dict(lr=0.1)),
    "sgd_momentum": (torch.optim.SGD, dict(lr=0.1, momentum=0.9, dampening=0.1)),
    "sgd_nesterov": (torch.optim.SGD, dict(lr=0.05, momentum=0.9, nesterov=True)),
    "sgd_weight_decay": (torch.optim.SGD, dict(lr=0.1, momentum=0.5, weight_decay=0.01)),
    "adam": (torch.optim.Adam, dict(lr=0.01)),
    "adam_amsgrad": (torch.optim.Adam, dict(lr=0.01, betas=(0.8, 0.99), amsgrad=True)),
    "adam_weight_decay": (torch.optim.Adam, dict(lr=0.01, weight_decay=0.1)),
    "adamw": (torch.optim.AdamW, dict(lr=0.01, weight_decay=0.1)),
    "adamw_amsgrad": (torch.optim.AdamW, dict(lr=0.02, amsgrad=True)),
    "rmsprop": (torch.optim.RMSprop, dict(lr=0.01)),
    "rmsprop_centered_momentum": (torch.optim.RMSprop, dict(lr=0.01, alpha=0.9, centered=True, momentum=0.9, weight_decay=0.01)),
    "adagrad": (torch.optim.Adagrad, dict(lr=0.1)),
    "adagrad_options": (torch.optim.Adagrad, dict(lr=0.1, lr_decay=0.05, weight_decay=0.01, initial_accumulator_value=0.1, eps=1e-8)),
    "adadelta": (torch.optim.Adadelta, dict(lr=1.0, rho=0.9, weight_decay=0.01)),
    "adamax": (torch.optim.Adamax, dict(lr=0.01, weight_decay=0.01)),
    "nadam": (torch.optim.NAdam, dict(lr=0.01, weight_decay=0.01)),
}


def optimizer_case(name, cls, kwargs):
    initial = [torch.randn(s) for s in SHAPES]
    params = [p.clone().requires_grad_(True) for p in initial]
    opt = cls(params, **kwargs)
    steps = []
    for step in range(STEPS):
        grads = [torch.randn(s) * (0.5 + step) for s in SHAPES]
        if step == STEP_WITHOUT_GRAD:
            grads[1] = None
        for p, g in zip(params, grads):
            p.grad = None if g is None else g.clone()
        opt.step()
        steps.append({
            "grads": [None if g is None else tensor(g) for g in grads],
            "params": [tensor(p) for p in params],
        })
    # Every hyper-parameter as PyTorch resolved it (given or default), to check the binding's defaults.
    hyper = {k: (list(v) if isinstance(v, tuple) else v) for k, v in opt.defaults.items()
             if k not in ("foreach", "maximize", "capturable", "differentiable", "fused")}
    return {"name": name, "hyper": hyper, "initial": [tensor(p) for p in initial], "steps": steps}


def dummy_optimizer(lr):
    return torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=lr)


def schedule_case(name, make, base_lr, epochs=12):
    opt = dummy_optimizer(base_lr)
    sched = make(opt)
    lrs = []
    for _ in range(epochs):
        opt.step()
        sched.step()
        lrs.append(opt.param_groups[0]["lr"])
    return {"name": name, "base_lr": base_lr, "lrs": lrs}


def plateau_case(name, kwargs, metrics, base_lr=0.1):
    opt = dummy_optimizer(base_lr)
    sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, **kwargs)
    lrs = []
    for m in metrics:
        opt.step()
        sched.step(m)
        lrs.append(opt.param_groups[0]["lr"])
    return {"name": name, "options": kwargs, "base_lr": base_lr, "metrics": metrics, "lrs": lrs}


def clip_norm_case(max_norm, norm_type):
    grads = [torch.randn(3, 4), torch.randn(5) * 3, None]
    params = [torch.zeros(3, 4, requires_grad=True), torch.zeros(5, requires_grad=True), torch.zeros(2, requires_grad=True)]
    for p, g in zip(params, grads):
        p.grad = None if g is None else g.clone()
    total = clip_grad_norm_(params, max_norm, norm_type)
    return {
        "max_norm": max_norm,
        "norm_type": "inf" if math.isinf(norm_type) else norm_type,
        "grads": [None if g is None else tensor(g) for g in grads],
        "clipped": [None if p.grad is None else tensor(p.grad) for p in params],
        "total_norm": float(total),
    }


def clip_value_case(clip_value):
    grads = [torch.randn(3, 4), torch.randn(5) * 3, None]
    params = [torch.zeros(3, 4, requires_grad=True), torch.zeros(5, requires_grad=True), torch.zeros(2, requires_grad=True)]
    for p, g in zip(params, grads):
        p.grad = None if g is None else g.clone()
    clip_grad_value_(params, clip_value)
    return {
        "clip_value": clip_value,
        "grads": [None if g is None else tensor(g) for g in grads],
        "clipped": [None if p.grad is None else tensor(p.grad) for p in params],
    }


lr_scheduler = torch.optim.lr_scheduler
fixture = {
    "torch_version": torch.__version__,
    "optimizers": [optimizer_case(n, c, k) for n, (c, k) in OPTIMIZERS.items()],
    "schedules": [
        schedule_case("step", lambda o: lr_scheduler.StepLR(o, step_size=3, gamma=0.5), 0.1),
        schedule_case("exponential", lambda o: lr_scheduler.ExponentialLR(o, gamma=0.9), 0.1),
        schedule_case("cosine", lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=5, eta_min=0.001), 0.1),
        schedule_case("cosine_to_zero", lambda o: lr_scheduler.CosineAnnealingLR(o, T_max=10), 0.05),
    ],
    "plateaus": [
        plateau_case("min_rel", dict(mode="min", factor=0.5, patience=2, threshold=0.01, cooldown=1, min_lr=0.02),
                     [1.0, 0.9, 0.895, 0.894, 0.893, 0.8, 0.8, 0.8, 0.8, 0.79, 0.795, 0.8, 0.8, 0.8, 0.8]),
        plateau_case("max_abs", dict(mode="max", factor=0.1, patience=1, threshold=0.05, threshold_mode="abs"),
                     [0.5, 0.6, 0.62, 0.64, 0.70, 0.71, 0.72, 0.80, 0.80, 0.81, 0.90, 0.90]),
    ],
    "clip_norm": [clip_norm_case(1.0, 2.0), clip_norm_case(100.0, 2.0), clip_norm_case(2.0, 1.0),
                  clip_norm_case(0.5, float("inf")), clip_norm_case(1.5, 3.0)],
    "clip_value": [clip_value_case(0.5), clip_value_case(10.0)],
}

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "optim.json")
with open(out, "w") as f:
    json.dump(fixture, f, indent=1)
print("wrote", out, os.path.getsize(out), "bytes")
