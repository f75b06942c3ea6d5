import sys
from pathlib import Path

# Run from anywhere: `training` is a package under models/.
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
