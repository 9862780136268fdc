"""Atomics and integer intrinsics on the OpenCL and CPU backends: the emitted spellings, the
preamble helpers that appear only when used, and the refusals. No toolchain needed; the samples
atomic_histogram.cu, atomic_float_sum.cu and integer_intrinsics.cu run them for real."""

from __future__ import annotations

import re

import pytest

from translator.backends import half_atomics
from translator.backends.base import ATOMIC_KEYS, C_ATOMICS, C_MATH
from translator.backends.cpu import CPUBackend
from translator.backends.math_precision import FAST_INTRINSICS, MATH_PRECISION
from translator.backends.opencl import OPENCL_HELPERS, OPENCL_MATH, OpenCLBackend
from translator.diagnostics import CutransError
from translator.driver import backend_for, load_unit
from translator.ir import nodes as N
from translator.ir.builtins import MATH
from translator.ir.types import I64, Pointer


@pytest.fixture
def device_code(cuda_file):
    """Translate a CUDA snippet for a target; return the device file's text."""
    def run(text: str, target: str) -> str:
        out = backend_for(target).translate(load_unit(cuda_file(text)), {})
        suffix = ".cl" if target == "opencl" else ".kernels.c"
        return next(data.decode() for name, data in out.files.items() if name.endswith(suffix))
    return run


FLOAT_SUM = """
__global__ void k(const float *v, float *sum) {
    __shared__ float s;
    atomicAdd(&s, v[threadIdx.x]);
    atomicAdd(&sum[0], v[threadIdx.x]);
}"""


def test_cpu_float_add_calls_the_relaxed_helper(device_code):
    code = device_code(FLOAT_SUM, "cpu")
    assert "cutrans_atomic_add_f32(&s, v[threadIdx.x]);" in code
    assert "cutrans_atomic_add_f32(&sum[0], v[threadIdx.x]);" in code


def test_opencl_float_add_is_a_cas_loop_per_address_space(device_code):
    code = device_code(FLOAT_SUM, "opencl")
    assert "cutrans_atomic_add_f32_local(&s, v[" in code
    assert "cutrans_atomic_add_f32_global(&sum[0], v[" in code
    for space in ("global", "local"):
        assert f"float cutrans_atomic_add_f32_{space}(volatile __{space} float *p, float v)" in code
    assert "atomic_cmpxchg(word, seen, as_uint(x + v))" in code
    assert "cl_khr_int64" not in code and "cl_khr_fp64" not in code


def test_opencl_native_atomics_where_semantics_agree(device_code):
    code = device_code("""
__global__ void k(int *a, unsigned int *u) {
    atomicAdd(a, 1); atomicSub(a, 2); atomicExch(a, 3); atomicMin(a, 4); atomicMax(a, 5);
    atomicAnd(a, 6); atomicOr(a, 7); atomicXor(a, 8); atomicCAS(a, 9, 10); atomicAdd(u, 11u);
}""", "opencl")
    for call in ("atomic_add(a, 1)", "atomic_sub(a, 2)", "atomic_xchg(a, 3)", "atomic_min(a, 4)",
                 "atomic_max(a, 5)", "atomic_and(a, 6)", "atomic_or(a, 7)", "atomic_xor(a, 8)",
                 "atomic_cmpxchg(a, 9, 10)", "atomic_add(u, 11u)"):
        assert call in code
    assert "cutrans_atomic" not in code, "no helper is emitted when none is used"


def test_opencl_atomic_inc_dec_keep_cudas_bound(device_code):
    code = device_code("""
__global__ void k(unsigned int *u) { atomicInc(u, 9u); atomicDec(u + 1, 4u); }""", "opencl")
    assert "atomic_inc(" not in code and "atomic_dec(" not in code   # OpenCL's ignore the bound
    assert "cutrans_atomic_inc_u32_global(u, 9u)" in code
    assert "cutrans_atomic_dec_u32_global(u + 1, 4u)" in code
    assert "(x >= v ? 0u : x + 1u)" in code
    assert "((x == 0u || x > v) ? v : x - 1u)" in code


