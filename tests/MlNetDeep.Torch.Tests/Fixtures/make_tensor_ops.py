"""Writes tensor_ops.json: inputs, the forward results of the tensor operations and the
gradients of a few composite expressions, computed by PyTorch (float32) as the reference for
TensorOpsTests. Run with the system (Debian) python3 that has python3-torch: python3 make_tensor_ops.py
Each op name here has a twin in TensorOpsTests.Ops (same name, same expression in C#)."""
import json
import os

import torch

torch.manual_seed(20261122)

DTYPES = {torch.float32: "Float32", torch.float64: "Float64", torch.int64: "Int64", torch.bool: "Bool"}


def enc(t):
    t = t.detach()
    data = t.flatten().tolist()
    if t.dtype == torch.bool:
        data = [1 if v else 0 for v in data]
    return {"shape": list(t.shape), "dtype": DTYPES[t.dtype], "data": data}


f32 = torch.float32
inputs = {
    "a": torch.randn(2, 3),
    "b": torch.randn(2, 3),
    "row": torch.randn(3),
    "pos": torch.rand(2, 3) + 0.5,
    "m1": torch.randn(2, 3),
    "m2": torch.randn(3, 4),
    "x": torch.randn(2, 3, 4),
    "p": torch.tensor([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]),
    "q": torch.tensor([[1.0, 0.0, 3.0], [7.0, 5.0, 2.0]]),
    "ints": torch.tensor([[1, 2, 3], [4, 5, 6]], dtype=torch.int64),
    "idx": torch.tensor([2, 0, 2], dtype=torch.int64),
    "gidx": torch.tensor([[0, 0], [2, 1]], dtype=torch.int64),
}
g = dict(inputs)
a, b, row, pos, m1, m2, x, p, q, ints, idx, gidx = (g[k] for k in
    ["a", "b", "row", "pos", "m1", "m2", "x", "p", "q", "ints", "idx", "gidx"])


def inplace(t, fn):
    c = t.clone()
    fn(c)
    return c


