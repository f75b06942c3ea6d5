"""Training pipeline of the body Mask R-CNN (contract: models/README.md)."""
