"""Validation metrics of the exported model (or a checkpoint) against the reference masks.

    python -m training.evaluate [--onnx models/body-maskrcnn.onnx | --checkpoint <run>/best.pt]
                                [--json models/metrics.json] [--sheet models/sheets/validation.png]

For every validation slice (the series the contract holds back): the model's output, post-processed
as the runner does minus what only the TypeScript runner does (boundary refinement by the classical
segmenter, the 2 px safety margin, padding removal; see postprocess.py), compared at image
resolution with the reference (classical segmenter, safety margin 0): IoU, Dice, HD95 in pixels.
"""
import argparse
import json
from pathlib import Path

import numpy as np
import onnxruntime
import torch

from .checkpoint import load_model
from .dataset import load_arrays, load_index, load_reference
from .metrics import dice, hausdorff95, iou
from .postprocess import to_image_mask, union_probability

MODELS = Path(__file__).resolve().parents[1]


def predictor(args):
    if args.checkpoint:
        model, _ = load_model(args.checkpoint)

        def run(image):
            with torch.no_grad():
                out = model([torch.from_numpy(image)[None]])[0]
            return out["masks"].numpy(), out["scores"].numpy()

        return run
    session = onnxruntime.InferenceSession(str(args.onnx), providers=["CPUExecutionProvider"])
    return lambda image: tuple(session.run(["masks", "scores"], {"image": image[None, None]}))


def summarise(rows: list[dict]) -> dict:
    out = {}
    for modality in sorted({r["modality"] for r in rows}):
        chosen = [r for r in rows if r["modality"] == modality]
        out[modality] = {"slices": len(chosen)}
        for key in ("iou", "dice", "hd95"):
            values = np.array([r[key] for r in chosen])
            out[modality][key] = {"mean": float(values.mean()), "median": float(np.median(values)), "min": float(values.min()), "max": float(values.max())}
    return out


def main(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, default=MODELS / "data")
    p.add_argument("--onnx", type=Path, default=MODELS / "body-maskrcnn.onnx")
    p.add_argument("--checkpoint", type=Path)
    p.add_argument("--json", type=Path)
    p.add_argument("--sheet", type=Path, help="overlay sheet PNG (model outline red, reference green)")
    args = p.parse_args(argv)
    torch.set_num_threads(2)
    run = predictor(args)
    rows, overlays = [], []
    for s in load_index(args.data, "validation"):
        image, _ = load_arrays(args.data, s)
        masks, scores = run(image)
        predicted = to_image_mask(union_probability(masks, scores), s.rows, s.cols, s.resized_rows, s.resized_cols)
        reference = load_reference(args.data, s)
        rows.append({"id": s.id, "series": s.series, "modality": s.modality, "iou": iou(predicted, reference), "dice": dice(predicted, reference), "hd95": hausdorff95(predicted, reference)})
        overlays.append((s, image, predicted, reference))
    summary = summarise(rows)
    result = {"model": str(args.checkpoint or args.onnx.name), "postprocessing": "union score>=0.5, crop letterbox, bilinear to rows x cols, >=0.5, holes filled; no boundary refinement, no safety margin", "summary": summary, "slices": rows}
    for modality, m in summary.items():
        print(f"{modality}: {m['slices']} slices, IoU mean {m['iou']['mean']:.4f} (min {m['iou']['min']:.4f}), Dice mean {m['dice']['mean']:.4f}, HD95 mean {m['hd95']['mean']:.2f} px (max {m['hd95']['max']:.2f})")
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n")
    if args.sheet:
        from .sheets import overlay_sheet

        overlay_sheet(overlays, rows, args.sheet)
        print(f"wrote {args.sheet}")


if __name__ == "__main__":
    main()
