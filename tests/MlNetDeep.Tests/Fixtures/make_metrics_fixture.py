"""Writes metrics.json: scikit-learn reference values for the evaluation metrics.

Run with Debian's interpreter (python3-sklearn): /usr/bin/python3 make_metrics_fixture.py
Inputs are rounded to float32 before any reference is computed, so the C# side (which reads
them as float) evaluates exactly the same numbers.

Where ML.NET defines a metric differently from scikit-learn's default, the reference is built
from scikit-learn pieces so that it follows ML.NET's definition:
- binary LogLoss and Entropy are in bits (log base 2): sklearn's log_loss / ln 2;
- LogLossReduction = (prior log-loss - log-loss) / prior log-loss, prior = label frequencies;
- binary AUPRC is ML.NET's "lower trapezoid" estimator; on scores without ties it equals the
  trapezoid area under sklearn's precision_recall_curve (checked below against a direct
  implementation of the estimator), not sklearn's average_precision_score (also recorded);
- multiclass MacroAccuracy is the mean recall over classes that occur in the labels
  (sklearn's balanced_accuracy_score); multiclass log-loss is in nats;
- clustering NMI is ML.NET's: mutual information / entropy of the true labels (nats).
"""
import json
import math
import os

import numpy as np
from sklearn import metrics

rng = np.random.default_rng(20240517)


def f32(a):
    return np.asarray(a, dtype=np.float32).astype(np.float64)


def lower_trapezoid_auprc(labels, scores):
    """ML.NET's AUPRC estimator, written out: examples by descending score, one at a time."""
    order = np.argsort(-scores, kind="stable")
    pos = labels.sum()
    tp = fp = 0
    prev_recall, prev_precision_min, area = 0.0, 1.0, 0.0
    for i in order:
        if labels[i]:
            tp += 1
            recall, precision = tp / pos, tp / (tp + fp)
            area += (recall - prev_recall) * (prev_precision_min + precision) / 2
            prev_precision_min, prev_recall = precision, recall
        else:
            fp += 1
            prev_precision_min = tp / (tp + fp)
    return area


def binary_case(n, positive_rate, separation, round_scores_to=None):
    y = rng.random(n) < positive_rate
    score = separation * (2 * y - 1) + rng.normal(0, 1.5, n)
    if round_scores_to is not None:
        score = np.round(score, round_scores_to)
    score = f32(score)
    prob = f32(1 / (1 + np.exp(-score)))
    pred = prob > 0.5
    bits = math.log(2)
    prior = np.full(n, y.mean())
    case = {
        "labels": y.tolist(),
        "scores": score.tolist(),
        "probabilities": prob.tolist(),
        "predicted": pred.tolist(),
        "accuracy": metrics.accuracy_score(y, pred),
        "auc": metrics.roc_auc_score(y, score),
        "f1": metrics.f1_score(y, pred),
        "positive_precision": metrics.precision_score(y, pred),
        "positive_recall": metrics.recall_score(y, pred),
        "negative_precision": metrics.precision_score(~y, ~pred),
        "negative_recall": metrics.recall_score(~y, ~pred),
        "log_loss": metrics.log_loss(y, prob) / bits,
        "entropy": metrics.log_loss(y, prior) / bits,
        "average_precision": metrics.average_precision_score(y, score),
        # rows truth (positive, negative), columns predicted (positive, negative), as ML.NET
        "confusion": metrics.confusion_matrix(y, pred, labels=[True, False]).tolist(),
    }
    case["log_loss_reduction"] = (case["entropy"] - case["log_loss"]) / case["entropy"]
    if round_scores_to is None:
        precision, recall, _ = metrics.precision_recall_curve(y, score)
        auprc = metrics.auc(recall, precision)
        assert abs(auprc - lower_trapezoid_auprc(y, score)) < 1e-12
        case["auprc"] = auprc
    return case


