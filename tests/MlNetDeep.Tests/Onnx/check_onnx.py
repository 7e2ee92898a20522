#!/usr/bin/python3
"""Checks the ONNX files MlNetDeep exported into a folder (run with Debian's /usr/bin/python3,
which has python3-onnx; scripts/setup.sh installs it).

For every NAME.onnx in the folder:
  1. onnx.checker.check_model(full_check=True) and strict shape inference pass;
  2. the file imports the default domain at opset 13 and names MlNetDeep as producer, and its
     first input and output dimensions are the symbolic "batch";
  3. when NAME.json exists ({"input": {"shape", "data"}, "output": {...}}: an input and the output
     MlNetDeep's libtorch forward gave for it), the graph is evaluated by the small NumPy
     interpreter below, written from the ONNX operator specifications (not from PyTorch's
     definitions), and must match the output to 1e-5 (absolute and relative).
Prints one line per file and a summary "checked N files, M numerically, F failed"; exits 1 on any failure.
"""
import glob
import json
import math
import os
import sys

import numpy as np
import onnx
from onnx import numpy_helper

OPSET = 13
TOLERANCE = 1e-5


def attrs_of(node):
    return {a.name: onnx.helper.get_attribute_value(a) for a in node.attribute}


def sigmoid(x):
    return 1.0 / (1.0 + np.exp(-x))


def pad_spatial(x, pads, value):
    nd = x.ndim - 2
    widths = [(0, 0), (0, 0)] + [(pads[i], pads[i + nd]) for i in range(nd)]
    return np.pad(x, widths, constant_values=value)