ops = {
    # arithmetic
    "op_add": a + b, "add": a.add(b), "add_bcast": a + row, "add_alpha": torch.add(a, b, alpha=2.5),
    "add_scalar": a + 1.5, "scalar_add": 1.5 + a,
    "op_sub": a - b, "sub_alpha": torch.sub(a, row, alpha=0.5), "sub_scalar": a - 1.5, "rsub_scalar": 1.5 - a,
    "op_mul": a * b, "mul_bcast": a * row, "mul_scalar": a * -2.0, "scalar_mul": -2.0 * a,
    "op_div": a / pos, "div_scalar": a / 4.0, "rdiv_scalar": 2.0 / pos,
    "div_int": ints / 4, "rdiv_int": 3.0 / ints, "add_int_scalar": ints + 0.5,
    "op_neg": -a, "neg": a.neg(),
    "pow_scalar": pos ** 2.5, "pow_tensor": pos ** b, "exp": a.exp(), "log": pos.log(), "sqrt": pos.sqrt(),
    "abs": a.abs(), "sign": torch.tensor([[-2.0, 0.0, 3.0]]).sign(),
    "clamp": a.clamp(-0.5, 0.5), "clamp_min": a.clamp(min=0), "clamp_max": a.clamp(max=0.2),
    "matmul": m1 @ m2, "matmul_batched": x @ m2.t(), "matvec": m1 @ row,
    "add_": inplace(a, lambda c: c.add_(b, alpha=-0.5)), "mul_": inplace(a, lambda c: c.mul_(3.0)),
    "zero_": inplace(a, lambda c: c.zero_()),
    # reductions
    "sum": x.sum(), "sum_dims": x.sum(dim=(0, 2)), "sum_keep": x.sum(1, keepdim=True), "sum_int": ints.sum(),
    "mean": x.mean(), "mean_dims": x.mean(dim=(1,)), "mean_keep": x.mean(2, keepdim=True),
    "max": x.max(), "min": x.min(),
    "max_dim_values": x.max(1).values, "max_dim_indices": x.max(1).indices,
    "min_dim_values": x.min(2, keepdim=True).values, "min_dim_indices": x.min(2, keepdim=True).indices,
    "argmax": x.argmax(), "argmax_dim": x.argmax(2), "argmin": x.argmin(), "argmin_keep": x.argmin(1, keepdim=True),
    "var": x.var(), "var_biased": x.var(unbiased=False), "var_dims": x.var(dim=(0, 2), unbiased=True, keepdim=True),
    "std": x.std(), "std_dim_biased": x.std(1, unbiased=False),
    "norm": x.norm(), "norm1": x.norm(p=1), "norm_inf": x.norm(p=float("inf")),
    "norm_dim": torch.norm(x, p=2, dim=2, keepdim=True),
    # comparisons
    "eq": p.eq(q), "ne": p.ne(q), "lt": p.lt(q), "le": p.le(q), "gt": p.gt(q), "ge": p.ge(q),
    "eq_scalar": p.eq(2), "ne_scalar": p.ne(2), "lt_scalar": p.lt(3), "le_scalar": p.le(3),
    "gt_scalar": p.gt(3), "ge_scalar": p.ge(3), "gt_bcast": a.gt(row),
    "where": torch.where(a > 0, a, b), "where_bcast": torch.where(p == q, p, row),
    # shape and views
    "reshape": x.reshape(4, -1), "view": x.view(6, 4), "permute": x.permute(2, 0, 1), "transpose": x.transpose(0, 2),
    "squeeze": x.reshape(2, 1, 3, 1, 4).squeeze(), "squeeze_dim": x.reshape(2, 1, 3, 1, 4).squeeze(1),
    "unsqueeze": a.unsqueeze(1), "flatten": x.flatten(), "flatten_1": x.flatten(1), "flatten_0_1": x.flatten(0, 1),
    "contiguous": x.transpose(0, 1).contiguous(), "expand": row.expand(4, 3),
    "expand_keep": a.unsqueeze(1).expand(-1, 5, -1),
    "narrow": x.narrow(0, 1, 1), "narrow_2": x.narrow(2, 1, 2), "select": x.select(1, 2), "select_neg": x.select(-1, 0),
    "slice_step": x[:, 0:3:2], "slice_open_end": x[:, :, 1:], "slice_neg": x[..., -3:-1], "slice_open_start": x[:, :2],
    "index_select": x.index_select(1, idx), "index_select0": x.index_select(0, torch.tensor([1, 0])),
    "gather": a.gather(1, gidx),
    "cat": torch.cat([a, b], 0), "cat_1": torch.cat([a, m1, b], 1),
    "stack": torch.stack([a, b], 0), "stack_last": torch.stack([a, b], -1),
}

# Gradients of composite scalar expressions (PyTorch's autograd as the oracle).
grads = {}


def grad_case(name, names, fn):
    leaves = [inputs[n].clone().requires_grad_(True) for n in names]
    loss = fn(*leaves)
    loss.backward()
    grads[name] = {"loss": loss.item(), "grads": {n: enc(t.grad) for n, t in zip(names, leaves)}}


grad_case("elementwise", ["a", "b", "pos"],
          lambda a, b, pos: ((a * b).exp() / pos + pos.log() * b - a.pow(2.0) + (2.0 - a) * pos.sqrt()).mean())
grad_case("shapes", ["x"],
          lambda x: (torch.cat([x.narrow(1, 0, 2), x.index_select(1, idx)], 1).permute(2, 0, 1).reshape(4, -1)
                     .sum(1) ** 2).sum())
grad_case("matmul", ["m1", "m2"], lambda m1, m2: ((m1 @ m2).pow(2).sum() + torch.stack([m1, m1 * 2]).sum()))
grad_case("reductions", ["x"],
          lambda x: x.var(1).sum() + x.std() + x.norm() + x.max(1).values.sum() + x.gather(2, x.argmin(2, keepdim=True)).sum())

out = {"inputs": {k: enc(v) for k, v in inputs.items()}, "ops": {k: enc(v) for k, v in ops.items()}, "grads": grads}
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "tensor_ops.json")
with open(path, "w") as f:
    json.dump(out, f, separators=(",", ":"))
print(f"wrote {len(ops)} ops and {len(grads)} gradient cases to tensor_ops.json")
