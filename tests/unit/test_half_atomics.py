"""atomicAdd on __half, __half2, __nv_bfloat16 and __nv_bfloat162 (backends/half_atomics.py): the frontend
lowers it to the IR atomic add on the 16-bit type; OpenCL updates the 16 bits inside their aligned 32-bit
word (global halves, bfloat16s anywhere) or a float cell rounded to half (__shared__ halves, which OpenCL
holds in floats), the CPU its own two bytes; a pair is one update per element. Also `&h[i]` of __half
memory on OpenCL stays a pointer (h + i). The numbers are checked by samples/half_atomic_add.cu and
tests/numeric/test_hip_atomic16.py."""

from __future__ import annotations

import re

import pytest

from translator.backends import half_atomics
from translator.backends.cpu import CPUBackend
from translator.backends.opencl import OpenCLBackend
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.types import BF16, BFLOAT162, F16, HALF2
from translator.passes import run_pipeline

HEAD = "#include <cuda_fp16.h>\n#include <cuda_bf16.h>\n"
KERNEL = HEAD + """
__global__ void k(__half *h, __half2 *h2, __nv_bfloat16 *b, __nv_bfloat162 *b2, float *f)
{
    __shared__ __half sh[8];
    __shared__ __half2 sh2[4];
    __shared__ __nv_bfloat16 sb[8];
    __half old = atomicAdd(&h[threadIdx.x], __float2half(f[0]));
    atomicAdd(&h2[threadIdx.x], __floats2half2_rn(f[1], f[2]));
    atomicAdd(b + threadIdx.x, __float2bfloat16(f[3]));
    atomicAdd(&b2[1], __floats2bfloat162_rn(f[4], f[5]));
    atomicAdd(&sh[threadIdx.x % 8], old);
    atomicAdd(&sh2[threadIdx.x % 4], __halves2half2(old, old));
    atomicAdd(&sb[threadIdx.x % 8], b[0]);
    f[6] = __half2float(old) + __half2float(sh[0]) + __low2float(sh2[0]) + __bfloat162float(sb[0]);
}
"""


class _Unit:
    path = "k.cu"


def _device(lower, target: str) -> str:
    module, diags = lower(KERNEL)
    assert not diags, diags
    backend = {"opencl": OpenCLBackend, "cpu": CPUBackend}[target]()
    return backend.device_source(run_pipeline(module, target), _Unit())


def _definitions(text: str) -> list[str]:
    return re.findall(r"^\S.* (cutrans_atomic_\w+)\(", text, re.M)


def test_the_frontend_lowers_each_type_to_the_ir_atomic_add(lower):
    module, diags = lower(KERNEL)
    assert not diags, diags
    atomics = [n for n in walk(module) if isinstance(n, N.Atomic)]
    assert [(a.op, a.type) for a in atomics] == [("add", t) for t in (F16, HALF2, BF16, BFLOAT162, F16, HALF2, BF16)]
    assert all(a.args[1].type == a.type for a in atomics)


def test_opencl_helpers_update_a_16_bit_slot_of_a_word_or_a_float_cell(lower):
    text = _device(lower, "opencl")
    names = _definitions(text)
    assert names == ["cutrans_atomic_add_half_f32_local", "cutrans_atomic_add_bf16_global",
                     "cutrans_atomic_add_bf16_local", "cutrans_atomic_add_half_f16_global",
                     "cutrans_atomic_add_nv_bfloat162_global", "cutrans_atomic_add_half_float2_local",
                     "cutrans_atomic_add_half_u32_global"]
    # a global half: its word, its 16 bits, the sum rounded by vstore_half_rte once
    assert "float cutrans_atomic_add_half_f16_global(volatile __global half *p, float v)" in text
    assert "(volatile __global uchar *)p - offset" in text
    assert "uint bits = (uint)cutrans_fp16_bits(x + v);" in text
    assert "(seen & ~(0xffffu << shift)) | bits << shift" in text
    # a __shared__ half is a float cell: the float sum rounded to half
    assert "as_uint(cutrans_round_half(x + v))" in text
    # pairs are two element updates, and the calls pass the element's address as a pointer
    assert "(float2)(cutrans_atomic_add_half_f16_global(e, v.x), cutrans_atomic_add_half_f16_global(e + 1, v.y))" in text
    assert "float old = cutrans_atomic_add_half_f16_global(h + (uint)get_local_id(0), " in text
    assert "cutrans_atomic_add_half_u32_global(h2 + (uint)get_local_id(0), " in text
    for feature in ("float cutrans_fp16_from_bits(ushort bits)", "ushort cutrans_fp16_bits(float x)",
                    "float cutrans_round_half(float x)"):
        assert feature in text


def test_cpu_helpers_compare_and_swap_the_two_bytes(lower):
    text = _device(lower, "cpu")
    assert _definitions(text) == ["cutrans_atomic_add_bf16", "cutrans_atomic_add_f16", "cutrans_atomic_add_half2",
                                  "cutrans_atomic_add_nv_bfloat162"]
    assert "next = (_Float16)((float)x + (float)v);" in text
    assert "next = cutrans_float_to_bf16(cutrans_bf16_to_float(x) + cutrans_bf16_to_float(v));" in text
    assert "return (half2){cutrans_atomic_add_f16(e, v.x), cutrans_atomic_add_f16(e + 1, v.y)};" in text
    # the helpers come after the struct definitions they use
    assert text.index("} half2;") < text.index("cutrans_atomic_add_half2(half2 *p")


def test_every_pair_names_an_element_helper_of_its_table():
    for table, own in ((half_atomics.OPENCL, {("add_half", "f32")}), (half_atomics.CPU, set())):
        for key, helper in table.items():
            if isinstance(helper, half_atomics.Pair):
                assert helper.element in table or helper.element in own, key


@pytest.mark.parametrize("target", ["opencl", "cpu"])
def test_atomics_on_other_types_keep_their_helpers(lower, target):
    module, diags = lower("__global__ void k(float *f, int *i) { atomicAdd(f, 1.0f); atomicMax(i, 3); }")
    assert not diags
    backend = {"opencl": OpenCLBackend, "cpu": CPUBackend}[target]()
    text = backend.device_source(run_pipeline(module, target), _Unit())
    assert "16" not in " ".join(_definitions(text))


def test_opencl_address_of_a_half_element_is_pointer_arithmetic(lower):
    module, diags = lower(HEAD + """
        __device__ void put(__half *p) { *p = __float2half(1.0f); }
        __device__ void swap(__half2 *p) { *p = __lowhigh2highlow(*p); }
        __global__ void k(__half *h, __half2 *h2) { put(&h[2 * threadIdx.x + 1]); swap(&h2[threadIdx.x]); }""")
    assert not diags, diags
    text = OpenCLBackend().device_source(run_pipeline(module, "opencl"), _Unit())
    assert "put(h + (2u * (uint)get_local_id(0) + 1u));" in text
    assert "swap(h2 + (uint)get_local_id(0));" in text
    assert "&vload_half" not in text
