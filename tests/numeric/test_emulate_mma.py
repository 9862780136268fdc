"""nvcuda::wmma on the CPU emulation (runtime_shims/emulate/include/mma.h).

One CUDA program, built the way the emulation reference builds every program (translator/verify/reference.py)
and launched as one warp, runs tf32, 8-bit integer, double and half products and compares them bit for bit
with naive loops of the defined semantics written in the program; __float_to_tf32 is checked against the
expected bits listed here. The double product updates C in place, which needs the warp rendezvous of the
*_sync functions (every lane loads before any lane stores). Each comparison also counts how often a
plausible wrong semantics (no tf32 truncation, no fma, rounding to half at every step) would differ, so
that a check cannot pass vacuously."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest

from translator.diagnostics import CutransError
from translator.verify.reference import build_reference

pytestmark = [
    pytest.mark.toolchain("c++"),
    pytest.mark.skipif(shutil.which(os.environ.get("CXX", "c++").split()[0]) is None,
                       reason="no host C++ compiler (c++ or $CXX) to build the emulation reference"),
]

# float bits -> __float_to_tf32 bits: round to nearest, ties away from zero, to 10 mantissa bits.
TF32_ROUNDING = {
    0x3F800000: 0x3F800000,  # 1.0 unchanged
    0x3F801000: 0x3F802000,  # 1 + 2^-11: a tie, away from zero (to even would keep 1.0)
    0xBF801000: 0xBF802000,  # the same tie, negative: away from zero in magnitude
    0x3F800FFF: 0x3F800000,  # just below the tie: down
    0x3F801001: 0x3F802000,  # just above the tie: up
    0x3F803000: 0x3F804000,  # a tie next to an odd kept mantissa
    0x3FFFF000: 0x40000000,  # a tie at the top of [1, 2): up into the next binade (2.0)
    0x3FFFFFFF: 0x40000000,  # 1.99999988: rounds to 2.0
    0x7F7FEFFF: 0x7F7FE000,  # near the largest finite value, below the tie: stays finite
    0x7F7FF000: 0x7F800000,  # a tie past the largest tf32 value: infinity
    0x7F7FFFFF: 0x7F800000,  # FLT_MAX: infinity
    0x7F800000: 0x7F800000,  # +inf
    0xFF800000: 0xFF800000,  # -inf
    0x7FC00000: 0x7FC00000,  # quiet NaN
    0x7F800001: 0x7F800000,  # a NaN whose payload is only in the dropped bits: infinity, as on an H100
    0x7FC00001: 0x7FC00000,  # a NaN loses its low 13 bits and stays a NaN (H100)
    0x7FFFFFFF: 0x7FFFE000,  # the same (H100)
    0x7F801000: 0x7F800000,  # a NaN is truncated, not rounded: infinity (H100)
    0x00001000: 0x00002000,  # subnormal tie: away from zero, no flush
    0x00000FFF: 0x00000000,  # subnormal below the tie
    0x80000000: 0x80000000,  # -0
}

PROGRAM = r"""
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <type_traits>
#include <cuda_fp16.h>
#include <mma.h>

using namespace nvcuda;

static const std::uint32_t tf32_inputs[] = {TF32_INPUTS};
static const int tf32_count = sizeof tf32_inputs / sizeof tf32_inputs[0];

template <class T> T *managed(std::size_t n)
{
    T *p = nullptr;
    cudaMallocManaged(&p, n * sizeof(T));
    return p;
}

static std::uint64_t lcg_state = 0x9e3779b97f4a7c15ull;
static std::uint32_t next_u32()
{
    lcg_state = lcg_state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::uint32_t>(lcg_state >> 32);
}
static double uniform(double lo, double hi) { return lo + (hi - lo) * (next_u32() / 4294967296.0); }

static std::size_t at(bool row, int r, int c, unsigned ld)
{
    return row ? std::size_t(r) * ld + c : r + std::size_t(c) * ld;
}
template <class T> static bool same_bits(T x, T y) { return std::memcmp(&x, &y, sizeof x) == 0; }
static std::uint32_t bits(float v) { std::uint32_t u; std::memcpy(&u, &v, 4); return u; }
static float from_bits(std::uint32_t u) { float v; std::memcpy(&v, &u, 4); return v; }
static float tf32_truncated(float v) { return from_bits(bits(v) & ~0x1fffu); }

