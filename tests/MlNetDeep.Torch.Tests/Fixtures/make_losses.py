"""Writes losses.json: PyTorch's value and gradient (w.r.t. the prediction) for every loss and
option that MlNetDeep.Torch.Nn's losses offer. Run with Debian's python3-torch:
    /usr/bin/python3 make_losses.py
Keras-style categorical cross-entropy on probabilities has no PyTorch twin; it is written out
here by Keras' formula (renormalise, clip to [eps, 1 - eps], -sum(t * log p)) and differentiated
by PyTorch's autograd."""
import json
import os

import torch
import torch.nn.functional as F

torch.manual_seed(20240601)


def tj(t):
    t = t.detach()
    data = t.flatten().tolist()
    return {"shape": list(t.shape), "data": data}


cases = []


def case(name, loss, options, pred, target, fn, weight=None, pos_weight=None):
    x = pred.clone().requires_grad_(True)
    out = fn(x)
    if out.dim() == 0:
        upstream = None
        out.backward()
    else:
        upstream = torch.linspace(-1.0, 1.5, out.numel()).reshape(out.shape)
        (out * upstream).sum().backward()
    c = {"name": name, "loss": loss, "options": options, "prediction": tj(pred), "target": tj(target),
         "value": tj(out), "grad": tj(x.grad)}
    if upstream is not None:
        c["upstream"] = tj(upstream)
    if weight is not None:
        c["weight"] = tj(weight)
    if pos_weight is not None:
        c["pos_weight"] = tj(pos_weight)
    cases.append(c)


RED = ["mean", "sum", "none"]

# ---- regression ------------------------------------------------------------------------
x = torch.randn(4, 3) * 2
y = torch.randn(4, 3) * 2
for r in RED:
    case(f"mse_{r}", "mse", {"reduction": r}, x, y, lambda p, r=r: F.mse_loss(p, y, reduction=r))
    case(f"mse_halved_{r}", "mse", {"reduction": r, "halved": True}, x, y,
         lambda p, r=r: 0.5 * F.mse_loss(p, y, reduction=r))
    case(f"l1_{r}", "l1", {"reduction": r}, x, y, lambda p, r=r: F.l1_loss(p, y, reduction=r))
for r, d in [("mean", 1.0), ("sum", 0.5), ("none", 2.0), ("mean", 3.5)]:
    case(f"huber_{r}_{d}", "huber", {"reduction": r, "delta": d}, x, y,
         lambda p, r=r, d=d: F.huber_loss(p, y, reduction=r, delta=d))

# ---- binary ----------------------------------------------------------------------------
logits = torch.randn(5, 3) * 2
probs = torch.sigmoid(logits)
hard = (torch.rand(5, 3) > 0.5).float()
soft = torch.rand(5, 3)
w_elem = torch.rand(5, 3) + 0.5
w_class = torch.tensor([0.5, 2.0, 1.25])
pos_w = torch.tensor([3.0, 0.5, 1.5])
for r in RED:
    case(f"bce_{r}", "bce", {"reduction": r}, probs, hard, lambda p, r=r: F.binary_cross_entropy(p, hard, reduction=r))
    case(f"bce_logits_{r}", "bce_logits", {"reduction": r}, logits, hard,
         lambda p, r=r: F.binary_cross_entropy_with_logits(p, hard, reduction=r))
case("bce_soft_targets", "bce", {"reduction": "mean"}, probs, soft, lambda p: F.binary_cross_entropy(p, soft))
case("bce_weight_elementwise", "bce", {"reduction": "mean"}, probs, hard,
     lambda p: F.binary_cross_entropy(p, hard, weight=w_elem), weight=w_elem)
case("bce_weight_broadcast_sum", "bce", {"reduction": "sum"}, probs, hard,
     lambda p: F.binary_cross_entropy(p, hard, weight=w_class, reduction="sum"), weight=w_class)
case("bce_logits_weight", "bce_logits", {"reduction": "mean"}, logits, hard,
     lambda p: F.binary_cross_entropy_with_logits(p, hard, weight=w_class), weight=w_class)
case("bce_logits_pos_weight", "bce_logits", {"reduction": "mean"}, logits, hard,
     lambda p: F.binary_cross_entropy_with_logits(p, hard, pos_weight=pos_w), pos_weight=pos_w)
case("bce_logits_weight_pos_weight_none", "bce_logits", {"reduction": "none"}, logits, soft,
     lambda p: F.binary_cross_entropy_with_logits(p, soft, weight=w_elem, pos_weight=pos_w, reduction="none"),
     weight=w_elem, pos_weight=pos_w)

# ---- categorical (one-hot / probability targets) ---------------------------------------
N, C = 5, 4
scores = torch.randn(N, C) * 1.5
labels = torch.tensor([0, 3, 1, 1, 2])
onehot = F.one_hot(labels, C).float()
soft_t = torch.softmax(torch.randn(N, C), dim=1)
cw = torch.tensor([1.0, 0.5, 2.0, 1.5])
for r in RED:
    case(f"cce_logits_onehot_{r}", "cce", {"reduction": r, "from_logits": True}, scores, onehot,
         lambda p, r=r: F.cross_entropy(p, onehot, reduction=r))
