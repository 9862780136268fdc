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
    "device_assert": ("""
#include <cassert>
__global__ void checked(const int *in, int *out) {
    assert(in[threadIdx.x] >= 0);
    out[threadIdx.x] = in[threadIdx.x];
}""", "L002", "convert with -DNDEBUG"),
    "cub_raking_reduce": ("""
#include <cub/cub.cuh>
__global__ void sums(const float *in, float *out) {
    using R = cub::BlockReduce<float, 128, cub::BLOCK_REDUCE_RAKING>;
    __shared__ R::TempStorage temp;
    out[blockIdx.x] = R(temp).Sum(in[threadIdx.x]);
}""", "L003", "the RAKING algorithms combine the values in another order"),
    "cub_lambda_operator": ("""
#include <cub/cub.cuh>
__global__ void maxima(const float *in, float *out) {
    using R = cub::BlockReduce<float, 128>;
    __shared__ R::TempStorage temp;
    out[blockIdx.x] = R(temp).Reduce(in[threadIdx.x], [](float a, float b) { return a > b ? a : b; });
}""", "L003", "not with a lambda, a function template or a pointer"),
    "cub_operator_with_state": ("""
#include <cub/cub.cuh>
struct Capped { float cap; __device__ float operator()(float a, float b) const { return fminf(a + b, cap); } };
__global__ void sums(const float *in, float *out) {
    using R = cub::BlockReduce<float, 128>;
    __shared__ R::TempStorage temp;
    out[blockIdx.x] = R(temp).Reduce(in[threadIdx.x], Capped{4.0f});
}""", "L003", "only a struct without data, not a template, with one operator()"),
    "cub_operator_converting_reference": ("""
#include <cub/cub.cuh>
struct Odd { __device__ float operator()(const double &a, float b) const { return a + b; } };
__global__ void sums(const float *in, float *out) {
    using R = cub::BlockReduce<float, 128>;
    __shared__ R::TempStorage temp;
    out[blockIdx.x] = R(temp).Reduce(in[threadIdx.x], Odd());
}""", "L003", "must take two values of the element type"),
    "array_compound_literal": ("""
__global__ void pick(int *out) {
    out[threadIdx.x] = ((int[]){4, 5, 6})[threadIdx.x % 3];
}""", "L001", "a compound literal is only supported as a struct value"),
    "template_template_default": ("""
template <typename T> struct SumOp { __device__ static T op(T a, T b) { return a + b; } };
template <typename T, template <class> class Func = SumOp>
__device__ T twice(T v) { return Func<T>::op(v, v); }
__global__ void k(float *out) { out[threadIdx.x] = twice(out[threadIdx.x]); }
""", "L001", "cannot tell the template argument for template template parameter 'Func'"),
    "kernel_and_kernel_template_overloads_in_a_dependent_launch": ("""
__global__ void fill(int *p) { p[threadIdx.x] = 1; }
template <class T> __global__ void fill(T *p, T v) { p[threadIdx.x] = v; }
template <typename T> void run(T *d) { fill<<<1, 32>>>(d); }
int main() { int *a = 0; run(a); }
""", "L001", "this launch's kernel depends on template parameters of the enclosing function"),
    "member_template_not_deducible": ("""
struct Convert { template <class R, class T> __device__ R to(T x) const { return (R)x; } };
__global__ void ints(const float *in, int *out) {
    out[threadIdx.x] = Convert().to<int>(in[threadIdx.x]);
}""", "L001", "cannot tell the template arguments of 'to'"),
    "member_template_of_class_template": ("""
template <class S> struct Scaled {
    template <class T> __device__ T times(T x) const { return x * (T)sizeof(S); }
};
__global__ void scale(const float *in, float *out) {
    out[threadIdx.x] = Scaled<double>().times(in[threadIdx.x]);
}""", "L001", "not a template and is declared in a namespace"),
    "cub_private_storage": ("""
#include <cub/cub.cuh>
__global__ void sums(const float *in, float *out) {
    out[blockIdx.x] = cub::BlockReduce<float, 128>().Sum(in[threadIdx.x]);
}""", "L003", "made without TempStorage"),
    "cub_block_of_24": ("""
#include <cub/cub.cuh>
__global__ void sums(const int *in, int *out) {
    using R = cub::BlockReduce<int, 24>;
    __shared__ R::TempStorage temp;
    out[blockIdx.x] = R(temp).Sum(in[threadIdx.x]);
}""", "L003", "fewer than 32, not a power of two"),
    "cub_items_per_thread": ("""
#include <cub/cub.cuh>
__global__ void sums(const float *in, float *out) {
    using R = cub::BlockReduce<float, 64>;
    __shared__ R::TempStorage temp;
    float items[4] = {in[threadIdx.x], in[threadIdx.x + 64], in[threadIdx.x + 128], in[threadIdx.x + 192]};
    out[blockIdx.x] = R(temp).Sum(items);
}""", "L003", "an array of inputs per thread"),
    "cg_reduce_lambda": ("""
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>
namespace cg = cooperative_groups;
__global__ void sums(const float *in, float *out) {
    cg::thread_block_tile<32> w = cg::tiled_partition<32>(cg::this_thread_block());
    out[threadIdx.x] = cg::reduce(w, in[threadIdx.x], [](float a, float b) { return a + b; });
}""", "L003", "cg::reduce is translated with cg::plus, less, greater"),
    "cg_reduce_function_template": ("""
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>
namespace cg = cooperative_groups;
template <typename T> __device__ T add(T a, T b) { return a + b; }
__global__ void sums(const float *in, float *out) {
    cg::thread_block_tile<32> w = cg::tiled_partition<32>(cg::this_thread_block());
    out[threadIdx.x] = cg::reduce(w, in[threadIdx.x], add<float>);
}""", "L003", "an instance of a function template"),
    "cub_float_scan": ("""
#include <cub/cub.cuh>
__global__ void sums(const float *in, float *out) {
    using S = cub::BlockScan<float, 64>;
    __shared__ S::TempStorage temp;
    S(temp).InclusiveSum(in[threadIdx.x], out[threadIdx.x]);
}""", "L003", "cub::BlockScan is translated for integers only"),
    "cub_scan_with_operator": ("""
#include <cub/cub.cuh>
__global__ void maxima(const int *in, int *out) {
    using S = cub::BlockScan<int, 64>;
    __shared__ S::TempStorage temp;
    S(temp).InclusiveScan(in[threadIdx.x], out[threadIdx.x], cub::Max());
}""", "L003", "ExclusiveSum and InclusiveSum of one item per thread are"),
    "for_loop_in_macro_without_condition": ("""
#define SPIN(v) for (int k = 0; ; ++k) { if (v[k] < 0) break; }
__global__ void first_negative(const int *in, int *out) {
    SPIN(in)
    out[threadIdx.x] = 1;
}""", "L001", "a loop that a macro writes without all of its init, condition and step"),
    "cub_warp_of_12": ("""
#include <cub/cub.cuh>
__global__ void sums(const int *in, int *out) {
    using R = cub::WarpReduce<int, 12>;
    __shared__ R::TempStorage temp[8];
    out[threadIdx.x] = R(temp[threadIdx.x / 12]).Sum(in[threadIdx.x]);
}""", "L003", "a logical warp of 12 threads is reduced by CUB's WarpReduceSmem"),
    "cub_warp_segmented": ("""
#include <cub/cub.cuh>
__global__ void sums(const int *in, const int *heads, int *out) {
    using R = cub::WarpReduce<int>;
    __shared__ R::TempStorage temp[4];
    out[threadIdx.x] = R(temp[threadIdx.x / 32]).HeadSegmentedSum(in[threadIdx.x], heads[threadIdx.x]);
}""", "L003", "cub::WarpReduce::HeadSegmentedSum is not translated"),
    "cub_warp_lambda_operator": ("""
#include <cub/cub.cuh>
__global__ void maxima(const float *in, float *out) {
    using R = cub::WarpReduce<float>;
    __shared__ R::TempStorage temp[4];
    out[threadIdx.x] = R(temp[threadIdx.x / 32]).Reduce(in[threadIdx.x], [](float a, float b) { return a + b; });
}""", "L003", "cub::WarpReduce::Reduce is translated with cub::Sum()"),
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
