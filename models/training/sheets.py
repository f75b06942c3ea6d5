"""Overlay sheets for checking the model by eye: each validation slice (the pre-processed canvas,
cropped to the letterbox) with the reference outline in green and the model's outline in red, where
they agree the outline is yellow; the slice's IoU under it."""
from pathlib import Path

import numpy as np
from PIL import Image, ImageDraw
from scipy import ndimage

THUMB = 160


def _outline(mask: np.ndarray) -> np.ndarray:
    mask = mask > 0
    return mask & ~ndimage.binary_erosion(mask, iterations=1, border_value=0)


def _thumbnail(sample, image: np.ndarray, predicted: np.ndarray, reference: np.ndarray) -> Image.Image:
    gray = (np.clip(image[: sample.resized_rows, : sample.resized_cols], 0, 1) * 255).astype(np.uint8)
    base = Image.fromarray(gray).resize((sample.cols, sample.rows), Image.BILINEAR)
    rgb = np.stack([np.asarray(base)] * 3, axis=-1)
    # Thicken outlines so they survive the downscale.
    ref = ndimage.binary_dilation(_outline(reference), iterations=1)
    pred = ndimage.binary_dilation(_outline(predicted), iterations=1)
    rgb[ref] = [0, 255, 0]
    rgb[pred] = [255, 0, 0]
    rgb[ref & pred] = [255, 255, 0]
    scale = THUMB / max(sample.rows, sample.cols)
    return Image.fromarray(rgb).resize((max(1, round(sample.cols * scale)), max(1, round(sample.rows * scale))), Image.NEAREST)


def overlay_sheet(overlays, rows, path: Path, columns: int = 9) -> None:
    count = len(overlays)
    lines = (count + columns - 1) // columns
    sheet = Image.new("RGB", (columns * THUMB, lines * (THUMB + 14)), (0, 0, 0))
    draw = ImageDraw.Draw(sheet)
    for k, ((sample, image, predicted, reference), row) in enumerate(zip(overlays, rows)):
        x, y = (k % columns) * THUMB, (k // columns) * (THUMB + 14)
        sheet.paste(_thumbnail(sample, image, predicted, reference), (x, y))
        draw.text((x + 2, y + THUMB), f"{k} IoU {row['iou']:.3f}", fill=(255, 255, 255))
    path.parent.mkdir(parents=True, exist_ok=True)
    # 64 colours: the sheet is for eyes, and stays small in git.
    sheet.quantize(colors=64).save(path, optimize=True)