// ---- tf32 16x16x8
template <class LA, class LB>
__global__ void tf32_gemm(const float *a, unsigned lda, const float *b, unsigned ldb, const float *c, unsigned ldc,
                          wmma::layout_t lc, float *d, unsigned ldd, wmma::layout_t ldl)
{
    wmma::fragment<wmma::matrix_a, 16, 16, 8, wmma::precision::tf32, LA> fa;
    wmma::fragment<wmma::matrix_b, 16, 16, 8, wmma::precision::tf32, LB> fb;
    wmma::fragment<wmma::accumulator, 16, 16, 8, float> acc;
    static_assert(decltype(fa)::num_elements == 16 * 8 && decltype(fb)::num_elements == 8 * 16, "a/b tiles");
    static_assert(decltype(acc)::num_elements == 16 * 16, "accumulator tile");
    static_assert(std::is_same<typename decltype(fa)::element_type, float>::value, "tf32 elements are floats");
    wmma::load_matrix_sync(fa, a, lda);
    wmma::load_matrix_sync(fb, b, ldb);
    wmma::load_matrix_sync(acc, c, ldc, lc);
    wmma::mma_sync(acc, fa, fb, acc);
    wmma::store_matrix_sync(d, acc, ldd, ldl);
}

template <class LA, class LB>
static void check_tf32(const char *name, wmma::layout_t lc, wmma::layout_t ldl)
{
    const int M = 16, N = 16, K = 8;
    const bool a_row = std::is_same<LA, wmma::row_major>::value, b_row = std::is_same<LB, wmma::row_major>::value;
    const unsigned lda = (a_row ? K : M) + 4, ldb = (b_row ? N : K) + 4, ldc = 20, ldd = 24;
    float *a = managed<float>(lda * 16), *b = managed<float>(ldb * 16), *c = managed<float>(ldc * 16);
    float *d = managed<float>(ldd * 16);
    for (unsigned i = 0; i < lda * 16; ++i) a[i] = static_cast<float>(uniform(-2, 2));
    for (unsigned i = 0; i < ldb * 16; ++i) b[i] = static_cast<float>(uniform(-2, 2));
    for (unsigned i = 0; i < ldc * 16; ++i) c[i] = static_cast<float>(uniform(-4, 4));
    tf32_gemm<LA, LB><<<1, 32>>>(a, lda, b, ldb, c, ldc, lc, d, ldd, ldl);
    cudaDeviceSynchronize();
    int bad = 0, untruncated_differs = 0;
    for (int i = 0; i < M; ++i) {
        for (int j = 0; j < N; ++j) {
            float want = c[at(lc == wmma::mem_row_major, i, j, ldc)], plain = want;
            for (int kk = 0; kk < K; ++kk) {
                const float x = a[at(a_row, i, kk, lda)], y = b[at(b_row, kk, j, ldb)];
                want = want + tf32_truncated(x) * tf32_truncated(y);
                plain = plain + x * y;
            }
            const float got = d[at(ldl == wmma::mem_row_major, i, j, ldd)];
            bad += !same_bits(got, want);
            untruncated_differs += !same_bits(got, plain);
        }
    }
    printf("tf32 %s: %d of %d differ; untruncated differs %d\n", name, bad, M * N, untruncated_differs);
}

__global__ void to_tf32(const float *in, float *out, int n)
{
    for (int i = threadIdx.x; i < n; i += blockDim.x) out[i] = wmma::__float_to_tf32(in[i]);
}

