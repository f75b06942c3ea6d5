"""Samples exported by scripts/export-training-data.ts (models/data): the pre-processed 256² input,
the letterboxed reference mask, and a Mask R-CNN target whose instances are the connected components
of the mask (the trunk, a separate arm, a head cut in two by a crop). An empty mask is an empty
target: "no body", which Mask R-CNN learns as background."""
import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import torch
from scipy import ndimage

INPUT_SIZE = 256
# Components under this many canvas pixels are dropped from the target (a stray speck is no instance).
MIN_INSTANCE_PIXELS = 24
EIGHT_CONNECTED = np.ones((3, 3), dtype=bool)


@dataclass(frozen=True)
class Sample:
    id: str
    series: str
    modality: str
    split: str
    kind: str
    rows: int
    cols: int
    resized_rows: int
    resized_cols: int


def load_index(data_dir: Path, split: str | None = None) -> list[Sample]:
    index = json.loads((Path(data_dir) / "index.json").read_text())
    assert index["inputSize"] == INPUT_SIZE and index["preprocessing"] == "v1", "models/data was exported for another contract"
    samples = [
        Sample(e["id"], e["series"], e["modality"], e["split"], e["kind"], e["rows"], e["cols"], e["resizedRows"], e["resizedCols"])
        for e in index["entries"]
    ]
    return [s for s in samples if split is None or s.split == split]


def load_arrays(data_dir: Path, sample: Sample) -> tuple[np.ndarray, np.ndarray]:
    """(input float32 256×256, mask uint8 256×256)."""
    base = Path(data_dir) / sample.id
    image = np.fromfile(f"{base}.input.f32", dtype="<f4").reshape(INPUT_SIZE, INPUT_SIZE)
    mask = np.fromfile(f"{base}.mask.u8", dtype=np.uint8).reshape(INPUT_SIZE, INPUT_SIZE)
    return image, mask


def load_reference(data_dir: Path, sample: Sample) -> np.ndarray:
    """The reference mask at image resolution (rows × cols)."""
    return np.fromfile(Path(data_dir) / f"{sample.id}.ref.u8", dtype=np.uint8).reshape(sample.rows, sample.cols)


def make_target(mask: np.ndarray) -> dict[str, torch.Tensor]:
    labels, count = ndimage.label(mask > 0, structure=EIGHT_CONNECTED)
    boxes, masks = [], []
    for k, found in enumerate(ndimage.find_objects(labels), start=1):
        if found is None:
            continue
        instance = labels == k
        if instance.sum() < MIN_INSTANCE_PIXELS:
            continue
        ys, xs = found
        boxes.append([xs.start, ys.start, xs.stop, ys.stop])
        masks.append(instance)
    h, w = mask.shape
    return {
        "boxes": torch.tensor(boxes, dtype=torch.float32).reshape(-1, 4),
        "labels": torch.ones(len(boxes), dtype=torch.int64),
        "masks": torch.from_numpy(np.stack(masks).astype(np.uint8)) if masks else torch.zeros((0, h, w), dtype=torch.uint8),
    }
