"""Unsigned 32-bit offsets into __shared__ memory wrap as the GPU's 32-bit shared window wraps them
(translator/passes/shared_offsets.py). HeCBench merge's `B_shared[~Ax]` reads B_shared[-Ax - 1] on an H200;
the CPU translation read 16 GB away and crashed.

The emulation cannot be the reference here: it compiles the CUDA source with the host compiler, where such an
index is zero-extended to 64 bits as C++ says, and crashes the same way. So the program checks itself with the
values the GPU reads, and each translation must print PASS."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import need
from translator.driver import load_unit
from translator.frontend.clang_setup import CompileOptions
from translator.verify import toolchain
from translator.verify.build import build_translation

PROGRAM = r"""
#include <cstdio>
#include <cuda_runtime.h>

__global__ void wrapped_reads(const unsigned *in, unsigned *out)
{
    __shared__ unsigned tile[64];
    unsigned t = threadIdx.x;
    tile[t] = in[t];
    __syncthreads();
    unsigned *mid = tile + 33;
    unsigned k = t % 16, i = t % 4;
    out[4 * t] = mid[~k];                       // tile[32 - k]: ~k is 2^32 - k - 1
    unsigned *q = tile + 40;
    q -= 0xffffffffu;                           // q + 1
    out[4 * t + 1] = *q;
    out[4 * t + 2] = mid[i - 1u];               // tile[32 + i]: i - 1u wraps when i is 0
    unsigned *p = mid + (0u - 3u);              // tile + 30
    out[4 * t + 3] = p[0] + (tile + 0xfffffffeu)[34];   // tile[30] + tile[32]
}

int main()
{
    unsigned h[64], got[256], *d_in, *d_out;
    for (int j = 0; j < 64; ++j) h[j] = 7u * j + 1u;
    cudaMalloc((void **)&d_in, sizeof h);
    cudaMalloc((void **)&d_out, sizeof got);
    cudaMemcpy(d_in, h, sizeof h, cudaMemcpyHostToDevice);
    wrapped_reads<<<1, 64>>>(d_in, d_out);
    cudaMemcpy(got, d_out, sizeof got, cudaMemcpyDeviceToHost);
    int bad = 0;
    for (unsigned t = 0; t < 64; ++t) {
        unsigned want[4] = {h[32 - t % 16], h[41], h[32 + t % 4], h[30] + h[32]};
        for (int j = 0; j < 4; ++j) bad += got[4 * t + j] != want[j];
    }
    printf("%d wrong\n%s\n", bad, bad ? "FAIL" : "PASS");
    return bad != 0;
}
"""


@pytest.mark.parametrize("target", ["cpu", "opencl"])
def test_unsigned_offsets_into_shared_memory_wrap_at_32_bits(tmp_path, target):
    need("cc", toolchain.find_cc())
    need(target, toolchain.find_openmp() if target == "cpu" else toolchain.find_opencl())
    source = tmp_path / "wrapped_reads.cu"
    source.write_text(PROGRAM)
    exe, env = build_translation(target, [load_unit(str(source))], tmp_path / "out", CompileOptions())
    proc = subprocess.run([str(exe)], capture_output=True, text=True, timeout=120, env=env, cwd=exe.parent)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.split() == ["0", "wrong", "PASS"]
