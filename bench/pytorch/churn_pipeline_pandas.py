"""pandas + scikit-learn twin of MlNetDeep's churn feature pipeline (job churn-pipeline).

Each repetition: read the CSV, drop RowNumber/CustomerId/Surname and the label Exited, one-hot
Geography and Gender with pd.get_dummies(drop_first=True), then StandardScaler fit and
transform on all rows (float64), as the course's recipe. The timed work ends with the scaled
matrix in memory; its checksum is printed so both sides can be compared.
Prints one JSON line: per-repetition seconds, rows, checksum and peak resident memory.
"""
import argparse
import json
import resource
import time

import numpy as np
import pandas as pd
import sklearn
from sklearn.preprocessing import StandardScaler


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--csv", required=True)
    p.add_argument("--repeats", type=int, default=3)
    a = p.parse_args()

    seconds = []
    rows, checksum = 0, float("nan")
    for _ in range(a.repeats):
        start = time.perf_counter()
        df = pd.read_csv(a.csv)
        x = df.drop(columns=["RowNumber", "CustomerId", "Surname", "Exited"])
        x = pd.get_dummies(x, columns=["Geography", "Gender"], drop_first=True).astype("float64")
        z = StandardScaler().fit_transform(x.values)
        seconds.append(time.perf_counter() - start)
        rows, checksum = z.shape[0], float(np.abs(z).sum())
        del df, x, z

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"seconds": seconds, "rows": rows, "checksum": checksum, "peak_rss_mb": peak_mb,
                      "pandas": pd.__version__, "sklearn": sklearn.__version__}))


if __name__ == "__main__":
    main()
