"""A barrier that the threads of a block truly disagree on is undefined behaviour in CUDA. On the CPU
target it sits under a condition no static analysis can prove uniform, so the output checks at run
time that all threads agree (translator/backends/cpu_uniform_check.py): the program must stop with
an error naming the kernel and the source line, not print a result and not hang."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import need
from translator.driver import load_unit
from translator.frontend.clang_setup import CompileOptions
from translator.verify import toolchain
from translator.verify.build import build_translation

PROGRAM = """\
#include <cstdio>
#include <cuda_runtime.h>

__global__ void {kernel}(int *out, const int *limit)
{{
    __shared__ int s[64];
    int t = threadIdx.x;
    s[t] = t;
    {guard} {{
        __syncthreads();
        out[t] = s[63 - t];
    }}
}}

int main()
{{
    int *out, *limit, h[64] = {{0}};
    int lim = 5;
    cudaMalloc((void **)&out, sizeof(h));
    cudaMalloc((void **)&limit, sizeof(int));
    cudaMemcpy(limit, &lim, sizeof(int), cudaMemcpyHostToDevice);
    {kernel}<<<2, 64>>>(out, limit);
    cudaDeviceSynchronize();
    cudaMemcpy(h, out, sizeof(h), cudaMemcpyDeviceToHost);
    printf("RESULT %d\\n", h[0]);
    return 0;
}}
"""

# guard, and whether every thread of the block agrees on it (lim is 5)
CASES = {
    "divergent_if": ("if (t < limit[0])", False),
    "divergent_loop": ("for (int i = 0; i < t % 3; ++i)", False),
    "uniform_if": ("if (limit[0] > 2)", True),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_divergent_barrier_stops_with_error(tmp_path, name):
    need("cc", toolchain.find_cc())
    need("openmp", toolchain.find_openmp())
    guard, agrees = CASES[name]
    source = tmp_path / f"{name}.cu"
    source.write_text(PROGRAM.format(kernel=name, guard=guard))
    unit = load_unit(str(source))
    exe, env = build_translation("cpu", [unit], tmp_path / "out", CompileOptions())
    proc = subprocess.run([str(exe)], capture_output=True, text=True, timeout=60, env=env)
    if agrees:
        assert proc.returncode == 0, proc.stderr
        assert "RESULT 63" in proc.stdout
        return
    assert proc.returncode != 0
    assert "RESULT" not in proc.stdout
    assert f"{name}.cu:9: error:" in proc.stderr, proc.stderr          # the line of the guard
    assert f"kernel '{name}'" in proc.stderr and "__syncthreads()" in proc.stderr, proc.stderr
