"""Writes scalers.json: scikit-learn StandardScaler, MinMaxScaler, RobustScaler and OneHotEncoder(drop='first')
goldens on small data, fitted on a training part and applied to a test part.

Run with Debian's interpreter (python3-sklearn) from this folder: /usr/bin/python3 make_scalers.py
"""
import json
import os

import numpy as np
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, RobustScaler, StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))

# Column 2 is constant in the training part: both scalers map it to 0.
train = np.array([[1.0, -2.0, 5.0], [3.0, 0.5, 5.0], [-4.0, 7.0, 5.0], [10.0, 1.5, 5.0], [2.5, -3.0, 5.0], [0.0, 2.0, 5.0]])
test = np.array([[12.0, -5.0, 5.0], [-1.0, 0.0, 6.0], [3.0, 3.0, 4.0]])
std = StandardScaler().fit(train)
mm = MinMaxScaler().fit(train)
# Columns 0-1 only: sklearn keeps a unit scale for the constant column where MlNetDeep maps it to 0.
robust = RobustScaler().fit(train[:, :2])
robust_q = RobustScaler(with_centering=False, quantile_range=(10.0, 90.0)).fit(train[:, :2])

cats_train = np.array([["b", 10], ["a", 2], ["c", 33], ["a", 2], ["b", 10]], dtype=object)
cats_test = np.array([["c", 2], ["a", 33], ["d", 10]], dtype=object)
text_enc = OneHotEncoder(drop="first", handle_unknown="ignore", sparse_output=False).fit(cats_train[:, :1].astype(str))
num_enc = OneHotEncoder(drop="first", handle_unknown="ignore", sparse_output=False).fit(cats_train[:, 1:].astype(np.int64))


def t(a):
    a = np.asarray(a, dtype=np.float64)
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


out = {
    "train": t(train),
    "test": t(test),
    "standard": {"mean": t(std.mean_), "scale": t(std.scale_), "train": t(std.transform(train)), "test": t(std.transform(test))},
    "minmax": {"min": t(mm.data_min_), "max": t(mm.data_max_), "train": t(mm.transform(train)), "test": t(mm.transform(test))},
    "robust": {"center": t(robust.center_), "scale": t(robust.scale_), "test": t(robust.transform(test[:, :2])),
               "test_q10_90_uncentered": t(robust_q.transform(test[:, :2]))},
    "onehot": {
        "train_text": [str(v) for v in cats_train[:, 0]],
        "train_num": [int(v) for v in cats_train[:, 1]],
        "test_text": [str(v) for v in cats_test[:, 0]],
        "test_num": [int(v) for v in cats_test[:, 1]],
        "text_categories": [str(v) for v in text_enc.categories_[0]],
        "num_categories": [int(v) for v in num_enc.categories_[0]],
        "text_train": t(text_enc.transform(cats_train[:, :1].astype(str))),
        "text_test": t(text_enc.transform(cats_test[:, :1].astype(str))),
        "num_train": t(num_enc.transform(cats_train[:, 1:].astype(np.int64))),
        "num_test": t(num_enc.transform(cats_test[:, 1:].astype(np.int64))),
    },
}
with open(os.path.join(HERE, "scalers.json"), "w") as f:
    json.dump(out, f)
