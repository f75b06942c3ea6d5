#!/usr/bin/env bash
# The one command that reproduces the model (npm run train): training data from ../shared/data
# through the project's own DICOM reader, pre-processing and classical segmenter; training (resumes
# from <run>/last.pt when there is one, so rerunning the same command continues an interrupted run);
# ONNX export with the onnxruntime-vs-PyTorch check; validation metrics and overlay sheet.
#
#   RUN=models/runs/main DATA=../shared/data TRAIN_ARGS="..." bash models/train.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
run="$root/${RUN:-models/runs/main}"
data="${DATA:-../shared/data}"
# The schedule of the committed model: batch 2, cosine over 3000 iterations or 75 minutes of
# training, whichever ends first (2 shared CPU cores reached 1,421 iterations; a GPU reaches 3000).
train_args=${TRAIN_ARGS:---iterations 3000 --budget-minutes 75 --batch 2 --lr 0.01 --warmup 50 --eval-every 100}
# Stage 2 of the committed model: fine-tuning from stage 1's last checkpoint, batch 4, cosine over
# 40 minutes on one core (529 iterations there; a faster machine does more, up to 800).
finetune_args=${FINETUNE_ARGS:---iterations 800 --budget-minutes 40 --batch 4 --lr 0.004 --warmup 20 --eval-every 100 --threads 1}
models/ensure-venv.sh
node --import tsx scripts/export-training-data.ts --data "$data" --out models/data
mkdir -p "$run"
cd models
# shellcheck disable=SC2086
.venv/bin/python -m training.train --run "$run" $train_args --resume 2>&1 | tee -a "$run/train.log"
# shellcheck disable=SC2086
.venv/bin/python -m training.train --run "$run/finetune" --init "$run/last.pt" $finetune_args --resume 2>&1 | tee -a "$run/finetune.log"
.venv/bin/python -m training.export --checkpoint "$run/finetune/last.pt" --out body-maskrcnn.onnx
.venv/bin/python -m training.evaluate --onnx body-maskrcnn.onnx --json metrics.json --sheet sheets/validation.png