def multiclass_case(n, k, top_k):
    y = rng.integers(0, k, n)
    logits = rng.normal(0, 1, (n, k)) + 1.5 * np.eye(k)[y]
    e = np.exp(logits - logits.max(axis=1, keepdims=True))
    p = f32(e / e.sum(axis=1, keepdims=True))
    pred = p.argmax(axis=1)
    labels = list(range(k))
    p_true = np.clip(p[np.arange(n), y], 1e-15, 1)
    counts = np.bincount(y, minlength=k)
    prior = np.tile(counts / n, (n, 1))
    precision, recall, f1, _ = metrics.precision_recall_fscore_support(
        y, pred, labels=labels, zero_division=0)
    case = {
        "classes": k,
        "labels": y.tolist(),
        "scores": p.reshape(-1).tolist(),
        "predicted": pred.tolist(),
        "top_k": top_k,
        "micro_accuracy": metrics.accuracy_score(y, pred),
        "macro_accuracy": metrics.balanced_accuracy_score(y, pred),
        "log_loss": float(np.mean(-np.log(p_true))),
        "sklearn_log_loss": metrics.log_loss(y, p, labels=labels),
        "prior_log_loss": metrics.log_loss(y, prior, labels=labels),
        "top_k_accuracy": metrics.top_k_accuracy_score(y, p, k=top_k, labels=labels),
        "top_k_accuracy_for_all_k": [
            metrics.top_k_accuracy_score(y, p, k=j, labels=labels) for j in range(1, top_k + 1)],
        "per_class_log_loss": [float(np.mean(-np.log(p_true[y == c]))) for c in labels],
        "per_class_precision": precision.tolist(),
        "per_class_recall": recall.tolist(),
        "per_class_f1": f1.tolist(),
        "confusion": metrics.confusion_matrix(y, pred, labels=labels).tolist(),
    }
    case["log_loss_reduction"] = (case["prior_log_loss"] - case["log_loss"]) / case["prior_log_loss"]
    return case


def regression_case(n):
    y = f32(rng.normal(3, 2, n))
    pred = f32(y + rng.normal(0.2, 0.8, n))
    mse = metrics.mean_squared_error(y, pred)
    return {
        "labels": y.tolist(),
        "scores": pred.tolist(),
        "mae": metrics.mean_absolute_error(y, pred),
        "mse": mse,
        "rmse": math.sqrt(mse),
        "r2": metrics.r2_score(y, pred),
    }


def clustering_case(n, d, k):
    centers = rng.normal(0, 3, (k, d))
    truth = rng.integers(0, k, n)
    x = f32(centers[truth] + rng.normal(0, 1.2, (n, d)))
    # Scores as a k-means model outputs them: squared distances to its (imperfect) centroids.
    model_centroids = centers + rng.normal(0, 0.5, (k, d))
    scores = f32(((x[:, None, :] - model_centroids[None, :, :]) ** 2).sum(axis=2))
    assigned = scores.argmin(axis=1)
    label_counts = np.bincount(truth, minlength=k) / n
    label_entropy = -np.sum(label_counts[label_counts > 0] * np.log(label_counts[label_counts > 0]))
    return {
        "clusters": k,
        "dimensions": d,
        "labels": truth.tolist(),
        "features": x.reshape(-1).tolist(),
        "scores": scores.reshape(-1).tolist(),
        "assigned": assigned.tolist(),
        "average_distance": float(scores.min(axis=1).mean()),
        "davies_bouldin": metrics.davies_bouldin_score(x, assigned),
        "nmi": metrics.mutual_info_score(truth, assigned) / label_entropy,
        "sklearn_nmi_arithmetic": metrics.normalized_mutual_info_score(truth, assigned),
    }


fixture = {
    "binary": binary_case(200, 0.4, 1.2),
    "binary_tied_scores": binary_case(120, 0.5, 0.8, round_scores_to=0),
    "multiclass": multiclass_case(150, 4, 2),
    "regression": regression_case(100),
    "clustering": clustering_case(120, 3, 3),
}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "metrics.json")
with open(path, "w") as f:
    json.dump(fixture, f)
print("wrote", path)
