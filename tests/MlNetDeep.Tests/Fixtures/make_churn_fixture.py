"""Writes churn_fixture.json: the course's churn feature recipe done with pandas + scikit-learn.

Run with Debian's interpreter (python3-pandas, python3-sklearn) from this folder:
    /usr/bin/python3 make_churn_fixture.py
Recipe: drop RowNumber/CustomerId/Surname and the label Exited, one-hot Geography and Gender
with pd.get_dummies(drop_first=True), StandardScaler fitted on the training rows only. The
training rows are the first 8000 (an 80/20 split that both sides can reproduce exactly).
"""
import json
import os

import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

HERE = os.path.dirname(os.path.abspath(__file__))
df = pd.read_csv(os.path.join(HERE, "..", "Data", "Churn_Modelling.csv"))
X = df.drop(columns=["RowNumber", "CustomerId", "Surname", "Exited"])
X = pd.get_dummies(X, columns=["Geography", "Gender"], drop_first=True).astype("float64")
train, test = X.iloc[:8000], X.iloc[8000:]
scaler = StandardScaler().fit(train.values)
Z = scaler.transform(X.values)


def rows(a):
    return {"shape": list(a.shape), "data": [float(v) for v in a.reshape(-1)]}


out = {
    "columns": list(X.columns),
    "train_rows": 8000,
    "mean": [float(v) for v in scaler.mean_],
    "scale": [float(v) for v in scaler.scale_],
    "first_train_rows": rows(Z[:50]),
    "first_test_rows": rows(Z[8000:8050]),
    "column_sums_all_rows": [float(v) for v in Z.sum(axis=0)],
}
with open(os.path.join(HERE, "churn_fixture.json"), "w") as f:
    json.dump(out, f)
