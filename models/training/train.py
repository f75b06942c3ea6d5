"""Train the body Mask R-CNN from scratch on models/data.

    python -m training.train --run models/runs/<name> [--iterations 1500] [--budget-minutes M] [--resume]

SGD (momentum 0.9, weight decay 1e-4), linear warm-up then cosine decay, seeded. The cosine runs
over --iterations; with --budget-minutes it runs over whichever ends first, iterations or training
wall time (on a shared CPU the speed is unknown in advance, and a half-annealed model is worse than
a fully annealed shorter run). Writes
<run>/last.pt every --checkpoint-minutes and at the end, <run>/best.pt at the best validation IoU,
and logs the loss and the validation IoU (on the 256² canvas, union of instances with score ≥ 0.5,
against the letterboxed reference) to stdout. --resume continues from <run>/last.pt with the same
schedule and data order.
"""
import argparse
import math
import time
from pathlib import Path

import numpy as np
import torch

from .augment import augment
from .dataset import load_arrays, load_index, make_target
from .metrics import iou
from .model import build_model
from .postprocess import MASK_THRESHOLD, union_probability


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--data", type=Path, default=Path(__file__).resolve().parents[1] / "data")
    p.add_argument("--run", type=Path, required=True)
    p.add_argument("--iterations", type=int, default=1500)
    p.add_argument("--budget-minutes", type=float, default=None)
    p.add_argument("--batch", type=int, default=4)
    p.add_argument("--lr", type=float, default=0.02)
    p.add_argument("--warmup", type=int, default=100)
    p.add_argument("--seed", type=int, default=20240917)
    p.add_argument("--eval-every", type=int, default=150)
    p.add_argument("--eval-stride", type=int, default=3, help="validate on every n-th validation slice during training (evaluate.py uses all)")
    p.add_argument("--checkpoint-minutes", type=float, default=4.0)
    p.add_argument("--threads", type=int, default=2)
    p.add_argument("--resume", action="store_true")
    p.add_argument("--init", type=Path, default=None, help="start from this checkpoint's weights with a fresh optimizer and schedule (a fine-tuning stage); ignored when resuming")
    return p.parse_args(argv)


def schedule_progress(iteration: int, elapsed: float, args) -> float:
    """Fraction of the schedule done: by iterations, or by wall time when that is further along."""
    progress = iteration / args.iterations
    if args.budget_minutes:
        progress = max(progress, elapsed / (args.budget_minutes * 60))
    return min(1.0, progress)


def learning_rate(iteration: int, progress: float, args) -> float:
    if iteration < args.warmup:
        return args.lr * (0.001 + 0.999 * iteration / args.warmup)
    return args.lr * (0.005 + 0.995 * 0.5 * (1 + math.cos(math.pi * progress)))


def make_batch(rng, samples, data_dir, batch, device):
    images, targets = [], []
    for k in rng.integers(0, len(samples), batch):
        s = samples[k]
        image, mask = load_arrays(data_dir, s)
        image, mask = augment(rng, image, mask, s.resized_rows, s.resized_cols, s.modality)
        images.append(torch.from_numpy(image)[None].to(device))
        targets.append({k: v.to(device) for k, v in make_target(mask).items()})
    return images, targets


@torch.no_grad()
def validate(model, samples, data_dir, device) -> dict[str, float]:
    model.eval()
    per_modality: dict[str, list[float]] = {}
    for s in samples:
        image, mask = load_arrays(data_dir, s)
        out = model([torch.from_numpy(image)[None].to(device)])[0]
        prob = union_probability(out["masks"].cpu().numpy(), out["scores"].cpu().numpy())
        per_modality.setdefault(s.modality, []).append(iou(prob >= MASK_THRESHOLD, mask))
    model.train()
    return {m: float(np.mean(v)) for m, v in per_modality.items()}


def initialise_from(model, checkpoint: Path, device) -> None:
    """A fine-tuning stage starts from another run's weights; its optimizer and schedule start afresh."""
    model.load_state_dict(torch.load(checkpoint, map_location=device)["model"])


def save(path: Path, model, optimizer, iteration: int, best: float, elapsed: float):
    tmp = path.with_suffix(".tmp")
    torch.save({"model": model.state_dict(), "optimizer": optimizer.state_dict(), "iteration": iteration, "best": best, "elapsed": elapsed}, tmp)
    tmp.replace(path)


def main(argv=None):
    args = parse_args(argv)
    torch.set_num_threads(args.threads)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    torch.manual_seed(args.seed)
    args.run.mkdir(parents=True, exist_ok=True)
    train = load_index(args.data, "train")
    validation = load_index(args.data, "validation")[:: args.eval_stride]
    model = build_model().to(device)
    params = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.SGD(params, lr=args.lr, momentum=0.9, weight_decay=1e-4)
    start, best, elapsed = 0, -1.0, 0.0
    last = args.run / "last.pt"
    if args.resume and last.exists():
        state = torch.load(last, map_location=device)
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        start, best, elapsed = state["iteration"], state["best"], state["elapsed"]
        print(f"resumed at iteration {start} (best validation IoU {best:.4f}, {elapsed / 60:.1f} min trained)", flush=True)
    elif args.init:
        initialise_from(model, args.init, device)
        print(f"initialised from {args.init}", flush=True)
    print(f"{len(train)} train / {len(validation)} validation samples, device {device}, {args.iterations} iterations", flush=True)
    model.train()
    began = time.time() - elapsed
    last_save = time.time()
    iteration = start
    while True:
        progress = schedule_progress(iteration, time.time() - began, args)
        if progress >= 1.0:
            break
        # Seeded per iteration, so a resumed run draws the same batches and augmentations.
        rng = np.random.default_rng([args.seed, iteration])
        for group in optimizer.param_groups:
            group["lr"] = learning_rate(iteration, progress, args)
        images, targets = make_batch(rng, train, args.data, args.batch, device)
        losses = model(images, targets)
        loss = sum(losses.values())
        optimizer.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(params, 10.0)
        optimizer.step()
        iteration += 1
        done = iteration
        finished = schedule_progress(done, time.time() - began, args) >= 1.0
        if done % 10 == 0:
            parts = " ".join(f"{k.replace('loss_', '')} {v.item():.3f}" for k, v in losses.items())
            print(f"it {done} lr {optimizer.param_groups[0]['lr']:.4f} loss {loss.item():.3f} ({parts}) {(time.time() - began) / 60:.1f} min", flush=True)
        if done % args.eval_every == 0 or finished:
            scores = validate(model, validation, args.data, device)
            mean = float(np.mean(list(scores.values())))
            print(f"validation it {done}: IoU " + " ".join(f"{m} {v:.4f}" for m, v in sorted(scores.items())) + f" mean {mean:.4f}", flush=True)
            if mean > best:
                best = mean
                save(args.run / "best.pt", model, optimizer, done, best, time.time() - began)
        if time.time() - last_save > args.checkpoint_minutes * 60 or finished:
            save(last, model, optimizer, done, best, time.time() - began)
            last_save = time.time()
    print(f"done: {iteration} iterations in {(time.time() - began) / 60:.1f} min, best validation IoU {best:.4f}", flush=True)


if __name__ == "__main__":
    main()