def test_opencl_64bit_atomics_enable_and_check_their_extensions(device_code):
    code = device_code("""
__global__ void k(unsigned long long *w, double *d) {
    atomicAdd(w, 1ull); atomicMax(w + 1, 2ull); atomicAdd(d, 0.5);
}""", "opencl")
    assert "atom_add(w, 1UL)" in code and "atom_max(w + 1, 2UL)" in code
    for ext in ("cl_khr_int64_base_atomics", "cl_khr_int64_extended_atomics"):
        assert f"#ifndef {ext}\n#error" in code
        assert f"#pragma OPENCL EXTENSION {ext} : enable" in code
    assert "#pragma OPENCL EXTENSION cl_khr_fp64 : enable" in code
    assert "atom_cmpxchg(word, seen, as_ulong(x + v))" in code


def test_atomic_operand_takes_the_pointee_type(device_code):
    code = device_code("__global__ void k(float *f) { atomicAdd(f, 1); }", "cpu")
    assert "cutrans_atomic_add_f32(f, 1.0f)" in code


def test_opencl_refuses_an_atomic_on_private_memory(device_code):
    text = "__global__ void k(int *o) { int x = 0; atomicAdd(&x, 1); o[0] = x; }"
    with pytest.raises(CutransError) as info:
        device_code(text, "opencl")
    diag = info.value.diagnostics[0]
    assert diag.code == "B001" and "outside global and shared memory" in diag.message
    assert "cutrans_atomic_add_i32(&x, 1)" in device_code(text, "cpu")


def test_an_atomic_without_a_spelling_is_refused():
    pointer = N.VarRef("p", Pointer(I64, "global"))
    atomic = N.Atomic("inc", [pointer, N.IntLit(1, I64)], I64)
    with pytest.raises(CutransError) as info:
        OpenCLBackend().visit(atomic)
    assert info.value.diagnostics[0].code == "B001"
    assert "atomic inc on i64" in info.value.diagnostics[0].message


def test_both_backends_spell_every_atomic_cuda_offers():
    assert set(C_ATOMICS) == ATOMIC_KEYS
    # and atomicAdd on the 16-bit floats (backends/half_atomics.py; OpenCL's halves in floats: add_half)
    assert set(OpenCLBackend.atomic_table) == ATOMIC_KEYS | set(half_atomics.OPENCL) | {("add_half", "f32")}
    assert set(CPUBackend.atomic_table) == ATOMIC_KEYS | set(half_atomics.CPU)
    assert {("inc", "u32"), ("dec", "u32"), ("add", "f32"), ("add", "f64"), ("cas", "u64")} <= ATOMIC_KEYS


