"""runtime_shims/hip/cutrans_hip_wmma.h, the nvcuda::wmma the HIP backend ships, computes the defined
semantics bit for bit (docs/tensor_cores.md), checked here against numpy and exact rationals, not against
another C++ implementation.

One HIP program, built for the CPU emulation the way `cutrans verify --targets hip` builds HIP output
(translator/verify/hip_on_cpu.py), at wave 64 (gfx90a) and wave 32 (gfx1030). Each kernel runs as one block
of two CUDA warps, each warp on its own tiles, so that on a 64-lane wavefront the second warp's lanes
(32..63) must find their accumulator elements by lane = linear id mod 32. The program prints every result
as bits; Python computes what they must be. Each check also counts how often a plausible wrong semantics
(no tf32 truncation, rounding to half at every step, no fma) would differ, so that none passes vacuously.
The double kernel stages A through shared memory, one element per lane, with no __syncwarp: only the
rendezvous that load_matrix_sync begins with makes every lane's element visible (the emulation runs the
lanes one after another). The same program also compiles with hipcc for both arches where hipcc exists."""

from __future__ import annotations

import os
import shutil
import subprocess
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

from tests.numeric.test_emulate_mma import TF32_ROUNDING
from translator.diagnostics import CutransError
from translator.verify import hip_on_cpu
from translator.verify.toolchain import find_hipcc

HIP_SHIMS = Path(__file__).resolve().parents[2] / "runtime_shims" / "hip"
WARPS = 2
INT_FILL = 2147480000          # C of the 8-bit products: close enough to INT_MAX that the sums wrap

pytestmark = pytest.mark.toolchain("c++")
needs_cxx = pytest.mark.skipif(shutil.which(os.environ.get("CXX", "c++").split()[0]) is None,
                               reason="no host C++ compiler (c++ or $CXX) to build HIP for the CPU emulation")

