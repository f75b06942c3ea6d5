"""Overlap and boundary metrics between binary masks (1 = body)."""
import numpy as np
from scipy import ndimage


def iou(a: np.ndarray, b: np.ndarray) -> float:
    a, b = a > 0, b > 0
    union = np.logical_or(a, b).sum()
    return 1.0 if union == 0 else float(np.logical_and(a, b).sum() / union)


def dice(a: np.ndarray, b: np.ndarray) -> float:
    a, b = a > 0, b > 0
    total = a.sum() + b.sum()
    return 1.0 if total == 0 else float(2 * np.logical_and(a, b).sum() / total)


def _boundary(mask: np.ndarray) -> np.ndarray:
    return mask & ~ndimage.binary_erosion(mask, border_value=0)


def hausdorff95(a: np.ndarray, b: np.ndarray) -> float:
    """Symmetric 95th percentile of boundary-to-boundary distances in pixels; 0 when both are empty,
    the image diagonal when only one is (the worst possible miss)."""
    a, b = a > 0, b > 0
    if not a.any() and not b.any():
        return 0.0
    if not a.any() or not b.any():
        return float(np.hypot(*a.shape))
    ba, bb = _boundary(a), _boundary(b)
    to_b = ndimage.distance_transform_edt(~bb)
    to_a = ndimage.distance_transform_edt(~ba)
    return float(np.percentile(np.concatenate([to_b[ba], to_a[bb]]), 95))