// ---- 8-bit integers
template <class T, int M, int N, int K>
__global__ void int8_mma(const T *a, unsigned lda, const T *b, unsigned ldb, int cfill, bool satf, int *d)
{
    wmma::fragment<wmma::matrix_a, M, N, K, T, wmma::row_major> fa;
    wmma::fragment<wmma::matrix_b, M, N, K, T, wmma::col_major> fb;
    wmma::fragment<wmma::accumulator, M, N, K, int> acc;
    wmma::load_matrix_sync(fa, a, lda);
    wmma::load_matrix_sync(fb, b, ldb);
    wmma::fill_fragment(acc, cfill);
    wmma::mma_sync(acc, fa, fb, acc, satf);
    wmma::store_matrix_sync(d, acc, N, wmma::mem_row_major);
}

template <class T, int M, int N, int K>
static void check_int8(const char *name, int lo, int hi, int cfill, bool satf)
{
    const unsigned lda = K + 16, ldb = K + 16;
    T *a = managed<T>(lda * M), *b = managed<T>(ldb * N);
    int *d = managed<int>(M * N);
    for (unsigned i = 0; i < lda * M; ++i) a[i] = static_cast<T>(lo + static_cast<int>(next_u32() % (hi - lo + 1)));
    for (unsigned i = 0; i < ldb * N; ++i) b[i] = static_cast<T>(lo + static_cast<int>(next_u32() % (hi - lo + 1)));
    int8_mma<T, M, N, K><<<1, 32>>>(a, lda, b, ldb, cfill, satf, d);
    cudaDeviceSynchronize();
    int bad = 0, big_products = 0, out_of_range = 0;
    for (int i = 0; i < M; ++i) {
        for (int j = 0; j < N; ++j) {
            std::uint32_t wrapped = static_cast<std::uint32_t>(cfill);
            long long exact = cfill;
            for (int kk = 0; kk < K; ++kk) {
                const int p = int(a[i * lda + kk]) * int(b[kk + j * ldb]);
                big_products += p > 127 || p < -128;
                wrapped += static_cast<std::uint32_t>(p);
                exact += p;
            }
            out_of_range += exact > INT32_MAX || exact < INT32_MIN;
            const long long clamped = exact > INT32_MAX ? INT32_MAX : exact < INT32_MIN ? INT32_MIN : exact;
            const int want = satf ? static_cast<int>(clamped) : static_cast<int>(wrapped);
            bad += d[i * N + j] != want;
        }
    }
    printf("int8 %s: %d of %d differ; products beyond 8 bits %d; sums beyond 32 bits %d\n", name, bad, M * N,
           big_products, out_of_range);
}

// ---- double 8x8x4, accumulated in place over two k steps (C is loaded, updated and stored back by every
// lane, so every lane must have loaded before any lane stores)
__global__ void double_mma(const double *a, const double *b, double *c)
{
    wmma::fragment<wmma::matrix_a, 8, 8, 4, double, wmma::col_major> fa;
    wmma::fragment<wmma::matrix_b, 8, 8, 4, double, wmma::row_major> fb;
    wmma::fragment<wmma::accumulator, 8, 8, 4, double> acc;
    wmma::load_matrix_sync(acc, c, 8, wmma::mem_col_major);
    for (int step = 0; step < 2; ++step) {
        wmma::load_matrix_sync(fa, a + step * 32, 8);
        wmma::load_matrix_sync(fb, b + step * 32, 8);
        wmma::mma_sync(acc, fa, fb, acc);
    }
    wmma::store_matrix_sync(c, acc, 8, wmma::mem_col_major);
}

static void check_double()
{
    double *a = managed<double>(64), *b = managed<double>(64), *c = managed<double>(64), c0[64];
    for (int i = 0; i < 64; ++i) { a[i] = uniform(-1, 1); b[i] = uniform(-1, 1); c0[i] = c[i] = uniform(-1, 1); }
    double_mma<<<1, 32>>>(a, b, c);
    cudaDeviceSynchronize();
    int bad = 0, unfused_differs = 0;
    for (int i = 0; i < 8; ++i) {
        for (int j = 0; j < 8; ++j) {
            double want = c0[i + j * 8], unfused = want;
            for (int kk = 0; kk < 8; ++kk) {
                want = std::fma(a[i + kk * 8], b[kk * 8 + j], want);
                unfused = unfused + a[i + kk * 8] * b[kk * 8 + j];
            }
            bad += !same_bits(c[i + j * 8], want);
            unfused_differs += !same_bits(c[i + j * 8], unfused);
        }
    }
    printf("double 8x8x4: %d of 64 differ; unfused differs %d\n", bad, unfused_differs);
}

