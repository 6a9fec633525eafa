"""An L2-regularised logistic regression over dense columns and hashed sparse columns, by L-BFGS.

numpy only (the project does not depend on scipy or scikit-learn). The sparse part is kept as
(row, column, value) triples and multiplied with ``np.bincount``; the dense and the sparse
parts have penalties of their own, and the bias none.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

HISTORY = 10
MAX_STEPS = 300
TOLERANCE = 1e-7


@dataclass
class Design:
    """Rows of dense columns followed by ``width`` hashed columns; the bias is the last weight."""

    dense: np.ndarray
    rows: np.ndarray
    cols: np.ndarray
    values: np.ndarray
    width: int

    @property
    def size(self) -> int:
        return self.dense.shape[1] + self.width + 1

    def dot(self, w: np.ndarray) -> np.ndarray:
        k, n = self.dense.shape[1], len(self.dense)
        z = self.dense @ w[:k] + w[-1]
        if self.width:
            z += np.bincount(self.rows, weights=self.values * w[k:-1][self.cols], minlength=n)
        return z

    def transposed_dot(self, r: np.ndarray) -> np.ndarray:
        k = self.dense.shape[1]
        g = np.empty(self.size)
        g[:k] = self.dense.T @ r
        if self.width:
            g[k:-1] = np.bincount(self.cols, weights=self.values * r[self.rows], minlength=self.width)
        g[-1] = r.sum()
        return g

    def take(self, mask: np.ndarray) -> Design:
        """The rows where ``mask`` is true."""
        renumber = np.cumsum(mask) - 1
        keep = mask[self.rows]
        return Design(self.dense[mask], renumber[self.rows[keep]], self.cols[keep], self.values[keep], self.width)


def sparse_triples(buckets: list[set[int]]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Each row's distinct buckets, valued 1 / sqrt(how many) (``claim_lexical.lexical_term``)."""
    rows = np.repeat(np.arange(len(buckets)), [len(b) for b in buckets])
    cols = np.fromiter((c for b in buckets for c in sorted(b)), dtype=np.int64, count=len(rows))
    values = np.repeat([1 / np.sqrt(max(len(b), 1)) for b in buckets], [len(b) for b in buckets])
    return rows, cols, values


def fit(design: Design, y: np.ndarray, l2_dense: float, l2_sparse: float) -> np.ndarray:
    """The weights (dense, then sparse, then the bias) minimising log loss + L2 / 2 * |w|^2."""
    k = design.dense.shape[1]
    penalty = np.concatenate([np.full(k, l2_dense), np.full(design.width, l2_sparse), [0.0]])

    def loss_and_gradient(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = design.dot(w)
        loss = float(np.sum(np.logaddexp(0, z) - y * z) + 0.5 * np.sum(penalty * w * w))
        return loss, design.transposed_dot(1 / (1 + np.exp(-z)) - y) + penalty * w

    return _lbfgs(loss_and_gradient, np.zeros(design.size))


def _lbfgs(loss_and_gradient, w: np.ndarray) -> np.ndarray:
    loss, gradient = loss_and_gradient(w)
    steps: list[tuple[np.ndarray, np.ndarray]] = []
    for _ in range(MAX_STEPS):
        direction = -_two_loop(gradient, steps)
        size = 1.0 if steps else 1.0 / max(float(np.linalg.norm(gradient)), 1e-9)
        while True:  # backtracking to the Armijo condition
            new_w = w + size * direction
            new_loss, new_gradient = loss_and_gradient(new_w)
            if new_loss <= loss + 1e-4 * size * float(gradient @ direction) or size < 1e-10:
                break
            size /= 2
        s, t = new_w - w, new_gradient - gradient
        if float(s @ t) > 1e-10:
            steps = [*steps[-(HISTORY - 1) :], (s, t)]
        done = abs(loss - new_loss) < TOLERANCE * max(abs(loss), 1.0)
        w, loss, gradient = new_w, new_loss, new_gradient
        if done:
            break
    return w


def _two_loop(gradient: np.ndarray, steps: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """The inverse Hessian estimate times the gradient, from the last steps."""
    q = gradient.copy()
    alphas = []
    for s, t in reversed(steps):
        alpha = float(s @ q) / float(t @ s)
        alphas.append(alpha)
        q -= alpha * t
    if steps:
        s, t = steps[-1]
        q *= float(s @ t) / float(t @ t)
    for (s, t), alpha in zip(steps, reversed(alphas), strict=True):
        q += s * (alpha - float(t @ q) / float(t @ s))
    return q
