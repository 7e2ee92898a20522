"""PyTorch twin of MlNetDeep's onnx-latency benchmarks (bench/MlNetDeep.Bench, jobs onnx-latency
and onnx-latency-cnn).

The churn ANN 11-7-6-1 (ReLU, sigmoid) or the Fashion-MNIST CNN, with the weights MlNetDeep wrote
(<model>_weights.json, PyTorch state_dict names), run eagerly: net(x) on a one-row tensor
([1, 11] or [1, 1, 28, 28]) under torch.no_grad, timed per call after warm-up; then throughput of
net(x) on batches of 1024. The one-row tensors are sliced before timing, as MlNetDeep's rows are
objects made before timing.
Prints one JSON line: per-call microseconds, rows/s at the batch size, the first 16 predictions
(to check that both sides compute the same thing) and peak resident memory.
"""
import argparse
import json
import resource
import time

import numpy as np
import torch


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--model", choices=["churn", "cnn"], default="churn")
    p.add_argument("--data", required=True)
    p.add_argument("--rows", type=int, required=True)
    p.add_argument("--calls", type=int, default=20000)
    p.add_argument("--warmup", type=int, default=2000)
    p.add_argument("--batch", type=int, default=1024)
    p.add_argument("--batches", type=int, default=40)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    if a.model == "churn":
        row_shape = (11,)
        net = torch.nn.Sequential(
            torch.nn.Linear(11, 7), torch.nn.ReLU(),
            torch.nn.Linear(7, 6), torch.nn.ReLU(),
            torch.nn.Linear(6, 1), torch.nn.Sigmoid())
    else:
        row_shape = (1, 28, 28)
        net = torch.nn.Sequential(
            torch.nn.Conv2d(1, 32, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Conv2d(32, 64, 3), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
            torch.nn.Flatten(), torch.nn.Linear(64 * 5 * 5, 10), torch.nn.Softmax(dim=1))
    with open(f"{a.data}/{a.model}_weights.json") as f:
        weights = json.load(f)
    net.load_state_dict({k: torch.tensor(v["data"], dtype=torch.float32).reshape(v["shape"]) for k, v in weights.items()})
    net.eval()
    x = torch.from_numpy(np.fromfile(f"{a.data}/{a.model}_x.f32", dtype=np.float32).reshape(a.rows, *row_shape))
    rows = [x[i:i + 1] for i in range(a.rows)]

    latency_us = []
    with torch.no_grad():
        for i in range(a.warmup):
            net(rows[i % a.rows])
        for i in range(a.calls):
            xi = rows[i % a.rows]
            t0 = time.perf_counter_ns()
            net(xi)
            latency_us.append((time.perf_counter_ns() - t0) / 1000.0)
        first = net(x[:16]).reshape(-1)[:16].tolist()

        xb = torch.cat([x] * ((a.batch + a.rows - 1) // a.rows))[:a.batch].contiguous()
        for _ in range(3):
            net(xb)
        t0 = time.perf_counter()
        for _ in range(a.batches):
            net(xb)
        rows_per_s = a.batch * a.batches / (time.perf_counter() - t0)

    print(json.dumps({
        "torch": torch.__version__,
        "latency_us": latency_us,
        "batch_rows_per_s": rows_per_s,
        "first": first,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
    }))


if __name__ == "__main__":
    main()