// ---- half
template <class Tc, class Td, int M, int N, int K>
__global__ void half_mma(const __half *a, const __half *b, const Tc *c, Td *d)
{
    wmma::fragment<wmma::matrix_a, M, N, K, __half, wmma::row_major> fa;
    wmma::fragment<wmma::matrix_b, M, N, K, __half, wmma::col_major> fb;
    wmma::fragment<wmma::accumulator, M, N, K, Tc> fc;
    wmma::fragment<wmma::accumulator, M, N, K, Td> fd;
    wmma::load_matrix_sync(fa, a, K);
    wmma::load_matrix_sync(fb, b, K);
    wmma::load_matrix_sync(fc, c, N, wmma::mem_row_major);
    wmma::mma_sync(fd, fa, fb, fc);
    wmma::store_matrix_sync(d, fd, N, wmma::mem_row_major);
}

template <class Tc, class Td, int M, int N, int K>
static void check_half(const char *name)
{
    __half *a = managed<__half>(M * K), *b = managed<__half>(K * N);
    Tc *c = managed<Tc>(M * N);
    Td *d = managed<Td>(M * N);
    for (int i = 0; i < M * K; ++i) a[i] = __float2half(static_cast<float>(uniform(-3, 3)));
    for (int i = 0; i < K * N; ++i) b[i] = __float2half(static_cast<float>(uniform(-3, 3)));
    for (int i = 0; i < M * N; ++i) c[i] = static_cast<Tc>(static_cast<float>(uniform(-8, 8)));
    half_mma<Tc, Td, M, N, K><<<1, 32>>>(a, b, c, d);
    cudaDeviceSynchronize();
    int bad = 0, stepwise_differs = 0;
    for (int i = 0; i < M; ++i) {
        for (int j = 0; j < N; ++j) {
            float want = static_cast<float>(c[i * N + j]);
            Td stepwise = static_cast<Td>(want);
            for (int kk = 0; kk < K; ++kk) {
                const float p = __half2float(a[i * K + kk]) * __half2float(b[kk + j * K]);
                want = want + p;
                stepwise = static_cast<Td>(static_cast<float>(stepwise) + p);
            }
            bad += !same_bits(d[i * N + j], static_cast<Td>(want));
            stepwise_differs += !same_bits(d[i * N + j], stepwise);
        }
    }
    printf("half %s: %d of %d differ; stepwise rounding differs %d\n", name, bad, M * N, stepwise_differs);
}

int main()
{
    check_tf32<wmma::row_major, wmma::row_major>("row row", wmma::mem_row_major, wmma::mem_row_major);
    check_tf32<wmma::row_major, wmma::col_major>("row col", wmma::mem_col_major, wmma::mem_row_major);
    check_tf32<wmma::col_major, wmma::row_major>("col row", wmma::mem_row_major, wmma::mem_col_major);
    check_tf32<wmma::col_major, wmma::col_major>("col col", wmma::mem_col_major, wmma::mem_col_major);

    float *in = managed<float>(tf32_count), *out = managed<float>(tf32_count);
    std::memcpy(in, tf32_inputs, sizeof tf32_inputs);
    to_tf32<<<1, 32>>>(in, out, tf32_count);
    cudaDeviceSynchronize();
    for (int i = 0; i < tf32_count; ++i) printf("to_tf32 %08x %08x\n", tf32_inputs[i], bits(out[i]));

    check_int8<signed char, 16, 16, 16>("s8 16x16x16", -128, 127, 0, false);
    check_int8<signed char, 16, 16, 16>("s8 16x16x16 wrap", 100, 127, 2147480000, false);
    check_int8<signed char, 16, 16, 16>("s8 16x16x16 satf", 100, 127, 2147480000, true);
    check_int8<unsigned char, 32, 8, 16>("u8 32x8x16", 200, 255, -5, false);

    check_double();

    check_half<float, float, 16, 16, 16>("16x16x16 float acc");
    check_half<__half, __half, 8, 32, 16>("8x32x16 half acc");
    printf("DONE\n");
    return 0;
}
"""

UNSUPPORTED = r"""
#include <mma.h>
__global__ void k() { nvcuda::wmma::fragment<nvcuda::wmma::matrix_a, 16, 16, 16, nvcuda::wmma::precision::tf32,
                                              nvcuda::wmma::row_major> a; (void)a; }