PROGRAM = r"""
#include <cstdio>
#include <cstring>
#include <vector>
#include <hip/hip_runtime.h>
#include <hip/hip_fp16.h>
#include "WMMA_HEADER"

using namespace nvcuda;

INPUTS

template <class T, class Bits> T *upload(const Bits *bits, size_t n)
{
    static_assert(sizeof(T) == sizeof(Bits), "one bit pattern per element");
    std::vector<T> host(n);
    std::memcpy(host.data(), bits, n * sizeof(T));
    T *dev = nullptr;
    hipMalloc((void **)&dev, n * sizeof(T));
    hipMemcpy(dev, host.data(), n * sizeof(T), hipMemcpyHostToDevice);
    return dev;
}

template <class T> T *zeros(size_t n)
{
    std::vector<T> host(n);
    return upload<T>(host.data(), n);
}

template <class Bits, class T> void dump(const char *name, const T *dev, size_t n)
{
    static_assert(sizeof(T) == sizeof(Bits), "one bit pattern per element");
    std::vector<Bits> host(n);
    hipDeviceSynchronize();
    hipMemcpy(host.data(), dev, n * sizeof(T), hipMemcpyDeviceToHost);
    printf("%s", name);
    for (size_t i = 0; i < n; ++i) printf(" %llx", (unsigned long long)host[i]);
    printf("\n");
}

__device__ int warp_id() { return (threadIdx.y * blockDim.x + threadIdx.x) / 32; }

// One tile per warp, D = A x B + C: A row-major, B column-major, C read and D written row-major or
// column-major as told (tf32 16x16x8 into float; __half 8x32x16 into __half)
template <int M, int N, int K, class In, class T, class Acc>
__global__ void tile_mma(const T *a, const T *b, const Acc *c, wmma::layout_t lc, Acc *d, wmma::layout_t ld)
{
    const int w = warp_id();
    wmma::fragment<wmma::matrix_a, M, N, K, In, wmma::row_major> fa;
    wmma::fragment<wmma::matrix_b, M, N, K, In, wmma::col_major> fb;
    wmma::fragment<wmma::accumulator, M, N, K, Acc> acc;
    wmma::load_matrix_sync(fa, a + w * M * K, K);
    wmma::load_matrix_sync(fb, b + w * K * N, K);
    wmma::load_matrix_sync(acc, c + w * M * N, lc == wmma::mem_row_major ? N : M, lc);
    wmma::mma_sync(acc, fa, fb, acc);
    wmma::store_matrix_sync(d + w * M * N, acc, ld == wmma::mem_row_major ? N : M, ld);
}

__global__ void to_tf32(const float *in, float *out, int n)
{
    for (int i = threadIdx.x; i < n; i += blockDim.x) out[i] = wmma::__float_to_tf32(in[i]);
}

// __half 16x16x16 into a value-initialised float accumulator (zeros), stored column-major
__global__ void half_float_mma(const __half *a, const __half *b, float *d)
{
    const int w = warp_id();
    wmma::fragment<wmma::matrix_a, 16, 16, 16, __half, wmma::col_major> fa;
    wmma::fragment<wmma::matrix_b, 16, 16, 16, __half, wmma::row_major> fb;
    auto acc = wmma::fragment<wmma::accumulator, 16, 16, 16, float>();
    wmma::load_matrix_sync(fa, a + w * 256, 16);
    wmma::load_matrix_sync(fb, b + w * 256, 16);
    wmma::mma_sync(acc, fa, fb, acc);
    wmma::store_matrix_sync(d + w * 256, acc, 16, wmma::mem_col_major);
}

// signed char 16x16x16 into int, C filled close to INT_MAX: wrapping, or clamped with satf
__global__ void s8_mma(const signed char *a, const signed char *b, int fill, bool satf, int *d)
{
    const int w = warp_id();
    wmma::fragment<wmma::matrix_a, 16, 16, 16, signed char, wmma::row_major> fa;
    wmma::fragment<wmma::matrix_b, 16, 16, 16, signed char, wmma::col_major> fb;
    wmma::fragment<wmma::accumulator, 16, 16, 16, int> acc;
    wmma::load_matrix_sync(fa, a + w * 256, 16);
    wmma::load_matrix_sync(fb, b + w * 256, 16);
    wmma::fill_fragment(acc, fill);
    wmma::mma_sync(acc, fa, fb, acc, satf);
    wmma::store_matrix_sync(d + w * 256, acc, 16, wmma::mem_row_major);
}

// double 8x8x4, C updated in place over two k steps; A staged through shared memory, one element per lane
__global__ void double_mma(const double *a, const double *b, double *c)
{
    __shared__ double staged[2][32];
    const int w = warp_id(), lane = threadIdx.x % 32;
    wmma::fragment<wmma::matrix_a, 8, 8, 4, double, wmma::col_major> fa;
    wmma::fragment<wmma::matrix_b, 8, 8, 4, double, wmma::row_major> fb;
    wmma::fragment<wmma::accumulator, 8, 8, 4, double> acc;
    wmma::load_matrix_sync(acc, c + w * 64, 8, wmma::mem_col_major);
    for (int step = 0; step < 2; ++step) {
        staged[w][lane] = a[w * 64 + step * 32 + lane];
        wmma::load_matrix_sync(fa, staged[w], 8);
        wmma::load_matrix_sync(fb, b + w * 64 + step * 32, 8);
        wmma::mma_sync(acc, fa, fb, acc);
    }
    wmma::store_matrix_sync(c + w * 64, acc, 8, wmma::mem_col_major);
}

int main()
{
    const int threads = 32 * WARPS;
    float *tf32_d = zeros<float>(WARPS * 256);
    tile_mma<16, 16, 8, wmma::precision::tf32><<<1, threads>>>(
        upload<float>(tf32_a, WARPS * 128), upload<float>(tf32_b, WARPS * 128), upload<float>(tf32_c, WARPS * 256),
        wmma::mem_col_major, tf32_d, wmma::mem_row_major);
    dump<unsigned>("tf32", tf32_d, WARPS * 256);

    const int rounding_count = sizeof rounding_in / sizeof rounding_in[0];
    float *rounded = zeros<float>(rounding_count);
    to_tf32<<<1, threads>>>(upload<float>(rounding_in, rounding_count), rounded, rounding_count);
    dump<unsigned>("to_tf32", rounded, rounding_count);

    __half *half_d = zeros<__half>(WARPS * 256);
    tile_mma<8, 32, 16, __half><<<1, threads>>>(
        upload<__half>(half_a, WARPS * 128), upload<__half>(half_b, WARPS * 512), upload<__half>(half_c, WARPS * 256),
        wmma::mem_row_major, half_d, wmma::mem_row_major);
    dump<unsigned short>("half", half_d, WARPS * 256);

    float *half_float_d = zeros<float>(WARPS * 256);
    half_float_mma<<<1, threads>>>(upload<__half>(half_a16, WARPS * 256), upload<__half>(half_b16, WARPS * 256),
                                   half_float_d);
    dump<unsigned>("half_float", half_float_d, WARPS * 256);

    for (int satf = 0; satf < 2; ++satf) {
        int *s8_d = zeros<int>(WARPS * 256);
        s8_mma<<<1, threads>>>(upload<signed char>(s8_a, WARPS * 256), upload<signed char>(s8_b, WARPS * 256),
                               INT_FILL, satf != 0, s8_d);
        dump<unsigned>(satf ? "s8_satf" : "s8_wrap", s8_d, WARPS * 256);
    }

    double *double_c = upload<double>(double_c0, WARPS * 64);
    double_mma<<<1, threads>>>(upload<double>(double_a, WARPS * 64), upload<double>(double_b, WARPS * 64), double_c);
    dump<unsigned long long>("double", double_c, WARPS * 64);
    printf("DONE\n");
    return 0;
}
"""


