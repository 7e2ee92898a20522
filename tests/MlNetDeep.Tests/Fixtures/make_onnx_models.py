"""Writes the ONNX models the ONNX Runtime binding tests run, and PyTorch's outputs for them.

Run with Debian's interpreter (python3-torch): /usr/bin/python3 make_onnx_models.py
Every model is exported with torch.onnx.export at opset 13 with a dynamic batch axis named
"batch". onnx_models.json holds, per model, input cases and the outputs PyTorch computed on
exactly those inputs (tensors as {"shape": [...], "data": [...flattened...]}).
"""
import json
import os

import onnx
import torch
from onnx import TensorProto, helper
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "onnx")
OPSET = 13
torch.manual_seed(20241122)


class Mlp(nn.Module):
    """The churn-sized network: 11 -> 7 -> 6 -> 1 with a sigmoid head."""

    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(11, 7), nn.ReLU(), nn.Linear(7, 6), nn.ReLU(), nn.Linear(6, 1), nn.Sigmoid())

    def forward(self, features):
        return self.net(features)


class ConvNet(nn.Module):
    """1x8x8 images -> 3 class probabilities."""

    def __init__(self):
        super().__init__()
        self.c1 = nn.Conv2d(1, 4, 3, padding=1)
        self.c2 = nn.Conv2d(4, 8, 3)
        self.fc = nn.Linear(8 * 2 * 2, 3)

    def forward(self, image):
        x = torch.max_pool2d(torch.relu(self.c1(image)), 2)
        x = torch.relu(self.c2(x))
        return torch.softmax(self.fc(torch.flatten(x, 1)), dim=1)


class LstmNet(nn.Module):
    """Sequences [batch, steps, 3] -> LSTM(6) -> last step -> Linear(2); steps is dynamic too."""

    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(3, 6, batch_first=True)
        self.fc = nn.Linear(6, 2)

    def forward(self, sequence):
        out, _ = self.lstm(sequence)
        return self.fc(out[:, -1, :])


class TwoInOut(nn.Module):
    """Two inputs of different element types, two outputs of different element types."""

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)
        self.emb = nn.Embedding(5, 3)

    def forward(self, x, ids):
        return self.fc(x) + self.emb(ids), ids * 2 + 1


class ElementTypes(nn.Module):
    """double, int32 and bool tensors in and out (exact results)."""

    def forward(self, d, i, m):
        return d * 2.5 - 1.0, i * 3 + 1, ~m


def tensor(t):
    t = t.detach()
    data = t.reshape(-1).tolist()
    return {"shape": list(t.shape), "data": data}


def export(name, model, args, input_names, output_names, dynamic):
    model.eval()
    path = os.path.join(OUT, name + ".onnx")
    torch.onnx.export(model, args, path, input_names=input_names, output_names=output_names,
                      dynamic_axes=dynamic, opset_version=OPSET, do_constant_folding=True)
    return name + ".onnx"


def cases(model, input_names, output_names, batches):
    result = []
    with torch.no_grad():
        for inputs in batches:
            outputs = model(*inputs)
            if not isinstance(outputs, tuple):
                outputs = (outputs,)
            result.append({"inputs": {n: tensor(t) for n, t in zip(input_names, inputs)},
                           "outputs": {n: tensor(t) for n, t in zip(output_names, outputs)}})
    return result


def main():
    os.makedirs(OUT, exist_ok=True)
    fixture = {}
    batch = {0: "batch"}

    mlp = Mlp()
    fixture["mlp"] = {
        "file": export("mlp", mlp, (torch.randn(2, 11),), ["features"], ["probability"],
                       {"features": batch, "probability": batch}),
        "cases": cases(mlp, ["features"], ["probability"], [(torch.randn(n, 11),) for n in (1, 7, 64)]),
    }

    conv = ConvNet()
    fixture["conv"] = {
        "file": export("conv", conv, (torch.randn(2, 1, 8, 8),), ["image"], ["probabilities"],
                       {"image": batch, "probabilities": batch}),
        "cases": cases(conv, ["image"], ["probabilities"], [(torch.randn(n, 1, 8, 8),) for n in (1, 5)]),
    }

    lstm = LstmNet()
    fixture["lstm"] = {
        "file": export("lstm", lstm, (torch.randn(2, 4, 3),), ["sequence"], ["output"],
                       {"sequence": {0: "batch", 1: "steps"}, "output": batch}),
        "cases": cases(lstm, ["sequence"], ["output"], [(torch.randn(3, 4, 3),), (torch.randn(2, 9, 3),)]),
    }

    two = TwoInOut()
    fixture["two_io"] = {
        "file": export("two_io", two, (torch.randn(2, 4), torch.tensor([0, 4])), ["x", "ids"], ["y", "next_ids"],
                       {"x": batch, "ids": batch, "y": batch, "next_ids": batch}),
        "cases": cases(two, ["x", "ids"], ["y", "next_ids"],
                       [(torch.randn(6, 4), torch.tensor([0, 1, 2, 3, 4, 2]))]),
    }

    types = ElementTypes()
    sample = (torch.randn(2, 2, dtype=torch.float64), torch.tensor([[1, -2], [3, 4]], dtype=torch.int32),
              torch.tensor([[True, False], [False, True]]))
    fixture["element_types"] = {
        "file": export("element_types", types, sample, ["d", "i", "m"], ["d_out", "i_out", "m_out"],
                       {n: batch for n in ("d", "i", "m", "d_out", "i_out", "m_out")}),
        "cases": cases(types, ["d", "i", "m"], ["d_out", "i_out", "m_out"],
                       [(torch.randn(3, 2, dtype=torch.float64),
                         torch.tensor([[7, -8], [0, 2147483], [-5, 11]], dtype=torch.int32),
                         torch.tensor([[True, True], [False, True], [False, False]]))]),
    }

    # PyTorch cannot export strings: this one is built with python3-onnx. Gather picks words by
    # index (string ops that need no locale); the expected output is computed here by hand.
    text = helper.make_graph(
        [helper.make_node("Gather", ["words", "order"], ["picked"], axis=0)],
        "strings",
        [helper.make_tensor_value_info("words", TensorProto.STRING, ["count"]),
         helper.make_tensor_value_info("order", TensorProto.INT64, ["picks"])],
        [helper.make_tensor_value_info("picked", TensorProto.STRING, ["picks"])])
    onnx.save(helper.make_model(text, opset_imports=[helper.make_opsetid("", OPSET)]), os.path.join(OUT, "strings.onnx"))
    words = ["The", "quick", "", "brown fox", "Über", "naïve café"]
    order = [5, 0, 4, 2, 3, 3, 1]
    fixture["strings"] = {"file": "strings.onnx", "cases": [{
        "inputs": {"words": {"shape": [len(words)], "data": words}, "order": {"shape": [len(order)], "data": order}},
        "outputs": {"picked": {"shape": [len(order)], "data": [words[i] for i in order]}}}]}

    with open(os.path.join(HERE, "onnx_models.json"), "w") as f:
        json.dump(fixture, f, ensure_ascii=False)
        f.write("\n")


if __name__ == "__main__":
    main()
