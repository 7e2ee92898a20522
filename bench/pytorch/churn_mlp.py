"""PyTorch twin of MlNetDeep's churn-MLP benchmark (bench/MlNetDeep.Bench, job churn-mlp).

Same data (read from the raw float32 files the C# side writes), same network
11-11-7-6-1 (ReLU, sigmoid output), BCE loss, Adam(lr=0.01), batch 10, shuffled each epoch,
batches sliced from one tensor: the fastest plain PyTorch loop, no DataLoader.
Prints one JSON line: per-epoch seconds, final loss and peak resident memory.
"""
import argparse
import json
import resource
import time

import numpy as np
import torch


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--data", required=True)
    p.add_argument("--rows", type=int, required=True)
    p.add_argument("--features", type=int, default=11)
    p.add_argument("--epochs", type=int, default=5)
    p.add_argument("--batch", type=int, default=10)
    p.add_argument("--threads", type=int, default=1)
    a = p.parse_args()

    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    x = torch.from_numpy(np.fromfile(f"{a.data}/x.f32", dtype=np.float32).reshape(a.rows, a.features))
    y = torch.from_numpy(np.fromfile(f"{a.data}/y.f32", dtype=np.float32).reshape(a.rows, 1))

    net = torch.nn.Sequential(
        torch.nn.Linear(a.features, 11), torch.nn.ReLU(),
        torch.nn.Linear(11, 7), torch.nn.ReLU(),
        torch.nn.Linear(7, 6), torch.nn.ReLU(),
        torch.nn.Linear(6, 1), torch.nn.Sigmoid())
    loss_fn = torch.nn.BCELoss()
    opt = torch.optim.Adam(net.parameters(), lr=0.01)

    epoch_seconds = []
    last_loss = float("nan")
    for _ in range(a.epochs):
        start = time.perf_counter()
        perm = torch.randperm(a.rows)
        xs, ys = x[perm], y[perm]
        total = 0.0
        for i in range(0, a.rows, a.batch):
            xb, yb = xs[i:i + a.batch], ys[i:i + a.batch]
            loss = loss_fn(net(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
            total += loss.item()
        epoch_seconds.append(time.perf_counter() - start)
        last_loss = total / ((a.rows + a.batch - 1) // a.batch)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"epoch_seconds": epoch_seconds, "loss": last_loss, "peak_rss_mb": peak_mb,
                      "torch": torch.__version__, "threads": torch.get_num_threads()}))


if __name__ == "__main__":
    main()