int main() { return 0; }
"""

_LINE = re.compile(r"^(.+?): (\d+) of (\d+) differ(.*)$")


@pytest.fixture(scope="module")
def output(tmp_path_factory) -> str:
    root = tmp_path_factory.mktemp("emulate_mma")
    source = root / "wmma.cu"
    inputs = ", ".join(f"0x{bits:08x}u" for bits in TF32_ROUNDING)
    source.write_text(PROGRAM.replace("TF32_INPUTS", inputs))
    try:
        build_reference(source, root / "wmma", workdir=root / "work")
    except CutransError as exc:
        pytest.fail(f"the wmma program did not build against the emulation:\n{exc}")
    done = subprocess.run([str(root / "wmma")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "DONE", done.stdout
    return done.stdout


def results(output: str, prefix: str) -> dict[str, tuple[int, str]]:
    """name -> (elements that differ from the naive loop, the rest of the line) for lines starting with `prefix`."""
    found = {}
    for line in output.splitlines():
        m = _LINE.match(line)
        if m and m.group(1).startswith(prefix):
            found[m.group(1)] = (int(m.group(2)), m.group(4))
    return found


def sensitivity(rest: str, what: str) -> int:
    return int(re.search(rf"{what} (\d+)", rest).group(1))


def test_tf32_gemm_every_layout_matches_truncating_loop(output):
    found = results(output, "tf32 ")
    assert sorted(found) == ["tf32 col col", "tf32 col row", "tf32 row col", "tf32 row row"], output
    for name, (bad, rest) in found.items():
        assert bad == 0, f"{name}: {bad} elements differ from the naive loop"
        assert sensitivity(rest, "untruncated differs") > 0, f"{name}: the inputs never exercise tf32 truncation"


def test_float_to_tf32_rounds_to_nearest_ties_away(output):
    got = {int(i, 16): int(o, 16) for i, o in re.findall(r"^to_tf32 ([0-9a-f]{8}) ([0-9a-f]{8})$", output, re.M)}
    def hexed(table):
        return {f"{k:08x}": f"{v:08x}" for k, v in table.items()}
    assert hexed(got) == hexed(TF32_ROUNDING)


def test_int8_accumulates_in_int32_with_wraparound_or_saturation(output):
    found = results(output, "int8 ")
    assert len(found) == 4, output
    for name, (bad, rest) in found.items():
        assert bad == 0, f"{name}: {bad} elements differ from the naive loop"
        assert sensitivity(rest, "products beyond 8 bits") > 0
    assert sensitivity(found["int8 s8 16x16x16 wrap"][1], "sums beyond 32 bits") > 0
    assert sensitivity(found["int8 s8 16x16x16 satf"][1], "sums beyond 32 bits") > 0


def test_double_and_half_match_their_loops(output):
    found = {**results(output, "double "), **results(output, "half ")}
    assert len(found) == 3, output
    for name, (bad, _) in found.items():
        assert bad == 0, f"{name}: {bad} elements differ from the naive loop"
    assert sensitivity(found["double 8x8x4"][1], "unfused differs") > 0
    assert sensitivity(found["half 8x32x16 half acc"][1], "stepwise rounding differs") > 0


def test_unsupported_fragment_fails_to_build_with_the_shape_list(tmp_path):
    source = tmp_path / "bad.cu"
    source.write_text(UNSUPPORTED)
    with pytest.raises(CutransError) as info:
        build_reference(source, tmp_path / "bad", workdir=tmp_path / "work", extra_flags=("-fsyntax-only",))
    assert "nvcuda::wmma (CPU emulation): no such fragment" in str(info.value)
