"""runtime_shims/common/cutrans_fp16.h, the __half of a translated program's host code: every one of the
65536 halves converts to the float numpy gives, and floats and doubles round to the half numpy gives
(round to nearest even; ties, subnormals, overflow to infinity, NaN), checked bit for bit."""

from __future__ import annotations

import struct
import subprocess

import numpy as np
import pytest

from tests.conftest import ROOT, need
from translator.verify import toolchain

PROGRAM = r"""
#include <cstdio>
#include <cstring>
#include "cutrans_fp16.h"
int main() {
    for (unsigned u = 0; u < 65536; ++u) {
        float f = __half2float(__ushort_as_half((unsigned short)u));
        unsigned bits; std::memcpy(&bits, &f, 4);
        std::printf("%u\n", bits);
    }
    unsigned fb;
    while (std::scanf("%u", &fb) == 1) {
        float f; std::memcpy(&f, &fb, 4);
        std::printf("%u %u\n", (unsigned)__half_as_ushort(__float2half(f)), (unsigned)__half_as_ushort(__half((double)f)));
    }
    return 0;
}
"""


def _floats() -> np.ndarray:
    rng = np.random.default_rng(7)
    halves = np.arange(65536, dtype=np.uint16).view(np.float16).astype(np.float32)
    finite = halves[np.isfinite(halves)]
    upper = np.nextafter(finite[1:], np.float32(np.inf))
    ties = ((finite[:-1].astype(np.float64) + finite[1:]) / 2).astype(np.float32)   # exact midpoints
    specials = np.array([0.0, -0.0, 65504.0, 65519.99, 65520.0, 70000.0, np.inf, -np.inf, np.nan, 1e-8, 2.0 ** -25,
                         2.0 ** -24 * 1.5, 5.96e-8], dtype=np.float32)
    return np.concatenate([ties, upper, specials, rng.uniform(-70000, 70000, 4000).astype(np.float32),
                           (rng.standard_normal(4000) * 1e-4).astype(np.float32)])


@pytest.mark.toolchain("c++")
def test_host_half_conversions_match_ieee_binary16(tmp_path):
    cxx = need("cpu", toolchain.find_cxx())
    src = tmp_path / "fp16.cpp"
    src.write_text(PROGRAM)
    exe = tmp_path / "fp16"
    subprocess.run([*cxx.command, "-std=c++17", "-O1", f"-I{ROOT / 'runtime_shims' / 'common'}", str(src), "-o",
                    str(exe)], check=True, capture_output=True)
    floats = _floats()
    stdin = "\n".join(str(b) for b in floats.view(np.uint32))
    out = subprocess.run([str(exe)], input=stdin, capture_output=True, text=True, check=True).stdout.split("\n")
    to_float = np.array([int(x) for x in out[:65536]], dtype=np.uint32).view(np.float32)
    want = np.arange(65536, dtype=np.uint16).view(np.float16).astype(np.float32)
    same = (to_float.view(np.uint32) == want.view(np.uint32)) | (np.isnan(to_float) & np.isnan(want))
    assert same.all(), np.nonzero(~same)[0][:10]
    pairs = [tuple(int(v) for v in line.split()) for line in out[65536:] if line]
    got_float, got_double = (np.array(col, dtype=np.uint16).view(np.float16) for col in zip(*pairs))
    with np.errstate(over="ignore"):             # the values past 65520 are meant to overflow
        expect = floats.astype(np.float16)
    for got in (got_float, got_double):
        ok = (got.view(np.uint16) == expect.view(np.uint16)) | (np.isnan(got) & np.isnan(expect))
        bad = np.nonzero(~ok)[0]
        assert not len(bad), [(float(floats[i]), hex(struct.unpack('<I', struct.pack('<f', floats[i]))[0]),
                               hex(int(got.view(np.uint16)[i])), hex(int(expect.view(np.uint16)[i]))) for i in bad[:5]]
