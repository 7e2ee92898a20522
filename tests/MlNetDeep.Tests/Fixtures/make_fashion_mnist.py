"""Writes fashion_mnist.json: facts about Debian's dataset-fashion-mnist IDX files, read here
with numpy (independently of MlNetDeep's reader) for IdxFileTests. Run with Debian's python3:
    /usr/bin/python3 make_fashion_mnist.py"""
import gzip
import json
import os

import numpy as np

DATA = "/usr/share/datasets/fashion-mnist"
here = os.path.dirname(os.path.abspath(__file__))


def read(name):
    with gzip.open(os.path.join(DATA, name), "rb") as f:
        raw = f.read()
    assert raw[0] == 0 and raw[1] == 0 and raw[2] == 0x08, "expected unsigned-byte IDX data"
    ndim = raw[3]
    dims = [int(v) for v in np.frombuffer(raw, dtype=">i4", count=ndim, offset=4)]
    data = np.frombuffer(raw, dtype=np.uint8, offset=4 + 4 * ndim)
    assert data.size == int(np.prod(dims))
    return dims, data.reshape(dims)


out = {}
for split in ["train", "t10k"]:
    dims, images = read(f"{split}-images-idx3-ubyte.gz")
    ldims, labels = read(f"{split}-labels-idx1-ubyte.gz")
    out[split] = {
        "image_dims": dims,
        "label_dims": ldims,
        "first_labels": labels[:20].tolist(),
        "label_counts": np.bincount(labels, minlength=10).tolist(),
        "first_image": images[0].flatten().tolist(),
        "last_image_sum": int(images[-1].sum(dtype=np.int64)),
        "pixel_sum": int(images.sum(dtype=np.int64)),
        "per_image_sum_checksum": int((images.reshape(len(images), -1).sum(axis=1, dtype=np.int64)
                                       * np.arange(1, len(images) + 1, dtype=np.int64)).sum()),
    }

with open(os.path.join(here, "fashion_mnist.json"), "w") as f:
    json.dump(out, f)
