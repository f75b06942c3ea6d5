"""Loading a trained model from a training checkpoint."""
from pathlib import Path

import torch

from .model import build_model


def load_model(checkpoint: Path) -> tuple[torch.nn.Module, dict]:
    state = torch.load(checkpoint, map_location="cpu")
    model = build_model()
    model.load_state_dict(state["model"])
    model.eval()
    info = {"checkpoint": Path(checkpoint).name, "iteration": state["iteration"], "trainingMinutes": round(state["elapsed"] / 60, 1), "bestValidationIoU": state["best"]}
    return model, info