INTRINSICS = [
    # CUDA call, OpenCL spelling, CPU spelling
    ("__popc(u)", "(int)popcount(u)", "__builtin_popcount(u)"),
    ("__popcll(w)", "(int)popcount(w)", "__builtin_popcountll(w)"),
    ("__clz(i)", "clz(i)", "cutrans_clz_i32(i)"),
    ("__clzll(l)", "(int)clz(l)", "cutrans_clz_i64(l)"),
    ("__ffs(i)", "cutrans_ffs_i32(i)", "__builtin_ffs(i)"),
    ("__ffsll(l)", "cutrans_ffs_i64(l)", "__builtin_ffsll(l)"),
    ("__brev(u)", "cutrans_brev_u32(u)", "cutrans_brev_u32(u)"),
    ("__brevll(w)", "cutrans_brev_u64(w)", "cutrans_brev_u64(w)"),
    ("__mul24(i, j)", "cutrans_mul24_i32(i, j)", "cutrans_mul24_i32(i, j)"),
    ("__umul24(u, v)", "(((u) & 0xffffffu) * ((v) & 0xffffffu))", "(((u) & 0xffffffu) * ((v) & 0xffffffu))"),
    ("__mulhi(i, j)", "mul_hi(i, j)", "cutrans_mulhi_i32(i, j)"),
    ("__umulhi(u, v)", "mul_hi(u, v)", "cutrans_mulhi_u32(u, v)"),
    ("__mul64hi(l, m)", "mul_hi(l, m)", "cutrans_mulhi_i64(l, m)"),
    ("__umul64hi(w, x)", "mul_hi(w, x)", "cutrans_mulhi_u64(w, x)"),
    ("__sad(i, j, u)", "(abs_diff(i, j) + (uint)(u))", "cutrans_sad_i32(i, j, u)"),
    ("__usad(u, v, 3u)", "(abs_diff(u, v) + (3u))", "cutrans_sad_u32(u, v, 3u)"),
    ("__hadd(i, j)", "hadd(i, j)", "(int)(((long long)i + j) >> 1)"),
    ("__rhadd(i, j)", "rhadd(i, j)", "(int)(((long long)i + j + 1) >> 1)"),
    ("__uhadd(u, v)", "hadd(u, v)", "(unsigned int)(((unsigned long long)u + v) >> 1)"),
    ("__urhadd(u, v)", "rhadd(u, v)", "(unsigned int)(((unsigned long long)u + v + 1u) >> 1)"),
    ("__byte_perm(u, v, 20800u)", "cutrans_byte_perm_u32(u, v, 20800u)", "cutrans_byte_perm_u32(u, v, 20800u)"),
    ("__funnelshift_l(u, v, 3u)", "(uint)(upsample(v, u) << (3u & 31u) >> 32)",
     "(unsigned int)(((unsigned long long)v << 32 | u) << (3u & 31u) >> 32)"),
    ("__funnelshift_r(u, v + 1u, 3u)", "(uint)(upsample(v + 1u, u) >> (3u & 31u))",
     "(unsigned int)(((unsigned long long)(v + 1u) << 32 | u) >> (3u & 31u))"),
    ("llabs(l)", "(long)abs(l)", "llabs(l)"),
    ("abs(l)", "(long)abs(l)", "llabs(l)"),
    ("min(w, x)", "min(w, x)", "cutrans_min_u64(w, x)"),
    ("max(l, m)", "max(l, m)", "cutrans_max_i64(l, m)"),
]
_INTRINSIC_KERNEL = """
__global__ void k(unsigned long long *o, int i, int j, unsigned int u, unsigned int v, long long l,
                  long long m, unsigned long long w, unsigned long long x) {{ o[0] = {call}; }}"""


@pytest.mark.parametrize("target", ["opencl", "cpu"])
@pytest.mark.parametrize("call, opencl, cpu", INTRINSICS, ids=[c[0] for c in INTRINSICS])
def test_integer_intrinsic_spellings(device_code, target, call, opencl, cpu):
    code = device_code(_INTRINSIC_KERNEL.format(call=call), target)
    assert (opencl if target == "opencl" else cpu) in code


def test_opencl_integer_helpers_appear_only_when_used(device_code):
    code = device_code(_INTRINSIC_KERNEL.format(call="__ffs(i) + __brevll(w)"), "opencl")
    assert "int cutrans_ffs_i32(int x)" in code and "cutrans_ffs_i64(long" not in code
    assert "uint cutrans_brev_u32(uint x)" in code, "__brevll is built on the 32-bit helper"
    assert "ulong cutrans_brev_u64(ulong x)" in code and "cutrans_mul24_i32(int" not in code


