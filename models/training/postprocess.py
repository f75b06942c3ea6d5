"""The runner's post-processing (model contract), minus the TypeScript-only boundary refinement and
the safety margin: union (max) of instances with score ≥ scoreThreshold, letterbox cropped, bilinear
(align_corners=False) back to rows × cols, threshold, holes filled."""
import numpy as np
import torch
import torch.nn.functional as F
from scipy import ndimage

SCORE_THRESHOLD = 0.5
MASK_THRESHOLD = 0.5


def union_probability(masks: np.ndarray, scores: np.ndarray, score_threshold: float = SCORE_THRESHOLD) -> np.ndarray:
    """masks [N,1,256,256], scores [N] -> [256,256] (0 where no instance is confident)."""
    keep = scores >= score_threshold
    if not keep.any():
        return np.zeros(masks.shape[-2:], np.float32)
    return masks[keep, 0].max(axis=0).astype(np.float32)


def to_image_mask(probability: np.ndarray, rows: int, cols: int, resized_rows: int, resized_cols: int, mask_threshold: float = MASK_THRESHOLD) -> np.ndarray:
    cropped = torch.from_numpy(np.ascontiguousarray(probability[:resized_rows, :resized_cols]))[None, None]
    full = F.interpolate(cropped, size=(rows, cols), mode="bilinear", align_corners=False)[0, 0].numpy()
    return ndimage.binary_fill_holes(full >= mask_threshold).astype(np.uint8)
