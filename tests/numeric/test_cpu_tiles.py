"""runtime_shims/cpu/cpurt_tiles.h, the tile routines of the CPU target's per-warp tensor-core helpers: each
vector path (AVX-512, AVX with FMA and F16C) gives the same bits as the portable loop, on every WMMA f16
shape, for halves drawn from all 65536 bit patterns (NaNs, infinities and subnormals included). The
portable loop is the definition (lower_matrix_ops.py: one fmaf per step, k ascending; a transpose moves
exact values), and test_warp_matrix_exact.py checks the kernels that use it against the reference
emulation. Each build's output is compared bit for bit with the build that has no vector path, except
that a NaN matches any NaN, as verify compares them (translator/verify/buffers.py): when two operands of an
x86 fma are NaNs, the payload passed on is that of the first in the instruction, and the compiler may
swap the factors."""

from __future__ import annotations

import platform
import subprocess
from pathlib import Path

import pytest

from tests.conftest import ROOT
from translator.verify import toolchain

RUNTIME = ROOT / "runtime_shims" / "cpu"

PROGRAM = r"""
#include <stdio.h>
#include <string.h>
#include "cpurt_tiles.h"

static unsigned int state = 12345u;
static unsigned short next_bits(void) { state = state * 1664525u + 1013904223u; return (unsigned short)(state >> 16); }

/* a half with any bits one time in eight, else a small value (so that sums are not all NaN or infinite) */
static _Float16 next_half(void)
{
    unsigned short bits = next_bits();
    _Float16 h;
    if ((bits & 7u) == 0u) {
        unsigned short any = next_bits();
        memcpy(&h, &any, 2);
        return h;
    }
    return (_Float16)((float)((int)(bits >> 3) % 97 - 48) / 8.0f);
}

static void dump(const float *v, unsigned int count)
{
    unsigned int hash = 2166136261u;
    for (unsigned int i = 0u; i < count; ++i) {
        unsigned int bits;
        memcpy(&bits, &v[i], 4);
        if (v[i] != v[i]) bits = 0x7fc00000u;      /* any NaN */
        hash = (hash ^ bits) * 16777619u;
    }
    printf("%08x\n", hash);
}

int main(void)
{
    static const unsigned int shapes[][3] = {{16, 16, 16}, {32, 8, 16}, {8, 32, 16}};
    enum { LDM = 40 };
    _Float16 mem[LDM * 40];
    float a[32 * 16], b[16 * 32], c[32 * 32], d[32 * 32];
    for (int round = 0; round < 50; ++round) {
        for (unsigned int s = 0u; s < 3u; ++s) {
            unsigned int m = shapes[s][0], n = shapes[s][1], k = shapes[s][2];
            for (unsigned int i = 0u; i < LDM * 40u; ++i) mem[i] = next_half();
            cutrans_convert_halves_transposed(b, mem + 3, k, n, LDM);      /* a column-major b tile */
            cutrans_convert_halves_transposed(a, mem + 5, m, k, LDM);      /* and a tile of every shape */
            dump(b, k * n);
            dump(a, m * k);
            for (unsigned int i = 0u; i < m; ++i) cutrans_convert_halves(a + i * k, mem + 7 + i * LDM, k);
            for (unsigned int i = 0u; i < m * n; ++i) c[i] = (float)next_half() * 64.0f;
            cutrans_mma_f32(d, a, b, c, m, n, k);
            dump(d, m * n);
            cutrans_mma_f32(c, a, b, c, m, n, k);                          /* d is c, as mma_sync(acc, a, b, acc) */
            dump(c, m * n);
        }
    }
    return 0;
}
"""

# name -> (flags, the /proc/cpuinfo flags the machine needs to run the build); the first has no vector path
BUILDS = {
    "portable": (["-O2", "-mno-avx"], ()),
    "avx2": (["-O3", "-mavx2", "-mfma", "-mf16c", "-mno-avx512f"], ("avx2", "fma", "f16c")),
    "avx512": (["-O3", "-mavx512f", "-mavx2", "-mfma", "-mf16c"], ("avx512f", "fma", "f16c")),
    "native": (["-O3", "-march=native"], ()),
}


def _cpu_flags() -> set[str]:
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return set()
    return {f for line in text.splitlines() if line.startswith("flags") for f in line.split(":", 1)[1].split()}


def _run(cc, work: Path, name: str, flags: list[str]) -> str:
    exe = work / name
    build = subprocess.run([*cc.command, "-std=gnu11", *flags, f"-I{RUNTIME}", str(work / "tiles.c"), "-o", str(exe),
                            "-lm"], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    run = subprocess.run([str(exe)], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    return run.stdout


@pytest.mark.toolchain
def test_every_vector_path_gives_the_portable_bits(tmp_path):
    if platform.machine() not in ("x86_64", "AMD64"):
        pytest.skip("the vector paths are x86-64's (AVX, F16C, FMA, AVX-512F)")
    cc = toolchain.find_cc()
    if isinstance(cc, str):
        pytest.skip(cc)
    (tmp_path / "tiles.c").write_text(PROGRAM)
    have = _cpu_flags()
    reference = _run(cc, tmp_path, "portable", BUILDS["portable"][0])
    assert reference.count("\n") == 50 * 3 * 4
    ran = []
    for name, (flags, needs) in list(BUILDS.items())[1:]:
        if not set(needs) <= have:
            continue
        assert _run(cc, tmp_path, name, flags) == reference, f"the {name} build differs from the portable one"
        ran.append(name)
    assert "native" in ran
