"""Golden tests: each sample's IR text, OpenCL output and CPU output, pinned byte for byte.

Refresh after an intended change with `CUTRANS_UPDATE_GOLDEN=1 make golden` and review the diff.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import SAMPLES, loaded_unit
from translator.driver import backend_for
from translator.ir.printer import print_ir

HERE = Path(__file__).resolve().parent
UPDATE = os.environ.get("CUTRANS_UPDATE_GOLDEN") == "1"


def _check(snapshot: Path, actual: bytes) -> None:
    if UPDATE:
        snapshot.parent.mkdir(parents=True, exist_ok=True)
        snapshot.write_bytes(actual)
    assert snapshot.exists(), f"no snapshot {snapshot}; run with CUTRANS_UPDATE_GOLDEN=1"
    assert actual.decode(errors="surrogateescape") == snapshot.read_text(errors="surrogateescape"), \
        f"{snapshot.name} changed"


def _stable(text: bytes, sample: Path) -> bytes:
    """Snapshots must not depend on where the checkout lives."""
    return text.replace(str(sample.parent).encode(), b"<samples>")


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_ir(sample):
    _check(HERE / "ir" / f"{sample.stem}.ir", print_ir(loaded_unit(sample).module).encode())


# one sample's targets next to each other, so that a test process parses it once (conftest.loaded_unit)
@pytest.mark.parametrize("sample, target", [(s, t) for s in SAMPLES for t in ("opencl", "cpu")],
                         ids=lambda v: v.stem if isinstance(v, Path) else v)
def test_backend_output(sample, target):
    output = backend_for(target).translate(loaded_unit(sample), {})
    for name, data in sorted(output.files.items()):
        _check(HERE / target / name, _stable(data, sample))
