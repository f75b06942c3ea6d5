"""The body Mask R-CNN: torchvision MaskRCNN on a one-channel ResNet18-FPN, sized for 2 CPU cores.

Choices (see models/MODEL_CARD.md): ResNet18 with BatchNorm, trained from scratch, without layer4
(8.4 M of its 11 M parameters; strides 4-16 plus the FPN's max-pool level are plenty for a body that
fills a 256² canvas, and the file stays under 30 MB in float32); FPN with 128 channels; one anchor
size per level, 32-256 px; a 256-unit box head; mask RoIAlign 28×28 so the mask head predicts 56×56
(the default 28×28 caps boundary accuracy on a 400-pixel-wide body), with four 64-channel convs.
"""
import torch
from torch import nn
from torchvision.models import resnet18
from torchvision.models.detection import MaskRCNN
from torchvision.models.detection.anchor_utils import AnchorGenerator
from torchvision.models.detection.backbone_utils import BackboneWithFPN
from torchvision.models.detection.faster_rcnn import FastRCNNPredictor, TwoMLPHead
from torchvision.models.detection.mask_rcnn import MaskRCNNHeads, MaskRCNNPredictor
from torchvision.ops import MultiScaleRoIAlign
from torchvision.ops.feature_pyramid_network import LastLevelMaxPool

INPUT_SIZE = 256
NUM_CLASSES = 2  # background, body
RETURNED_LAYERS = (1, 2, 3)
FPN_CHANNELS = 128
BOX_REPRESENTATION = 256
# The mask head runs on 28×28 RoIs (56×56 output): 64 channels keep it affordable on 2 cores.
MASK_CHANNELS = 64


def build_backbone() -> BackboneWithFPN:
    resnet = resnet18(weights=None, norm_layer=nn.BatchNorm2d)
    resnet.conv1 = nn.Conv2d(1, 64, kernel_size=7, stride=2, padding=3, bias=False)
    return_layers = {f"layer{k}": str(i) for i, k in enumerate(RETURNED_LAYERS)}
    in_channels = [64 * 2 ** (k - 1) for k in RETURNED_LAYERS]
    # layer4 is not returned, so IntermediateLayerGetter drops it (and its parameters) from the body.
    return BackboneWithFPN(resnet, return_layers, in_channels, FPN_CHANNELS, extra_blocks=LastLevelMaxPool())


def build_model(input_size: int = INPUT_SIZE) -> MaskRCNN:
    """The contract's model at 256²; tests build it smaller."""
    feature_names = [str(i) for i in range(len(RETURNED_LAYERS))]
    # One size per pyramid level (3 ResNet stages + the max-pool level): a body spans 100-256 px of
    # the canvas, an arm or a head cut by a crop 20-60 px.
    anchors = AnchorGenerator(sizes=((32,), (64,), (128,), (256,)), aspect_ratios=((0.5, 1.0, 2.0),) * 4)
    return MaskRCNN(
        build_backbone(),
        num_classes=None,
        min_size=input_size,
        max_size=input_size,
        image_mean=[0.25],
        image_std=[0.3],
        rpn_anchor_generator=anchors,
        rpn_pre_nms_top_n_train=600,
        rpn_post_nms_top_n_train=300,
        rpn_pre_nms_top_n_test=300,
        rpn_post_nms_top_n_test=100,
        rpn_batch_size_per_image=128,
        box_roi_pool=MultiScaleRoIAlign(featmap_names=feature_names, output_size=7, sampling_ratio=2),
        box_head=TwoMLPHead(FPN_CHANNELS * 7 * 7, BOX_REPRESENTATION),
        box_predictor=FastRCNNPredictor(BOX_REPRESENTATION, NUM_CLASSES),
        # At most 16 positive RoIs per image: the mask head, which sees only positives, dominates training time.
        box_batch_size_per_image=64,
        box_positive_fraction=0.25,
        box_detections_per_img=10,
        mask_roi_pool=MultiScaleRoIAlign(featmap_names=feature_names, output_size=28, sampling_ratio=2),
        mask_head=MaskRCNNHeads(FPN_CHANNELS, [MASK_CHANNELS] * 4, 1),
        mask_predictor=MaskRCNNPredictor(MASK_CHANNELS, MASK_CHANNELS, NUM_CLASSES),
    )


def count_parameters(model: nn.Module) -> int:
    return sum(p.numel() for p in model.parameters())


if __name__ == "__main__":
    m = build_model()
    print(count_parameters(m), "parameters")
    m.eval()
    with torch.no_grad():
        out = m([torch.rand(1, INPUT_SIZE, INPUT_SIZE)])
    print({k: tuple(v.shape) for k, v in out[0].items()})
