"""AMD offload architectures: the wavefront width of each, and which arch a translation targets.

The HIP backend uses the width to decide whether code written for CUDA's 32-lane warps needs the warp-size
rewrite (translator/backends/hip_warp.py); verify runs the HIP output on the CPU emulation at that width
(translator/verify/hip_on_cpu.py).
"""

from __future__ import annotations

import os

from translator.diagnostics import CutransError, error

ARCH_ENV = "CUTRANS_HIP_ARCH"
DEFAULT_ARCH = "gfx90a"

# Wavefront width by offload arch: exact names first, then the family prefix (longest match wins).
WAVE_WIDTH = {
    "gfx908": 64, "gfx90a": 64, "gfx940": 64, "gfx941": 64, "gfx942": 64,
    "gfx9": 64, "gfx10": 32, "gfx11": 32, "gfx12": 32,
}


# The archs with matrix cores that cutrans_hip_wmma.h's matrix-core mode runs on, and their generation. All of
# them have the 16-block instructions it uses (v_mfma_f32_4x4x4f16, v_mfma_f32_4x4x1f32, v_mfma_i32_4x4x4i8;
# the *_16b forms on CDNA3), per AMD's matrix instruction calculator. RDNA (gfx10-gfx12) has none of them.
MATRIX_CORES = {"gfx908": "CDNA1", "gfx90a": "CDNA2", "gfx940": "CDNA3", "gfx941": "CDNA3", "gfx942": "CDNA3"}


def has_matrix_cores(arch: str) -> bool:
    return arch.split(":", 1)[0].strip().lower() in MATRIX_CORES


def wave_width(arch: str) -> int:
    """Lanes per wavefront of `arch` (an --offload-arch such as gfx90a or gfx1030, features allowed:
    gfx90a:xnack+). Raises CutransError (V005) for an arch the table does not know."""
    base = arch.split(":", 1)[0].strip().lower()
    for key in sorted(WAVE_WIDTH, key=len, reverse=True):
        if base == key or (len(key) < 6 and base.startswith(key)):
            return WAVE_WIDTH[key]
    raise CutransError(error("V005", f"unknown AMD offload arch '{arch}': its wavefront width is not known "
                             f"(known: {', '.join(k for k in WAVE_WIDTH if len(k) >= 6)}, gfx9*, gfx10*-gfx12*)"))


def cpu_arch(hipcc_arch: str | None) -> str:
    """The arch whose wavefront the CPU run uses: $CUTRANS_HIP_ARCH, else hipcc's, else gfx90a."""
    return os.environ.get(ARCH_ENV) or hipcc_arch or DEFAULT_ARCH
