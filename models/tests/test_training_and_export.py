"""One training step and an ONNX export + onnxruntime reload, on a small model input (64²)."""
import numpy as np
import onnx
import onnxruntime
import torch

from training.dataset import make_target
from training.export import OUTPUTS, Exportable, export
from training.metrics import dice, hausdorff95, iou
from training.model import build_model
from training.postprocess import to_image_mask, union_probability
from training.train import initialise_from, learning_rate, parse_args, save, schedule_progress

SIZE = 64


def sample():
    mask = np.zeros((SIZE, SIZE), np.uint8)
    mask[10:50, 12:44] = 1
    image = np.where(mask > 0, 0.7, 0.02).astype(np.float32)
    return image, mask


def test_one_training_step_changes_the_weights_and_gives_finite_losses():
    torch.manual_seed(0)
    model = build_model(SIZE)
    model.train()
    image, mask = sample()
    images = [torch.from_numpy(image)[None], torch.zeros(1, SIZE, SIZE)]
    targets = [make_target(mask), make_target(np.zeros((SIZE, SIZE), np.uint8))]
    before = model.backbone.body.conv1.weight.detach().clone()
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
    losses = model(images, targets)
    assert {"loss_classifier", "loss_box_reg", "loss_mask", "loss_objectness", "loss_rpn_box_reg"} <= set(losses)
    loss = sum(losses.values())
    assert torch.isfinite(loss)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    assert not torch.equal(before, model.backbone.body.conv1.weight)


def test_schedule_warms_up_then_anneals_by_iterations_or_time():
    args = parse_args(["--run", "x", "--iterations", "100", "--warmup", "10", "--lr", "0.02", "--budget-minutes", "1"])
    assert learning_rate(0, 0.0, args) < learning_rate(5, 0.05, args) < learning_rate(10, 0.1, args)
    assert schedule_progress(50, 0.0, args) == 0.5
    assert schedule_progress(10, 45.0, args) == 0.75  # wall time ahead of iterations
    assert learning_rate(99, 0.99, args) < 0.001


def test_export_reloads_in_onnxruntime_and_matches_pytorch(tmp_path):
    torch.manual_seed(1)
    model = build_model(SIZE).eval()
    image, _ = sample()
    path = tmp_path / "tiny.onnx"
    export(model, image, path)
    graph = onnx.load(str(path)).graph
    assert [i.name for i in graph.input] == ["image"]
    assert [o.name for o in graph.output] == OUTPUTS
    session = onnxruntime.InferenceSession(str(path), providers=["CPUExecutionProvider"])
    for probe in (image, np.zeros((SIZE, SIZE), np.float32)):
        with torch.no_grad():
            expected = [t.numpy() for t in Exportable(model)(torch.from_numpy(probe)[None, None])]
        actual = session.run(OUTPUTS, {"image": probe[None, None]})
        for e, a in zip(expected, actual):
            assert e.shape == a.shape
            if e.size:
                assert np.abs(e.astype(np.float64) - a.astype(np.float64)).max() < 1e-3


def test_postprocessing_and_metrics():
    masks = np.zeros((2, 1, SIZE, SIZE), np.float32)
    masks[0, 0, :32, :32] = 0.9
    masks[1, 0, 32:, 32:] = 0.9  # low score: ignored
    union = union_probability(masks, np.array([0.8, 0.3], np.float32))
    full = to_image_mask(union, 128, 100, 64, 50)
    assert full.shape == (128, 100)
    assert full[:60].all() is not None and full[:60, :60].all() and not full[70:].any()
    reference = np.zeros_like(full)
    reference[:64, :64] = 1
    assert 0.85 < iou(full, reference) <= 1 and dice(full, reference) >= iou(full, reference)
    assert hausdorff95(full, reference) <= 4
    assert iou(np.zeros((4, 4)), np.zeros((4, 4))) == 1 and hausdorff95(np.zeros((4, 4)), np.zeros((4, 4))) == 0
    assert union_probability(masks, np.array([0.1, 0.2], np.float32)).max() == 0


def test_fine_tuning_stage_starts_from_another_runs_weights(tmp_path):
    torch.manual_seed(0)
    source = build_model(SIZE)
    optimizer = torch.optim.SGD(source.parameters(), lr=0.01)
    save(tmp_path / "last.pt", source, optimizer, 7, 0.5, 1.0)
    torch.manual_seed(1)
    target = build_model(SIZE)
    assert not torch.equal(source.backbone.body.conv1.weight, target.backbone.body.conv1.weight)
    args = parse_args(["--run", str(tmp_path / "finetune"), "--init", str(tmp_path / "last.pt")])
    initialise_from(target, args.init, torch.device("cpu"))
    for name, tensor in source.state_dict().items():
        assert torch.equal(tensor, target.state_dict()[name]), name
