"""Export a checkpoint to ONNX (model contract v1) and check onnxruntime against PyTorch.

    python -m training.export --checkpoint models/runs/<name>/best.pt [--out models/body-maskrcnn.onnx]

torch.onnx.export(dynamo=False, opset 17), one fixed input 'image' [1,1,256,256]; outputs boxes,
labels, scores, masks (N may be 0). The check runs real validation inputs, an all-zero canvas and
noise-only canvases through both and compares every output; at least one of them must give no
detection in both (the path the runners must survive). Writes <out> and <out>.json (metadata read by
src/segmentation/maskrcnn/loadMaskRcnnMetadata.ts).
"""
import argparse
import hashlib
import json
from pathlib import Path

import numpy as np
import onnx
import onnxruntime
import torch
import torchvision
from torch import nn

from .augment import noise_only
from .checkpoint import load_model
from .dataset import INPUT_SIZE, load_arrays, load_index
from .model import count_parameters
from .postprocess import MASK_THRESHOLD, SCORE_THRESHOLD

MAX_MODEL_BYTES = 30 * 1024 * 1024
OUTPUTS = ["boxes", "labels", "scores", "masks"]


class Exportable(nn.Module):
    """One [1,1,S,S] tensor in, four plain tensors out (torchvision models take and return lists)."""

    def __init__(self, model: nn.Module):
        super().__init__()
        self.model = model

    def forward(self, image: torch.Tensor):
        out = self.model([image[0]])[0]
        return out["boxes"], out["labels"], out["scores"], out["masks"]


def export(model: nn.Module, example: np.ndarray, path: Path) -> None:
    """Trace `model` on `example` ([S,S] float32) and write a checked ONNX file."""
    wrapper = Exportable(model).eval()
    torch.onnx.export(
        wrapper,
        (torch.from_numpy(example)[None, None],),
        str(path),
        dynamo=False,
        opset_version=17,
        input_names=["image"],
        output_names=OUTPUTS,
        dynamic_axes={name: {0: "detections"} for name in OUTPUTS},
        do_constant_folding=True,
    )
    onnx.checker.check_model(onnx.load(str(path)))


def compare(model: nn.Module, session: onnxruntime.InferenceSession, images: list[np.ndarray]) -> dict:
    """Largest differences between PyTorch and onnxruntime over the images; counts of empty outputs."""
    worst = {"boxes": 0.0, "scores": 0.0, "masks": 0.0, "unionPixelsDiffering": 0}
    empty = 0
    with torch.no_grad():
        for image in images:
            expected = [t.numpy() for t in Exportable(model)(torch.from_numpy(image)[None, None])]
            actual = session.run(OUTPUTS, {"image": image[None, None].astype(np.float32)})
            for name, e, a in zip(OUTPUTS, expected, actual):
                assert e.shape == a.shape, f"{name}: PyTorch {e.shape} vs onnxruntime {a.shape}"
            if expected[0].shape[0] == 0:
                empty += 1
                continue
            assert (expected[1] == actual[1]).all(), "labels differ"
            worst["boxes"] = max(worst["boxes"], float(np.abs(expected[0] - actual[0]).max()))
            worst["scores"] = max(worst["scores"], float(np.abs(expected[2] - actual[2]).max()))
            worst["masks"] = max(worst["masks"], float(np.abs(expected[3] - actual[3]).max()))

            def union(scores, masks):
                keep = scores >= SCORE_THRESHOLD
                return masks[keep, 0].max(axis=0) >= MASK_THRESHOLD if keep.any() else np.zeros((INPUT_SIZE, INPUT_SIZE), bool)

            worst["unionPixelsDiffering"] = max(worst["unionPixelsDiffering"], int((union(expected[2], expected[3]) != union(actual[2], actual[3])).sum()))
    return {"images": len(images), "emptyOutputs": empty, "maxAbsDifference": worst}


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--checkpoint", type=Path, required=True)
    p.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1] / "data")
    p.add_argument("--out", type=Path, default=Path(__file__).resolve().parents[1] / "body-maskrcnn.onnx")
    p.add_argument("--check-slices", type=int, default=8, help="validation slices run through both runtimes")
    p.add_argument("--allow-no-empty", action="store_true", help="early checkpoints: do not insist on an image with no detection")
    args = p.parse_args(argv)
    torch.set_num_threads(2)
    model, info = load_model(args.checkpoint)
    # The runner keeps only instances scoring >= SCORE_THRESHOLD, so drop the rest inside the graph:
    # the 56x56 mask head then runs for 0-4 boxes instead of 10 (about a third less latency),
    # and the masks the runner uses do not change.
    model.roi_heads.score_thresh = SCORE_THRESHOLD
    model.roi_heads.detections_per_img = 4
    validation = load_index(args.data, "validation")
    picks = validation[:: max(1, len(validation) // args.check_slices)][: args.check_slices]
    images = [load_arrays(args.data, s)[0] for s in picks]
    rng = np.random.default_rng(7)
    images += [np.zeros((INPUT_SIZE, INPUT_SIZE), np.float32)] + [noise_only(rng)[0] for _ in range(2)]
    # Trace on a slice with a body, so every branch that a detection takes is in the graph.
    export(model, images[0], args.out)
    session = onnxruntime.InferenceSession(str(args.out), providers=["CPUExecutionProvider"])
    check = compare(model, session, images)
    print(json.dumps(check))
    d = check["maxAbsDifference"]
    assert d["boxes"] < 1e-2 and d["scores"] < 1e-3 and d["masks"] < 1e-3, "onnxruntime differs from PyTorch"
    if check["emptyOutputs"] == 0 and not args.allow_no_empty:
        raise SystemExit("no check image gave an empty output: the N = 0 path is untested")
    size = args.out.stat().st_size
    assert size <= MAX_MODEL_BYTES, f"model is {size} bytes, over the 30 MB budget"
    metadata = {
        "contractVersion": 1,
        "preprocessing": "v1",
        "input": {"name": "image", "shape": [1, 1, INPUT_SIZE, INPUT_SIZE]},
        "outputs": {name: name for name in OUTPUTS},
        "scoreThreshold": SCORE_THRESHOLD,
        "maskThreshold": MASK_THRESHOLD,
        "model": {
            "architecture": "torchvision MaskRCNN, ResNet18 layer1-3 (BatchNorm) + FPN 128, 1-channel input, 56x56 mask head",
            "parameters": count_parameters(model),
            "precision": "float32",
            "opset": 17,
            "fileBytes": size,
            "sha256": hashlib.sha256(args.out.read_bytes()).hexdigest(),
            "torch": torch.__version__,
            "torchvision": torchvision.__version__,
        },
        "training": info,
        "exportCheck": check,
    }
    args.out.with_suffix(".json").write_text(json.dumps(metadata, indent=2) + "\n")
    print(f"wrote {args.out} ({size / 1e6:.1f} MB) and {args.out.with_suffix('.json').name}")


if __name__ == "__main__":
    main()