case("cce_logits_soft", "cce", {"reduction": "mean", "from_logits": True}, scores, soft_t,
     lambda p: F.cross_entropy(p, soft_t))
case("cce_logits_soft_weight_sum", "cce", {"reduction": "sum", "from_logits": True}, scores, soft_t,
     lambda p: F.cross_entropy(p, soft_t, weight=cw, reduction="sum"), weight=cw)
case("cce_logits_onehot_weight", "cce", {"reduction": "mean", "from_logits": True}, scores, onehot,
     lambda p: F.cross_entropy(p, onehot, weight=cw), weight=cw)
# Classes on dimension 1 of [N, C, L] (PyTorch's layout) with axis=1.
seq = torch.randn(2, C, 3)
seq_t = torch.softmax(torch.randn(2, C, 3), dim=1)
case("cce_logits_axis1_weight_none", "cce", {"reduction": "none", "from_logits": True, "axis": 1}, seq, seq_t,
     lambda p: F.cross_entropy(p, seq_t, weight=cw, reduction="none"), weight=cw)


def keras_cce(p, t, eps=1e-7, w=None, axis=-1, reduction="mean"):
    p = p / p.sum(dim=axis, keepdim=True)
    p = torch.clamp(p, eps, 1 - eps)
    terms = t * torch.log(p)
    if w is not None:
        shape = [1] * p.dim()
        shape[axis] = -1
        terms = terms * w.reshape(shape)
    loss = -terms.sum(dim=axis)
    return {"mean": loss.mean(), "sum": loss.sum(), "none": loss}[reduction]


sm = torch.softmax(scores, dim=1)
for r in RED:
    case(f"cce_probs_onehot_{r}", "cce", {"reduction": r, "from_logits": False}, sm, onehot,
         lambda p, r=r: keras_cce(p, onehot, reduction=r))
case("cce_probs_soft_weight", "cce", {"reduction": "mean", "from_logits": False}, sm, soft_t,
     lambda p: keras_cce(p, soft_t, w=cw), weight=cw)
# Not normalised, one exact zero and one exact one: exercises the renormalisation and clipping.
raw = torch.tensor([[0.2, 0.3, 0.1, 0.4], [0.0, 0.5, 0.25, 0.25], [2.0, 1.0, 0.5, 0.5],
                    [0.1, 0.1, 0.1, 0.7], [1.0, 0.0, 0.0, 0.0]])
case("cce_probs_clip_eps_1e-3", "cce", {"reduction": "mean", "from_logits": False, "epsilon": 1e-3}, raw, onehot,
     lambda p: keras_cce(p, onehot, eps=1e-3))
case("cce_probs_clip_default_eps_sum", "cce", {"reduction": "sum", "from_logits": False}, raw, soft_t,
     lambda p: keras_cce(p, soft_t, reduction="sum"))

# ---- sparse categorical (class indices) ------------------------------------------------
tgt = torch.tensor([0, 3, 1, 1, 2])
tgt_ign = torch.tensor([0, -100, 1, 3, -100])
tgt_ign2 = torch.tensor([0, 2, 1, 3, 2])
for r in RED:
    case(f"sparse_logits_{r}", "sparse", {"reduction": r}, scores, tgt,
         lambda p, r=r: F.cross_entropy(p, tgt, reduction=r))
case("sparse_weight_mean", "sparse", {"reduction": "mean"}, scores, tgt,
     lambda p: F.cross_entropy(p, tgt, weight=cw), weight=cw)
case("sparse_weight_none", "sparse", {"reduction": "none"}, scores, tgt,
     lambda p: F.cross_entropy(p, tgt, weight=cw, reduction="none"), weight=cw)
case("sparse_ignore_default", "sparse", {"reduction": "mean"}, scores, tgt_ign,
     lambda p: F.cross_entropy(p, tgt_ign))
case("sparse_ignore_2_weight", "sparse", {"reduction": "mean", "ignore_index": 2}, scores, tgt_ign2,
     lambda p: F.cross_entropy(p, tgt_ign2, weight=cw, ignore_index=2), weight=cw)
seq_tgt = torch.tensor([[0, 3, 2], [1, 1, 0]])
case("sparse_nd_sum", "sparse", {"reduction": "sum"}, seq, seq_tgt,
     lambda p: F.cross_entropy(p, seq_tgt, reduction="sum"))
logp = torch.log_softmax(scores, dim=1)
for r in RED:
    case(f"sparse_logprob_{r}", "sparse", {"reduction": r, "log_probabilities": True}, logp, tgt,
         lambda p, r=r: F.nll_loss(p, tgt, reduction=r))
case("sparse_logprob_weight_ignore", "sparse", {"reduction": "mean", "log_probabilities": True, "ignore_index": 2},
     logp, tgt_ign2, lambda p: F.nll_loss(p, tgt_ign2, weight=cw, ignore_index=2), weight=cw)

out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "losses.json")
with open(out, "w") as f:
    json.dump({"torch": torch.__version__, "cases": cases}, f, separators=(",", ":"))
print(f"{len(cases)} cases -> {out} ({os.path.getsize(out)} bytes)")
