"""Dataset and augmentation on tiny synthetic data written in the export script's format."""
import json

import numpy as np
import pytest

from training.augment import augment, letterbox, noise_only
from training.dataset import INPUT_SIZE, MIN_INSTANCE_PIXELS, load_arrays, load_index, load_reference, make_target


def write_dataset(root, samples):
    entries = []
    for sid, (image, mask, split, modality) in samples.items():
        rows, cols = mask.shape
        canvas_image, canvas_mask = letterbox(image, mask)
        canvas_image.astype("<f4").tofile(root / f"{sid}.input.f32")
        canvas_mask.tofile(root / f"{sid}.mask.u8")
        mask.astype(np.uint8).tofile(root / f"{sid}.ref.u8")
        scale = INPUT_SIZE / max(rows, cols)
        entries.append({"id": sid, "source": sid, "series": "s", "modality": modality, "split": split, "kind": "axial", "rows": rows, "cols": cols, "resizedRows": round(rows * scale), "resizedCols": round(cols * scale), "bodyFraction": float(mask.mean())})
    (root / "index.json").write_text(json.dumps({"inputSize": INPUT_SIZE, "preprocessing": "v1", "entries": entries}))


def two_blobs(rows=40, cols=60):
    mask = np.zeros((rows, cols), np.uint8)
    mask[5:30, 5:25] = 1  # trunk
    mask[10:20, 40:50] = 1  # arm, separate
    mask[35:36, 55:56] = 1  # a speck
    image = np.where(mask > 0, 0.8, 0.05).astype(np.float32)
    return image, mask


def test_index_splits_and_arrays_round_trip(tmp_path):
    image, mask = two_blobs()
    write_dataset(tmp_path, {"a": (image, mask, "train", "CT"), "b": (image, mask, "validation", "MR")})
    assert [s.id for s in load_index(tmp_path, "train")] == ["a"]
    (v,) = load_index(tmp_path, "validation")
    assert (v.rows, v.cols, v.resized_rows, v.resized_cols) == (40, 60, 171, 256)
    canvas, canvas_mask = load_arrays(tmp_path, v)
    assert canvas.shape == canvas_mask.shape == (INPUT_SIZE, INPUT_SIZE)
    assert canvas[v.resized_rows:, :].max() == 0 and canvas_mask[v.resized_rows:, :].max() == 0
    assert np.array_equal(load_reference(tmp_path, v), mask)


def test_instances_are_components_above_the_size_floor():
    _, mask = two_blobs()
    _, canvas_mask = letterbox(np.zeros(mask.shape, np.float32), mask)
    target = make_target(canvas_mask)
    assert target["boxes"].shape == (2, 4) and target["masks"].shape == (2, INPUT_SIZE, INPUT_SIZE)
    assert target["labels"].tolist() == [1, 1]
    for box, instance in zip(target["boxes"].numpy(), target["masks"].numpy()):
        ys, xs = np.nonzero(instance)
        assert instance.sum() >= MIN_INSTANCE_PIXELS
        assert box.tolist() == [xs.min(), ys.min(), xs.max() + 1, ys.max() + 1]
    assert target["masks"].sum() < canvas_mask.sum()  # the speck is no instance


def test_empty_mask_gives_empty_target():
    target = make_target(np.zeros((INPUT_SIZE, INPUT_SIZE), np.uint8))
    assert target["boxes"].shape == (0, 4) and target["labels"].shape == (0,) and target["masks"].shape == (0, INPUT_SIZE, INPUT_SIZE)


@pytest.mark.parametrize("seed", range(12))
def test_augmentation_keeps_the_contract_canvas(seed):
    image, mask = two_blobs()
    canvas, canvas_mask = letterbox(image, mask)
    rng = np.random.default_rng(seed)
    out, out_mask = augment(rng, canvas, canvas_mask, 171, 256, "CT" if seed % 2 else "MR")
    assert out.shape == out_mask.shape == (INPUT_SIZE, INPUT_SIZE)
    assert out.dtype == np.float32 and 0 <= out.min() and out.max() <= 1
    assert set(np.unique(out_mask)) <= {0, 1}
    assert out_mask.sum() == 0 or out[out_mask > 0].mean() > out[out_mask == 0].mean()  # the body stays brighter than the rest


def test_letterbox_places_the_resampled_slice_at_the_top_left():
    image, mask = two_blobs(30, 100)
    canvas, canvas_mask = letterbox(image, mask)
    rr = round(30 * INPUT_SIZE / 100)
    assert canvas[rr:].max() == 0 and canvas_mask[rr:].max() == 0
    assert canvas[:rr].max() > 0 and canvas[rr - 1].max() > 0
    # Nearest for the mask: the arm's columns 40..49 of 100 land on canvas columns 102..127.
    assert canvas_mask[50, 103:127].all() and not canvas_mask[50, 130:].any()


def test_noise_only_has_no_body():
    image, mask = noise_only(np.random.default_rng(3))
    assert mask.sum() == 0 and image.max() > 0.5