def _inputs() -> dict[str, np.ndarray]:
    rng = np.random.default_rng(20261126)
    halves = lambda n, lo, hi: rng.uniform(lo, hi, n).astype(np.float16)     # noqa: E731
    return {
        "tf32_a": rng.uniform(-2, 2, WARPS * 128).astype(np.float32),
        "tf32_b": rng.uniform(-2, 2, WARPS * 128).astype(np.float32),
        "tf32_c": rng.uniform(-4, 4, WARPS * 256).astype(np.float32),
        "rounding_in": np.array(list(TF32_ROUNDING), dtype=np.uint32).view(np.float32),
        "half_a": halves(WARPS * 128, -3, 3), "half_b": halves(WARPS * 512, -3, 3),
        "half_c": halves(WARPS * 256, -8, 8),
        "half_a16": halves(WARPS * 256, -3, 3), "half_b16": halves(WARPS * 256, -3, 3),
        "s8_a": rng.integers(90, 128, WARPS * 256).astype(np.int8),
        "s8_b": rng.integers(90, 128, WARPS * 256).astype(np.int8),
        "double_a": rng.uniform(-1, 1, WARPS * 64), "double_b": rng.uniform(-1, 1, WARPS * 64),
        "double_c0": rng.uniform(-1, 1, WARPS * 64),
    }


_C_BITS = {1: ("signed char", np.int8), 2: ("unsigned short", np.uint16), 4: ("unsigned", np.uint32),
           8: ("unsigned long long", np.uint64)}


def _c_array(name: str, values: np.ndarray) -> str:
    ctype, bits = _C_BITS[values.dtype.itemsize]
    spelled = ", ".join(str(int(v)) if ctype == "signed char" else f"{int(v)}ull" for v in values.view(bits))
    return f"static const {ctype} {name}[] = {{{spelled}}};"


# The header in its two modes: the default arithmetic, and mma_sync on CDNA's matrix cores (MFMA builtins,
# run by the emulation's model of them, cuemu/mfma.h, which adds in the same order as the default).
HEADERS = {"portable": "cutrans_hip_wmma.h", "mfma": "cutrans_hip_wmma_mfma.h"}


def _source(inputs: dict[str, np.ndarray], mode: str = "portable") -> str:
    arrays = "\n".join(_c_array(name, values) for name, values in inputs.items())
    defines = f"#define WARPS {WARPS}\n#define INT_FILL {INT_FILL}\n"
    return PROGRAM.replace("INPUTS", defines + arrays).replace("WMMA_HEADER", HEADERS[mode])


@pytest.fixture(scope="module")
def inputs() -> dict[str, np.ndarray]:
    return _inputs()


@pytest.fixture(scope="module", params=[("gfx90a", "portable"), ("gfx1030", "portable"), ("gfx90a", "mfma")],
                ids=["wave64", "wave32", "wave64-matrix-cores"])