def test_every_integer_intrinsic_has_both_spellings():
    keys = {(func, ty) for func, ty, prec in MATH.values() if prec == "exact" and ty}
    # classification keeps its operand's type: both float widths; the byte dot products: int and unsigned
    untyped = {func for func, ty, prec in MATH.values() if prec == "exact" and not ty}
    dots = {"dp4a", "dp2a_lo", "dp2a_hi"}
    assert dots <= untyped
    keys |= {(func, ty) for func in untyped - dots for ty in ("f32", "f64")}
    keys |= {(func, ty) for func in dots for ty in ("i32", "u32")}
    assert keys <= set(C_MATH) and keys <= set(OPENCL_MATH)


def test_opencl_math_borrows_no_cpu_only_spelling():
    own = "|".join(name.removeprefix("cutrans_") for name, _ in OPENCL_HELPERS.values())
    cpu_only = re.compile(r"__builtin|llabs|cutrans_(?!(?:%s)\(|bf16\))" % own)    # cutrans_bf16: both preambles
    leaks = {key: fmt for key, fmt in OPENCL_MATH.items() if cpu_only.search(fmt)}
    assert not leaks


def test_opencl_byte_perm_helper_appears_only_when_used(device_code):
    used = device_code(_INTRINSIC_KERNEL.format(call="__byte_perm(u, v, 0x3210u)"), "opencl")
    assert "uint cutrans_byte_perm_u32(uint x, uint y, uint s)" in used
    unused = device_code(_INTRINSIC_KERNEL.format(call="__hadd(i, j)"), "opencl")
    assert "cutrans_byte_perm_u32" not in unused


@pytest.mark.parametrize("target", ["opencl", "cpu"])
def test_ldexp_keeps_its_int_operand_and_frexp_its_pointer(device_code, target):
    code = device_code("""
__global__ void k(float *o, int *e, int n) { int x; o[0] = ldexpf(o[1], n) + frexpf(o[2], &x); e[0] = x; }""", target)
    assert ("ldexp(o[1], n)" if target == "opencl" else "ldexpf(o[1], n)") in code
    assert ("frexp(o[2], &x)" if target == "opencl" else "frexpf(o[2], &x)") in code
    assert "(float)n" not in code


@pytest.mark.parametrize("target", ["opencl", "cpu"])
def test_cache_loads_are_plain_loads(device_code, target):
    code = device_code("""
__global__ void k(const float *__restrict__ in, float *out) { out[threadIdx.x] = __ldg(&in[threadIdx.x]) + __ldg(in); }""",
                       target)
    assert "__ldg" not in code and "*in" in code and "*&in[" in code


def test_every_float_function_has_a_precision_record():
    floats = {func for (func, ty) in OPENCL_MATH if ty in ("f32", "f64")}
    assert floats <= set(MATH_PRECISION), floats - set(MATH_PRECISION)
    for func, bound in MATH_PRECISION.items():
        for ty in ("f32", "f64"):
            assert not bound.looser_on_opencl(ty) or bound.reason, f"{func} on {ty}: OpenCL is looser, say why"


def test_fast_intrinsics_compute_the_accurate_function():
    """CUDA's __expf & co. are spelled like the accurate function (never native_*), and each has its
    documented CUDA bound in the table."""
    fast = {name: func for name, (func, ty, prec) in MATH.items() if prec == "approx"}
    assert set(fast) <= set(FAST_INTRINSICS) | {"__fdividef"}
    assert not [fmt for fmt in OPENCL_MATH.values() if "native_" in fmt or "half_" in fmt]
    for name, func in fast.items():
        assert (func, "f32") in OPENCL_MATH and MATH_PRECISION[func]


def test_opencl_double_code_requires_the_extension(device_code):
    code = device_code("""
__global__ void k(double *sum, const double *v) { atomicAdd(sum, v[threadIdx.x]); }""", "opencl")
    assert "#ifndef cl_khr_fp64\n#error" in code and "#ifndef cl_khr_int64_base_atomics\n#error" in code
    assert "double cutrans_atomic_add_f64_global(volatile __global double *p, double v)" in code
    assert "atom_cmpxchg(word, seen, as_ulong(x + v))" in code
