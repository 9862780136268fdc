"""runtime_shims/hip/cutrans_hip_atomic16.h: the compare-and-swap loop behind atomicAdd on __half, __half2,
__nv_bfloat16 and __nv_bfloat162 in HIP output for HIP releases without them.

hipcc (CI's Debian HIP 5.2) only compiles device code here, so the loop is run on the CPU emulation of HIP
(translator/verify/hip_on_cpu.py), where the emulation's own atomicAdd stands in for the template but the
helper it calls, cutrans_atomic_add16, is the one AMD GPUs run. Threads of two blocks add to the two
halves of the same 32-bit words: each update must change its own 16 bits only, at either offset in the
word, and come back with the value it replaced. One thread then adds where the rounding shows (a tie to
even, the largest half overflowing, subnormals, signed zeros, a bfloat16 tie)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from tests.conftest import ROOT
from translator.diagnostics import CutransError
from translator.verify import hip_on_cpu

HIP_SHIMS = ROOT / "runtime_shims" / "hip"

PROGRAM = r"""
#include <hip/hip_runtime.h>
#include "cutrans_hip_bf16.h"
#include <cstdio>
#include <cstring>

template <typename T> static unsigned short bits(T x) { unsigned short u; memcpy(&u, &x, 2); return u; }
template <typename T> static T make(unsigned u) { unsigned short s = (unsigned short)u; T x; memcpy(&x, &s, 2); return x; }

__global__ void neighbours(__half *h, __nv_bfloat16 *b, int *olds)
{
    int t = blockIdx.x * blockDim.x + threadIdx.x;
    __half old = cutrans_atomic_add16(&h[t % 4], make<__half>(0x3c00u));              /* + 1.0 */
    __nv_bfloat16 old_b = cutrans_atomic_add16(&b[t % 4], make<__nv_bfloat16>(0x4000u)); /* + 2.0 */
    atomicAdd(&olds[t % 4], (int)__half2float(old));
    atomicAdd(&olds[4 + t % 4], (int)__bfloat162float(old_b));
}

__global__ void rounding(__half *h, __nv_bfloat16 *b, unsigned short *out)
{
    const unsigned steps[][2] = {   /* start, addend: halves */
        {0x6800u, 0x3c00u}, {0x6800u, 0x4200u}, {0x7bffu, 0x4c00u}, {0x0001u, 0x0001u}, {0x8000u, 0x8000u},
        {0x0000u, 0x8000u}, {0x3c00u, 0xbc00u}, {0x7c00u, 0x3c00u}};
    const unsigned bf16_steps[][2] = {
        {0x4380u, 0x3f80u}, {0x4380u, 0x4040u}, {0x7f7fu, 0x7b00u}, {0x0001u, 0x0001u}, {0x8000u, 0x8000u},
        {0x3f80u, 0xbf80u}};
    for (int i = 0; i < 8; ++i) {
        h[5] = make<__half>(steps[i][0]);
        out[2 * i] = bits(cutrans_atomic_add16(&h[5], make<__half>(steps[i][1])));
        out[2 * i + 1] = bits(h[5]);
    }
    for (int i = 0; i < 6; ++i) {
        b[6] = make<__nv_bfloat16>(bf16_steps[i][0]);
        out[16 + 2 * i] = bits(cutrans_atomic_add16(&b[6], make<__nv_bfloat16>(bf16_steps[i][1])));
        out[17 + 2 * i] = bits(b[6]);
    }
}

int main()
{
    __half *h;
    __nv_bfloat16 *b;
    int *olds;
    unsigned short *out;
    hipMallocManaged(&h, 8 * sizeof(__half));
    hipMallocManaged(&b, 8 * sizeof(__nv_bfloat16));
    hipMallocManaged(&olds, 8 * sizeof(int));
    hipMallocManaged(&out, 28 * sizeof(unsigned short));
    memset(h, 0, 8 * sizeof(__half));
    memset(b, 0, 8 * sizeof(__nv_bfloat16));
    memset(olds, 0, 8 * sizeof(int));
    h[4] = make<__half>(0x1234u);          /* the neighbours of the cells rounding() updates stay */
    b[7] = make<__nv_bfloat16>(0x5678u);
    neighbours<<<2, 64>>>(h, b, olds);
    hipDeviceSynchronize();
    rounding<<<1, 1>>>(h, b, out);
    hipDeviceSynchronize();
    for (int i = 0; i < 8; ++i) printf("%04x %04x %d\n", bits(h[i]), bits(b[i]), olds[i]);
    for (int i = 0; i < 28; ++i) printf("%04x\n", out[i]);
    return 0;
}
"""

# rounding(): (old, new) per step
HALF_STEPS = [(0x6800, 0x6800),   # 2048 + 1: a tie, to even
              (0x6800, 0x6802),   # 2048 + 3 = 2051: a tie, to even (2052)
              (0x7bff, 0x7c00),   # 65504 + 16: a tie, to even, which is infinity
              (0x0001, 0x0002),   # subnormals
              (0x8000, 0x8000),   # -0 + -0
              (0x0000, 0x0000),   # +0 + -0
              (0x3c00, 0x0000),   # 1 - 1 = +0
              (0x7c00, 0x7c00)]   # inf + 1
BF16_STEPS = [(0x4380, 0x4380),   # 256 + 1: a tie, to even
              (0x4380, 0x4382),   # 256 + 3 = 259: a tie, to even (260)
              (0x7f7f, 0x7f80),   # the largest bfloat16 + 2^119: a tie, to even, which is infinity
              (0x0001, 0x0002),
              (0x8000, 0x8000),
              (0x3f80, 0x0000)]


@pytest.fixture(scope="module")
def printed(tmp_path_factory) -> list[str]:
    if shutil.which(os.environ.get("CXX", "c++").split()[0]) is None:
        pytest.skip("no host C++ compiler (c++ or $CXX) to build HIP for the CPU emulation")
    root = tmp_path_factory.mktemp("hip_atomic16")
    source = root / "atomic16.hip"
    source.write_text(PROGRAM)
    try:
        hip_on_cpu.build_on_cpu(source, root / "atomic16", "gfx90a", include_dirs=(HIP_SHIMS,), workdir=root / "work")
    except CutransError as exc:
        pytest.fail(f"the program did not build for the CPU emulation of HIP:\n{exc}")
    done = subprocess.run([str(root / "atomic16")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.split("\n")


def test_updates_of_both_halves_of_a_word_keep_each_other(printed):
    cells = [line.split() for line in printed[:8]]
    threads_per_cell = 2 * 64 // 4
    for i in range(4):
        half, bf16, olds = cells[i]
        assert int(half, 16) == 0x5000, f"h[{i}]: {threads_per_cell} additions of 1.0 give 32.0"
        assert int(bf16, 16) == 0x4280, f"b[{i}]: {threads_per_cell} additions of 2.0 give 64.0"
        # the old values are 0, 1, ..., 31 in some order, and every one comes back once
        assert int(olds) == sum(range(threads_per_cell)), f"the old __half values of cell {i}"
        assert int(cells[4 + i][2]) == 2 * sum(range(threads_per_cell)), f"the old bfloat16 values of cell {i}"
    assert cells[4][0] == "1234" and cells[7][1] == "5678", "a neighbour of an updated cell changed"


def test_each_sum_is_rounded_once_to_nearest_even(printed):
    out = [int(v, 16) for v in printed[8:36]]
    assert list(zip(out[0:16:2], out[1:16:2])) == HALF_STEPS
    assert list(zip(out[16:28:2], out[17:28:2])) == BF16_STEPS