def windows(x, kernel, strides, dilations):
    """Yields (kernel index, strided view of the input at that kernel offset) and the output size."""
    nd = x.ndim - 2
    out = [(x.shape[2 + i] - dilations[i] * (kernel[i] - 1) - 1) // strides[i] + 1 for i in range(nd)]
    views = []
    for k in np.ndindex(*kernel):
        sl = tuple(slice(k[i] * dilations[i], k[i] * dilations[i] + strides[i] * (out[i] - 1) + 1, strides[i]) for i in range(nd))
        views.append((k, x[(slice(None), slice(None)) + sl]))
    return views, out


def conv(x, w, b, a):
    nd = x.ndim - 2
    kernel = list(w.shape[2:])
    strides = a.get("strides", [1] * nd)
    dilations = a.get("dilations", [1] * nd)
    group = a.get("group", 1)
    x = pad_spatial(x, a.get("pads", [0] * 2 * nd), 0.0)
    views, out = windows(x, kernel, strides, dilations)
    n, c = x.shape[:2]
    m = w.shape[0]
    cg, mg = c // group, m // group
    y = np.zeros((n, m, *out))
    for k, v in views:
        for g in range(group):
            wk = w[(slice(g * mg, (g + 1) * mg), slice(None)) + k]
            y[:, g * mg:(g + 1) * mg] += np.einsum("nc...,mc->nm...", v[:, g * cg:(g + 1) * cg], wk)
    if b is not None:
        y += b.reshape(1, m, *([1] * nd))
    return y


def pool(x, a, kind):
    nd = x.ndim - 2
    kernel = a["kernel_shape"]
    strides = a.get("strides", [1] * nd)
    if kind == "avg" and a.get("count_include_pad", 0) != 1:
        raise ValueError("only count_include_pad=1 is implemented")
    x = pad_spatial(x, a.get("pads", [0] * 2 * nd), -np.inf if kind == "max" else 0.0)
    views, _ = windows(x, kernel, strides, [1] * nd)
    stack = np.stack([v for _, v in views])
    return stack.max(axis=0) if kind == "max" else stack.mean(axis=0)


def recurrent(op, inputs, a):
    """ONNX LSTM / GRU / RNN (layout 0, no sequence_lens, zero initial states); returns Y (T, D, N, H)."""
    x, w, r = inputs[0], inputs[1], inputs[2]
    b = inputs[3] if len(inputs) > 3 and inputs[3] is not None else None
    for extra in inputs[4:]:
        if extra is not None:
            raise ValueError("sequence_lens and initial states are not implemented")
    h_size = a["hidden_size"]
    dirs = w.shape[0]
    gates = w.shape[1] // h_size
    t_len, n = x.shape[0], x.shape[1]
    y = np.zeros((t_len, dirs, n, h_size))
    acts = [s.decode() if isinstance(s, bytes) else s for s in a.get("activations", [])]
    for d in range(dirs):
        wb = b[d, :gates * h_size] if b is not None else np.zeros(gates * h_size)
        rb = b[d, gates * h_size:] if b is not None else np.zeros(gates * h_size)
        split = lambda m: [m[i * h_size:(i + 1) * h_size] for i in range(gates)]
        W, R, Wb, Rb = split(w[d]), split(r[d]), split(wb), split(rb)
        h = np.zeros((n, h_size))
        c = np.zeros((n, h_size))
        steps = range(t_len) if d == 0 else range(t_len - 1, -1, -1)
        for t in steps:
            xt = x[t]
            lin = lambda i: xt @ W[i].T + Wb[i]
            rec = lambda i: h @ R[i].T + Rb[i]
            if op == "LSTM":  # gates i, o, f, c
                i_g = sigmoid(lin(0) + rec(0))
                o_g = sigmoid(lin(1) + rec(1))
                f_g = sigmoid(lin(2) + rec(2))
                c_g = np.tanh(lin(3) + rec(3))
                c = f_g * c + i_g * c_g
                h = o_g * np.tanh(c)
            elif op == "GRU":  # gates z, r, h
                z_g = sigmoid(lin(0) + rec(0))
                r_g = sigmoid(lin(1) + rec(1))
                if a.get("linear_before_reset", 0):
                    h_g = np.tanh(lin(2) + r_g * rec(2))
                else:
                    h_g = np.tanh(lin(2) + (r_g * h) @ R[2].T + Rb[2])
                h = (1 - z_g) * h_g + z_g * h
            else:
                act = acts[d] if acts else "Tanh"
                pre = lin(0) + rec(0)
                h = np.tanh(pre) if act == "Tanh" else np.maximum(pre, 0)
            y[t, d] = h
    return y


def reshape(x, shape):
    shape = [x.shape[i] if s == 0 else s for i, s in enumerate(shape)]
    return x.reshape(shape)


def slice_op(x, starts, ends, axes=None, steps=None):
    axes = list(range(len(starts))) if axes is None else axes
    steps = [1] * len(starts) if steps is None else steps
    sl = [slice(None)] * x.ndim
    for s, e, ax, st in zip(starts, ends, axes, steps):
        sl[ax] = slice(int(s), int(min(e, 2**62)), int(st))
    return x[tuple(sl)]


def run_node(node, ins):
    a = attrs_of(node)
    op = node.op_type
    x = ins[0] if ins else None
    if op == "Identity": return x
    if op == "Neg": return -x
    if op == "Add": return ins[0] + ins[1]
    if op == "Mul": return ins[0] * ins[1]
    if op == "Div": return ins[0] / ins[1]
    if op == "MatMul": return ins[0] @ ins[1]
    if op == "Gemm":
        A = x.T if a.get("transA", 0) else x
        B = ins[1].T if a.get("transB", 0) else ins[1]
        y = a.get("alpha", 1.0) * (A @ B)
        if len(ins) > 2 and ins[2] is not None: y = y + a.get("beta", 1.0) * ins[2]
        return y
    if op == "Conv": return conv(x, ins[1], ins[2] if len(ins) > 2 else None, a)
    if op == "MaxPool": return pool(x, a, "max")
    if op == "AveragePool": return pool(x, a, "avg")
    if op == "GlobalAveragePool": return x.mean(axis=tuple(range(2, x.ndim)), keepdims=True)
    if op == "GlobalMaxPool": return x.max(axis=tuple(range(2, x.ndim)), keepdims=True)
    if op == "Flatten":
        ax = a.get("axis", 1)
        return x.reshape(int(np.prod(x.shape[:ax])), -1)
    if op == "Reshape": return reshape(x, [int(v) for v in ins[1]])
    if op == "Transpose": return np.transpose(x, a["perm"])
    if op == "Unsqueeze": return np.expand_dims(x, tuple(int(v) for v in ins[1]))
    if op == "Squeeze": return np.squeeze(x, tuple(int(v) for v in ins[1]))
    if op == "Shape": return np.array(x.shape, dtype=np.int64)
    if op == "Slice": return slice_op(x, *[v for v in ins[1:]])
    if op == "Concat": return np.concatenate(ins, axis=a["axis"])
    if op == "Gather": return np.take(x, ins[1], axis=a.get("axis", 0))
    if op == "Cast":
        return x.astype({1: np.float64, 7: np.int64, 9: np.bool_, 11: np.float64}[a["to"]])
    if op == "Greater": return ins[0] > ins[1]
    if op == "Where": return np.where(ins[0], ins[1], ins[2])
    if op == "BatchNormalization":
        scale, bias, mean, var = ins[1:5]
        shp = (1, -1) + (1,) * (x.ndim - 2)
        return (x - mean.reshape(shp)) / np.sqrt(var.reshape(shp) + a.get("epsilon", 1e-5)) * scale.reshape(shp) + bias.reshape(shp)
    if op == "Relu": return np.maximum(x, 0)
    if op == "Sigmoid": return sigmoid(x)
    if op == "Tanh": return np.tanh(x)
    if op == "LeakyRelu": return np.where(x < 0, a.get("alpha", 0.01) * x, x)
    if op == "PRelu": return np.where(x < 0, ins[1] * x, x)
    if op == "Elu": return np.where(x > 0, x, a.get("alpha", 1.0) * (np.exp(np.minimum(x, 0)) - 1))
    if op == "Selu":
        return a.get("gamma", 1.0507) * np.where(x > 0, x, a.get("alpha", 1.6733) * (np.exp(np.minimum(x, 0)) - 1))
    if op == "Softplus": return np.logaddexp(0, x)
    if op == "Erf": return np.vectorize(math.erf)(x)
    if op in ("Softmax", "LogSoftmax"):
        ax = a.get("axis", -1)
        s = x - x.max(axis=ax, keepdims=True)
        lse = np.log(np.exp(s).sum(axis=ax, keepdims=True))
        return np.exp(s - lse) if op == "Softmax" else s - lse
    if op == "ReduceMax": return x.max(axis=tuple(a["axes"]), keepdims=bool(a.get("keepdims", 1)))
    if op in ("LSTM", "GRU", "RNN"): return recurrent(op, ins, a)
    raise ValueError(f"operator {op} is not implemented by the checker's interpreter")


def evaluate(model, feed):
    values = {}
    for t in model.graph.initializer:
        arr = numpy_helper.to_array(t)
        values[t.name] = arr.astype(np.float64) if arr.dtype == np.float32 else arr
    values.update(feed)
    for node in model.graph.node:
        ins = [values[n] if n else None for n in node.input]
        values[node.output[0]] = run_node(node, ins)
    return [values[o.name] for o in model.graph.output]


def check_structure(model):
    opsets = {o.domain: o.version for o in model.opset_import}
    if opsets.get("", None) != OPSET:
        raise ValueError(f"expected opset {OPSET} for the default domain, found {opsets}")
    if model.producer_name != "MlNetDeep":
        raise ValueError(f"expected producer MlNetDeep, found {model.producer_name!r}")
    for v in list(model.graph.input) + list(model.graph.output):
        dims = v.type.tensor_type.shape.dim
        if not dims or dims[0].dim_param != "batch":
            raise ValueError(f"{v.name}: expected a first dimension named 'batch'")


def check_numerics(model, path):
    with open(path) as f:
        io = json.load(f)
    inp = model.graph.input[0]
    is_int = inp.type.tensor_type.elem_type == onnx.TensorProto.INT64
    x = np.array(io["input"]["data"], dtype=np.int64 if is_int else np.float64).reshape(io["input"]["shape"])
    expected = np.array(io["output"]["data"], dtype=np.float64).reshape(io["output"]["shape"])
    (y,) = evaluate(model, {inp.name: x})
    if y.shape != expected.shape:
        raise ValueError(f"output shape {y.shape}, MlNetDeep gave {expected.shape}")
    err = np.abs(y - expected)
    bound = TOLERANCE + TOLERANCE * np.abs(expected)
    if not np.all(err <= bound):
        raise ValueError(f"max |difference| {err.max():.3g} exceeds 1e-5 (at {np.unravel_index(np.argmax(err - bound), err.shape)})")
    return float(err.max())


def main(folder):
    files = sorted(glob.glob(os.path.join(folder, "*.onnx")))
    if not files:
        print(f"no .onnx files in {folder}")
        return 1
    failed = numeric = 0
    for path in files:
        name = os.path.basename(path)
        try:
            model = onnx.load(path)
            onnx.checker.check_model(model, full_check=True)
            onnx.shape_inference.infer_shapes(model, check_type=True, strict_mode=True)
            check_structure(model)
            note = ""
            io_path = path[:-len(".onnx")] + ".json"
            if os.path.exists(io_path):
                note = f" numerics ok (max diff {check_numerics(model, io_path):.2g})"
                numeric += 1
            print(f"OK   {name}{note}")
        except Exception as e:  # report every file, then fail
            failed += 1
            print(f"FAIL {name}: {type(e).__name__}: {e}")
    print(f"checked {len(files)} files, {numeric} numerically, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    if len(sys.argv) != 2:
        print("usage: /usr/bin/python3 check_onnx.py FOLDER")
        sys.exit(2)
    sys.exit(main(sys.argv[1]))
