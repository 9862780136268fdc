"""Constructs no target can translate yet: each stops `cutrans convert` with a diagnostic that carries a
stable code and exits 1, on the OpenCL and CPU targets, instead of producing code (issue 4)."""

from __future__ import annotations

import json

import pytest

from translator.cli import main
from translator.diagnostics import CODES

CASES = {
    "inline_ptx": ("""
__global__ void lane_ids(int *out) {
    int lane;
    asm volatile("mov.u32 %0, %%laneid;" : "=r"(lane));
    out[threadIdx.x] = lane;
}""", "L009", "inline assembly"),
    "recursion": ("""
__device__ int factorial(int n) { return n <= 1 ? 1 : n * factorial(n - 1); }
__global__ void factorials(int *out) { out[threadIdx.x] = factorial(threadIdx.x); }
""", "L004", "recursion through 'factorial'"),
    "function_pointer": ("""
__device__ int twice(int x) { return 2 * x; }
__global__ void apply(int *out) {
    int (*f)(int) = twice;
    out[threadIdx.x] = f(threadIdx.x);
}""", "L003", "function pointers"),
    "dynamic_parallelism": ("""
__global__ void child(int *out) { out[threadIdx.x] = 1; }
__global__ void parent(int *out) { if (threadIdx.x == 0) child<<<1, 32>>>(out); }
""", "P002", "kernel launch from"),
    "texture_fetch": ("""
#include <cuda_runtime.h>
__global__ void gather(cudaTextureObject_t tex, float *out) {
    out[threadIdx.x] = tex1Dfetch<float>(tex, threadIdx.x);
}""", "L008", "'tex1Dfetch': textures"),
    "texture_2d": ("""
#include <cuda_runtime.h>
__global__ void sample(cudaTextureObject_t tex, float *out) {
    out[threadIdx.x] = tex2D<float>(tex, 0.5f, threadIdx.x + 0.5f);
}""", "L008", "'tex2D'"),
    "mutable_static_local": ("""
__global__ void count(int *out) {
    static int calls = 0;      // one variable shared by every thread: a race, not a constant
    out[threadIdx.x] = ++calls;
}""", "L001", "only when they are const"),
    "raw_string_table": ("""
__global__ void letters(char *out) {
    const char names[] = R"(x\\y)";
    out[threadIdx.x] = names[threadIdx.x % 3];
}""", "L001", "not raw, wide or UTF-16/32"),
}


@pytest.mark.parametrize("target", ["opencl", "cpu"])
@pytest.mark.parametrize("case", sorted(CASES))
def test_refused_with_a_stable_code(case, target, cuda_file, tmp_path, capsys):
    source, code, words = CASES[case]
    path = cuda_file(source, f"{case}.cu")
    out = tmp_path / "out"
    rc = main(["convert", path, "--to", target, "-o", str(out), "--output-format", "json"])
    assert rc == 1
    diags = json.loads(capsys.readouterr().err)["diagnostics"]
    errors = [d for d in diags if d["severity"] == "error"]
    assert errors, diags
    first = errors[0]
    assert first["code"] == code and CODES[code].status == "stable"
    assert words in first["message"]
    assert first["path"].endswith(f"{case}.cu") and first["line"] > 0
    assert not out.exists() or not any(out.iterdir())      # nothing written
