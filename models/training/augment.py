"""Augmentation for what the held-back scanners and the viewer will show, on the pre-processed
canvas (values in [0, 1], slice letterboxed at the top-left):
geometry (flips, rotation, scale, crops that cut the body, re-letterboxed exactly as preprocessSlice
does), intensity (window and gamma jitter, noise, an MR-like bias field), a simulated CT table band
below the body, and noise-only images with an empty target."""
import numpy as np
import torch
import torch.nn.functional as F
from scipy import ndimage

INPUT_SIZE = 256


def letterbox(image: np.ndarray, mask: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Resample to fit 256 on the longer side and place at the top-left, as pre-processing v1 does
    (bilinear, align_corners=False, for the image; nearest for the mask)."""
    rows, cols = image.shape
    scale = INPUT_SIZE / max(rows, cols)
    rr, cc = max(1, round(rows * scale)), max(1, round(cols * scale))
    img = F.interpolate(torch.from_numpy(np.ascontiguousarray(image, dtype=np.float32))[None, None], size=(rr, cc), mode="bilinear", align_corners=False)[0, 0].numpy()
    ys = np.minimum(rows - 1, ((np.arange(rr) + 0.5) * rows / rr).astype(int))
    xs = np.minimum(cols - 1, ((np.arange(cc) + 0.5) * cols / cc).astype(int))
    out_image = np.zeros((INPUT_SIZE, INPUT_SIZE), np.float32)
    out_mask = np.zeros((INPUT_SIZE, INPUT_SIZE), np.uint8)
    out_image[:rr, :cc] = img
    out_mask[:rr, :cc] = mask[np.ix_(ys, xs)]
    return out_image, out_mask


def _geometry(rng, image, mask):
    if rng.random() < 0.5:
        image, mask = image[:, ::-1], mask[:, ::-1]
    if rng.random() < 0.3:
        image, mask = image[::-1, :], mask[::-1, :]
    if rng.random() < 0.2:
        image, mask = image.T, mask.T
    if rng.random() < 0.6:
        angle = rng.uniform(-25, 25)
        # Grow the canvas so the rotation cuts nothing off; the new corners are air (0).
        image = ndimage.rotate(image, angle, order=1, reshape=True, mode="constant", cval=0.0)
        mask = ndimage.rotate(mask, angle, order=0, reshape=True, mode="constant", cval=0)
    rows, cols = image.shape
    if rng.random() < 0.5:
        # A tight crop, often cutting the body: keep 45-100 % of each side.
        h = max(8, int(rows * rng.uniform(0.45, 1.0)))
        w = max(8, int(cols * rng.uniform(0.45, 1.0)))
        y0, x0 = rng.integers(0, rows - h + 1), rng.integers(0, cols - w + 1)
        image, mask = image[y0:y0 + h, x0:x0 + w], mask[y0:y0 + h, x0:x0 + w]
    elif rng.random() < 0.4:
        # Zoom out: air margin around the slice (a small body in a large field of view).
        pad = int(max(rows, cols) * rng.uniform(0.05, 0.5))
        image = np.pad(image, pad, constant_values=float(np.percentile(image, 1)))
        mask = np.pad(mask, pad)
    return np.ascontiguousarray(image), np.ascontiguousarray(mask)


def _table(rng, image, mask):
    """A bright curved band a few pixels below the body: the CT table, never body."""
    rows, cols = image.shape
    ys = np.nonzero(mask.any(axis=1))[0]
    if len(ys) == 0:
        return image
    top = ys[-1] + rng.integers(1, max(2, rows // 20))
    thickness = rng.integers(2, max(3, rows // 25))
    if top + thickness >= rows:
        return image
    x = np.arange(cols)
    curve = (rng.uniform(0, 0.08) * rows * ((x - cols / 2) / (cols / 2)) ** 2).astype(int)
    level = rng.uniform(0.25, 0.7)
    band = np.zeros_like(image, dtype=bool)
    for dy in range(thickness):
        yy = np.clip(top - curve + dy, 0, rows - 1)
        band[yy, x] = True
    band &= mask == 0
    out = image.copy()
    out[band] = level + rng.normal(0, 0.02, band.sum())
    return out


def _bias_field(rng, image):
    rows, cols = image.shape
    y, x = np.meshgrid(np.linspace(-1, 1, rows), np.linspace(-1, 1, cols), indexing="ij")
    a = rng.normal(0, 0.25, 5)
    field = np.exp(a[0] * x + a[1] * y + a[2] * x * y + a[3] * x * x + a[4] * y * y)
    out = image * field
    hi = np.quantile(out, 0.995)
    return out / hi if hi > 0 else out


def noise_only(rng, size: int = INPUT_SIZE) -> tuple[np.ndarray, np.ndarray]:
    """An end-of-series MR slice: Rician-like noise normalised like pre-processing v1 (min..99.5 %)."""
    sigma = rng.uniform(0.5, 2.0)
    noise = np.hypot(rng.normal(0, sigma, (size, size)), rng.normal(0, sigma, (size, size)))
    if rng.random() < 0.5:
        noise = ndimage.gaussian_filter(noise, rng.uniform(0.5, 2.0))
    lo, hi = noise.min(), np.quantile(noise, 0.995)
    image = np.clip((noise - lo) / (hi - lo), 0, 1).astype(np.float32)
    rows = int(rng.integers(size // 2, size + 1))
    cols = int(rng.integers(size // 2, size + 1))
    return letterbox(image[:rows, :cols], np.zeros((rows, cols), np.uint8))


def augment(rng: np.random.Generator, image: np.ndarray, mask: np.ndarray, resized_rows: int, resized_cols: int, modality: str) -> tuple[np.ndarray, np.ndarray]:
    """One augmented (image, mask) on the 256² canvas from a stored sample."""
    if rng.random() < 0.05:
        return noise_only(rng)
    image = image[:resized_rows, :resized_cols].astype(np.float32)
    mask = mask[:resized_rows, :resized_cols]
    if rng.random() < 0.3:
        # Scale before geometry: down- or up-sampled sources (a 128² scout, a 1024² slice).
        factor = rng.uniform(0.5, 1.5)
        size = (max(8, round(image.shape[0] * factor)), max(8, round(image.shape[1] * factor)))
        image = F.interpolate(torch.from_numpy(image)[None, None], size=size, mode="bilinear", align_corners=False)[0, 0].numpy()
        mask = np.asarray(ndimage.zoom(mask, (size[0] / mask.shape[0], size[1] / mask.shape[1]), order=0))[: size[0], : size[1]]
        if mask.shape != image.shape:
            mask = np.pad(mask, ((0, size[0] - mask.shape[0]), (0, size[1] - mask.shape[1])))
    image, mask = _geometry(rng, image, mask)
    if modality == "CT" and rng.random() < 0.3:
        image = _table(rng, image, mask)
    if modality != "CT" and rng.random() < 0.5:
        image = _bias_field(rng, image)
    # Window and gamma jitter on [0, 1].
    lo, hi = rng.uniform(-0.05, 0.08), rng.uniform(0.75, 1.1)
    image = np.clip((image - lo) / (hi - lo), 0, 1) ** rng.uniform(0.7, 1.4)
    if rng.random() < 0.5:
        image = image + rng.normal(0, rng.uniform(0.005, 0.05), image.shape)
    image = np.clip(image, 0, 1).astype(np.float32)
    return letterbox(image, mask.astype(np.uint8))
