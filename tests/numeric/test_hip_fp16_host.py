"""runtime_shims/hip/cutrans_hip_fp16.h gives HIP before 6.4 CUDA's host-side __half operators. A host-only
program built with Debian's hipcc (HIP 5.2, whose own operators are device-only) applies each operator to
pairs of halves (zeros, subnormals, normals, the largest finite, infinities, NaN, and values whose sums and
quotients round to even); numpy's float16 arithmetic, which is correctly rounded, gives the expected bits.
NaN results are compared as NaN; negation must flip the sign bit of every input, NaN included."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import numpy as np
import pytest

from translator.verify.toolchain import find_hipcc

pytestmark = pytest.mark.toolchain("hipcc")

HIP_SHIMS = Path(__file__).resolve().parents[2] / "runtime_shims" / "hip"

PROGRAM = r"""
#include "cutrans_hip_fp16.h"
#include <cstdio>
#include <cstring>
static unsigned short bits(__half h) { unsigned short u; memcpy(&u, &h, 2); return u; }
static __half make(unsigned u) { unsigned short s = (unsigned short)u; __half h; memcpy(&h, &s, 2); return h; }
int main() {
    unsigned x, y;
    while (scanf("%x %x", &x, &y) == 2) {
        __half a = make(x), b = make(y), c = a, d = a;
        c += b;
        ++d;
        printf("%04x %04x %04x %04x %04x %04x %04x %d%d%d%d%d%d\n", bits(-a), bits(a + b), bits(a - b), bits(a * b),
               bits(a / b), bits(c), bits(d), a == b, a != b, a < b, a <= b, a > b, a >= b);
    }
    return 0;
}
"""

SPECIAL = [0x0000, 0x8000, 0x0001, 0x8001, 0x03ff, 0x0400, 0x3c00, 0xbc00, 0x3c01, 0x3555, 0x4248, 0x7bff,
           0xfbff, 0x7c00, 0xfc00, 0x7e00, 0x7d01, 0x6800, 0x6801, 0x1400, 0x0200]


def _halves() -> np.ndarray:
    rng = np.random.default_rng(7)
    return np.concatenate([np.array(SPECIAL, dtype=np.uint16),
                           rng.integers(0, 1 << 16, 60, dtype=np.uint64).astype(np.uint16)])


def _expected(a: np.ndarray, b: np.ndarray) -> list[np.ndarray]:
    x, y = a.view(np.float16), b.view(np.float16)
    with np.errstate(all="ignore"):
        values = [x + y, x - y, x * y, x / y, x + y, x + np.float16(1)]
        compares = [x == y, x != y, x < y, x <= y, x > y, x >= y]
    return values, compares


def test_host_operators_give_the_correctly_rounded_half(tmp_path):
    hip = find_hipcc()
    if isinstance(hip, str):
        pytest.skip(hip)
    source = tmp_path / "ops.hip"
    source.write_text(PROGRAM)
    exe = tmp_path / "ops"
    build = subprocess.run([*hip.command, *hip.flags, "-I", str(HIP_SHIMS), str(source), "-o", str(exe)],
                           capture_output=True, text=True, env={**os.environ, **dict(hip.env)}, timeout=300)
    assert build.returncode == 0, build.stderr[-4000:]
    halves = _halves()
    a, b = (g.ravel() for g in np.meshgrid(halves, halves))
    run = subprocess.run([str(exe)], input="".join(f"{x:x} {y:x}\n" for x, y in zip(a, b)), capture_output=True,
                         text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    rows = [line.split() for line in run.stdout.splitlines()]
    assert len(rows) == len(a)
    got = np.array([[int(v, 16) for v in r[:7]] for r in rows], dtype=np.uint16)
    assert (got[:, 0] == (a ^ 0x8000)).all(), "negation must flip the sign bit only"
    values, compares = _expected(a, b)
    for column, want in enumerate(values, start=1):
        have = got[:, column].view(np.float16)
        nan = np.isnan(want)
        assert (np.isnan(have) == nan).all(), f"column {column}: NaN where numpy has none, or the reverse"
        bad = np.flatnonzero(have[~nan].view(np.uint16) != want[~nan].view(np.uint16))
        assert bad.size == 0, f"column {column}: {bad.size} results differ, first for " \
                              f"{a[~nan][bad[0]]:04x}, {b[~nan][bad[0]]:04x}"
    flags = np.array([[c == "1" for c in r[7]] for r in rows])
    assert (flags == np.stack(compares, axis=1)).all()
