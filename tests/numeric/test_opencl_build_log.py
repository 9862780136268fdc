"""A translated program whose OpenCL C fails to build names the CUDA line each error comes from: the OpenCL
backend gives the runtime a line map (translator/backends/line_map.py), and oclrt adds a note per log line."""

from __future__ import annotations

import subprocess

import pytest

from tests.conftest import need
from translator.driver import load_unit
from translator.frontend.clang_setup import CompileOptions
from translator.verify import toolchain
from translator.verify.build import build_translation

SOURCE = """#include <cstdio>
__global__ void square(float *v, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        float x = v[i];
        v[i] = x * x;
    }
}

int main()
{
    float *d;
    cudaMalloc(&d, 64 * sizeof(float));
    square<<<1, 64>>>(d, 64);
    cudaError_t err = cudaDeviceSynchronize();
    printf("%s\\n", cudaGetErrorString(err));
    return 0;
}
"""


@pytest.mark.toolchain
def test_build_error_is_mapped_to_the_cuda_line(tmp_path):
    need("cpu", toolchain.find_cxx())
    need("opencl", toolchain.find_opencl())
    source = tmp_path / "square.cu"
    source.write_text(SOURCE)
    build = tmp_path / "build"
    build.mkdir()
    exe, env = build_translation("opencl", [load_unit(str(source))], build, CompileOptions())
    kernels = build / "square.cl"
    text = kernels.read_text()
    assert "v[i] = x * x;" in text
    kernels.write_text(text.replace("v[i] = x * x;", "v[i] = x * undeclared_in_cuda;"))   # as a bad edit would
    broken_line = next(n for n, line in enumerate(kernels.read_text().splitlines(), 1) if "undeclared_in_cuda" in line)
    run = subprocess.run([str(exe)], cwd=build, capture_output=True, text=True, timeout=120, env=env)
    assert "square.cl: error: the OpenCL C build failed" in run.stderr
    assert f"square.cu:7: note: line {broken_line} of square.cl above comes from here" in run.stderr, run.stderr