def printed(request, inputs, tmp_path_factory) -> dict[str, list[int]]:
    if shutil.which(os.environ.get("CXX", "c++").split()[0]) is None:
        pytest.skip("no host C++ compiler (c++ or $CXX) to build HIP for the CPU emulation")
    arch, mode = request.param
    root = tmp_path_factory.mktemp(f"hip_wmma_{arch}_{mode}")
    source = root / "wmma.hip"
    source.write_text(_source(inputs, mode))
    try:
        width = hip_on_cpu.build_on_cpu(source, root / "wmma", arch, include_dirs=(HIP_SHIMS,),
                                        workdir=root / "work")
    except CutransError as exc:
        pytest.fail(f"the HIP wmma program did not build for the CPU emulation:\n{exc}")
    assert width == (64 if arch == "gfx90a" else 32)
    done = subprocess.run([str(root / "wmma")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines and lines[-1] == "DONE", done.stdout + done.stderr
    return {name: [int(v, 16) for v in rest] for name, *rest in (line.split() for line in lines[:-1])}


def _got(printed, name: str, dtype) -> np.ndarray:
    return np.array(printed[name], dtype=np.uint64).astype(dtype)


def _same_bits(got_bits: np.ndarray, want: np.ndarray) -> np.ndarray:
    return got_bits == want.view(got_bits.dtype)


def _truncated(v: np.ndarray) -> np.ndarray:
    return (v.view(np.uint32) & np.uint32(0xFFFFE000)).view(np.float32)


def _tiles(flat: np.ndarray, rows: int, cols: int, column_major: bool = False) -> np.ndarray:
    """warps x rows x cols from a buffer holding each warp's tile (leading dimension cols or rows) in turn."""
    return flat.reshape(WARPS, cols, rows).transpose(0, 2, 1) if column_major else flat.reshape(WARPS, rows, cols)


@needs_cxx
def test_tf32_truncates_inputs_and_adds_in_float_in_k_order(printed, inputs):
    a = _tiles(inputs["tf32_a"], 16, 8)                            # row-major
    b = _tiles(inputs["tf32_b"], 8, 16, column_major=True)                 # column-major
    c = _tiles(inputs["tf32_c"], 16, 16, column_major=True)                # read column-major
    want, plain = c.copy(), c.copy()
    for kk in range(8):
        want = want + _truncated(a[:, :, kk:kk + 1]) * _truncated(b[:, kk:kk + 1, :])
        plain = plain + a[:, :, kk:kk + 1] * b[:, kk:kk + 1, :]
    got = _got(printed, "tf32", np.uint32)
    assert _same_bits(got, want.reshape(-1)).all(), "tf32 results differ from the truncating loop"
    assert (~_same_bits(got, plain.reshape(-1))).sum() > 0, "the inputs never exercise tf32 truncation"


@needs_cxx
def test_float_to_tf32_rounds_to_nearest_ties_away(printed):
    got = printed["to_tf32"]
    assert {f"{i:08x}": f"{o:08x}" for i, o in zip(TF32_ROUNDING, got)} == \
           {f"{i:08x}": f"{o:08x}" for i, o in TF32_ROUNDING.items()}


@needs_cxx
def test_half_accumulator_sums_in_float_and_rounds_once(printed, inputs):
    a = _tiles(inputs["half_a"], 8, 16).astype(np.float32)
    b = _tiles(inputs["half_b"], 16, 32, column_major=True).astype(np.float32)
    acc = _tiles(inputs["half_c"], 8, 32).astype(np.float32)
    stepwise = _tiles(inputs["half_c"], 8, 32)
    for kk in range(16):
        product = a[:, :, kk:kk + 1] * b[:, kk:kk + 1, :]
        acc = acc + product
        stepwise = (stepwise.astype(np.float32) + product).astype(np.float16)
    got = _got(printed, "half", np.uint16)
    assert _same_bits(got, acc.astype(np.float16).reshape(-1)).all(), "half results differ from the loop"
    assert (~_same_bits(got, stepwise.reshape(-1))).sum() > 0, "rounding at every step would pass too"


@needs_cxx
def test_value_initialised_float_accumulator_starts_at_zero(printed, inputs):
    a = _tiles(inputs["half_a16"], 16, 16, column_major=True).astype(np.float32)
    b = _tiles(inputs["half_b16"], 16, 16).astype(np.float32)
    want = np.zeros((WARPS, 16, 16), np.float32)
    for kk in range(16):
        want = want + a[:, :, kk:kk + 1] * b[:, kk:kk + 1, :]
    got = _got(printed, "half_float", np.uint32)
    assert _same_bits(got, want.transpose(0, 2, 1).reshape(-1)).all()     # stored column-major


@needs_cxx
def test_8bit_products_wrap_modulo_2_to_the_32_or_saturate(printed, inputs):
    a = _tiles(inputs["s8_a"], 16, 16).astype(np.int64)
    b = _tiles(inputs["s8_b"], 16, 16, column_major=True).astype(np.int64)
    exact = INT_FILL + np.einsum("wik,wkj->wij", a, b).reshape(-1)
    assert (exact > 2**31 - 1).any(), "the sums never leave int's range"
    wrapped = (exact % 2**32).astype(np.uint32)
    assert _got(printed, "s8_wrap", np.uint32).tolist() == wrapped.tolist()
    clamped = np.clip(exact, -2**31, 2**31 - 1).astype(np.int32).view(np.uint32)
    assert _got(printed, "s8_satf", np.uint32).tolist() == clamped.tolist()


@needs_cxx
def test_double_is_one_fma_per_step_and_loads_meet_the_warp(printed, inputs):
    got = _got(printed, "double", np.uint64).view(np.float64).tolist()
    a, b, c = (inputs[n].tolist() for n in ("double_a", "double_b", "double_c0"))
    bad = unfused_differs = 0
    for w in range(WARPS):
        for i in range(8):
            for j in range(8):
                want = unfused = c[w * 64 + i + j * 8]
                for step in range(2):
                    for kk in range(4):
                        x, y = a[w * 64 + step * 32 + i + kk * 8], b[w * 64 + step * 32 + kk * 8 + j]
                        want = float(Fraction(x) * Fraction(y) + Fraction(want))     # fma: one rounding
                        unfused = unfused + x * y
                bad += got[w * 64 + i + j * 8] != want
                unfused_differs += got[w * 64 + i + j * 8] != unfused
    assert bad == 0, f"{bad} of {WARPS * 64} double results differ from the fma loop"
    assert unfused_differs > 0, "the inputs never tell fma from a multiply and an add"


def _hipcc(inputs, tmp_path, arch: str, mode: str, *output: str) -> subprocess.CompletedProcess:
    hip = find_hipcc()
    if isinstance(hip, str):
        pytest.skip(hip)
    source = tmp_path / "wmma.hip"
    source.write_text(_source(inputs, mode))
    flags = [f for f in hip.flags if not f.startswith("--offload-arch=")] + [f"--offload-arch={arch}"]
    return subprocess.run([*hip.command, *flags, "-I", str(HIP_SHIMS), str(source), *output],
                          capture_output=True, text=True, env={**os.environ, **dict(hip.env)}, timeout=300)


@pytest.mark.toolchain("hipcc")
@pytest.mark.parametrize("arch,mode", [("gfx90a", "portable"), ("gfx1030", "portable"), ("gfx90a", "mfma"),
                                       ("gfx908", "mfma"), ("gfx940", "mfma")])
def test_the_program_compiles_with_hipcc(arch, mode, inputs, tmp_path):
    run = _hipcc(inputs, tmp_path, arch, mode, "-c", "-o", str(tmp_path / "o.o"))
    assert run.returncode == 0, run.stderr[-4000:]


@pytest.mark.toolchain("hipcc")
def test_matrix_core_mode_runs_mma_sync_on_mfma_instructions(inputs, tmp_path):
    """The gfx90a code of the matrix-core build multiplies with the three 16-block MFMA instructions, and the
    default build with none."""
    wanted = {"v_mfma_f32_4x4x4f16", "v_mfma_f32_4x4x1f32", "v_mfma_i32_4x4x4i8"}
    found = {}
    for mode in HEADERS:
        run = _hipcc(inputs, tmp_path, "gfx90a", mode, "--cuda-device-only", "-S", "-o", "-")
        assert run.returncode == 0, run.stderr[-4000:]
        found[mode] = {line.split()[0] for line in run.stdout.splitlines() if line.strip().startswith("v_mfma")}
    assert found["mfma"] == wanted
    assert found["portable"] == set()


@pytest.mark.toolchain("hipcc")
def test_matrix_core_mode_stops_a_build_for_an_arch_without_matrix_cores(inputs, tmp_path):
    run = _hipcc(inputs, tmp_path, "gfx1030", "mfma", "-c", "-o", str(tmp_path / "o.o"))
    assert run.returncode != 0
    assert "matrix-core mode needs a CDNA GPU (gfx908, gfx90a, gfx940-gfx942)" in run.stderr


LAYOUT_PROGRAM = r"""
#include <cstdio>
#include <hip/hip_runtime.h>
#include "cutrans_hip_wmma_mfma.h"
using namespace nvcuda;

// Every lane writes the accumulator elements it holds (a tile of element numbers); then only the first
// CUDA warp of the 64-lane wavefront multiplies, while the second one skips the mma_sync.
__global__ void layout_and_divergence(const float *numbers, float *held, const __half *a, const __half *b, float *d)
{
    wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc;
    wmma::load_matrix_sync(acc, numbers, 16, wmma::mem_row_major);
    for (int t = 0; t < acc.num_elements; ++t) held[threadIdx.x * acc.num_elements + t] = acc.x[t];
    wmma::fragment<wmma::matrix_a, 16, 16, 16, __half, wmma::row_major> fa;
    wmma::fragment<wmma::matrix_b, 16, 16, 16, __half, wmma::row_major> fb;
    wmma::load_matrix_sync(fa, a, 16);
    wmma::load_matrix_sync(fb, b, 16);
    if (threadIdx.x < 32) {
        wmma::mma_sync(acc, fa, fb, acc);
        wmma::store_matrix_sync(d, acc, 16, wmma::mem_row_major);
    }
}

int main()
{
    float numbers[256], held[64 * 8], d[256];
    __half a[256], b[256];
    for (int i = 0; i < 256; ++i) {
        numbers[i] = float(i);
        a[i] = __float2half(float(i % 7) - 3.0f);
        b[i] = __float2half(float(i % 5) - 2.0f);
    }
    float *numbers_d, *held_d, *d_d;
    __half *a_d, *b_d;
    hipMalloc((void **)&numbers_d, sizeof numbers);
    hipMalloc((void **)&held_d, sizeof held);
    hipMalloc((void **)&d_d, sizeof d);
    hipMalloc((void **)&a_d, sizeof a);
    hipMalloc((void **)&b_d, sizeof b);
    hipMemcpy(numbers_d, numbers, sizeof numbers, hipMemcpyHostToDevice);
    hipMemcpy(a_d, a, sizeof a, hipMemcpyHostToDevice);
    hipMemcpy(b_d, b, sizeof b, hipMemcpyHostToDevice);
    layout_and_divergence<<<1, 64>>>(numbers_d, held_d, a_d, b_d, d_d);
    hipMemcpy(held, held_d, sizeof held, hipMemcpyDeviceToHost);
    hipMemcpy(d, d_d, sizeof d, hipMemcpyDeviceToHost);
    printf("held");
    for (float v : held) printf(" %d", int(v));
    printf("\nd");
    for (float v : d) printf(" %d", int(v));
    printf("\n");
    return 0;
}
"""


@needs_cxx
def test_matrix_core_accumulators_hold_4x4_blocks_and_warps_of_a_wavefront_may_diverge(tmp_path):
    """The blocked accumulator layout the header documents, and an mma_sync that only one of the two CUDA
    warps of a wavefront runs (each group of four lanes computes its block alone)."""
    source = tmp_path / "layout.hip"
    source.write_text(LAYOUT_PROGRAM)
    hip_on_cpu.build_on_cpu(source, tmp_path / "layout", "gfx90a", include_dirs=(HIP_SHIMS,), workdir=tmp_path / "w")
    done = subprocess.run([str(tmp_path / "layout")], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = {name: [int(v) for v in rest] for name, *rest in (line.split() for line in done.stdout.splitlines())}
    want = []
    for lane in range(64):
        for t in range(8):
            block = 8 * (t // 4) + (lane % 32) // 4
            want.append((4 * (block // 4) + t % 4) * 16 + 4 * (block % 4) + lane % 4)
    assert rows["held"] == want
    a = np.array([(i % 7) - 3 for i in range(256)]).reshape(16, 16)
    b = np.array([(i % 5) - 2 for i in range(256)]).reshape(16, 16)
    assert rows["d"] == (np.arange(256).reshape(16, 16) + a @ b).reshape(-1).tolist()
