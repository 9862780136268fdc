"""The HIP warp-size rewrite (translator/backends/hip_warp.py): which code keeps CUDA's 32-lane warps on a
64-lane wavefront, what code written for any warp width gets, and what is refused or reported."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from translator.backends.hip import HipBackend
from translator.backends.hip_warp import WARP32_NAMES, components, native_functions
from translator.cli import main
from translator.diagnostics import CutransError
from translator.driver import load_unit

COMPAT = Path(__file__).resolve().parents[2] / "runtime_shims" / "hip" / "cutrans_hip_compat.h"
WAVE64, WAVE32 = {"offload_arch": "gfx90a"}, {"offload_arch": "gfx1030"}

WARP32_KERNEL = """#define FULL 0xffffffffu
__device__ int warp_sum(int v) {
    for (int off = 16; off > 0; off /= 2)
        v += __shfl_down_sync(FULL, v, off);
    return v;
}
__global__ void k(int *out, const int *in) {
    int lane = threadIdx.x % 32;
    int v = warp_sum(in[threadIdx.x]);
    unsigned b = __ballot_sync(0xffffffff, v > 0);
    int any = __any_sync(FULL, v), all = __all_sync(FULL, v);
    unsigned live = __activemask();
    __syncwarp();
    v = __shfl_xor_sync(FULL, v, 1) + __shfl_up_sync(FULL, v, 1, 16) + __shfl_sync(FULL, v, 31 - lane);
    v += __reduce_add_sync(FULL, v) + __reduce_min_sync(live, v) + (int)__reduce_or_sync(0xffffffff, (unsigned)v);
    if (lane == 0) out[threadIdx.x / 32] = v + __popc(b) + any + all + (int)live;
}
"""

NATIVE_KERNEL = """#define FULL 0xffffffffu
__device__ int reduce(int v) {
    for (int off = warpSize / 2; off > 0; off /= 2)
        v += __shfl_down_sync(0xffffffff, v, off);
    return v;
}
__global__ void k(int *out, const int *in) {
    int v = reduce(in[threadIdx.x]);
    v = __reduce_max_sync(0xffffffff, v);
    unsigned long long b = __ballot_sync(FULL, v > 0);
    if (threadIdx.x % warpSize == 0) out[threadIdx.x / warpSize] = v + (int)__popcll(b);
}
"""


def _unit(tmp_path: Path, text: str, name: str = "snippet.cu"):
    path = tmp_path / name
    path.write_text(text)
    return load_unit(str(path))


def _hip(tmp_path: Path, text: str, options: dict):
    out = HipBackend().translate(_unit(tmp_path, text), options)
    return out.files["snippet.hip"].decode(), out.diagnostics


def _code(hip: str) -> str:
    """The translated text after the includes the backend adds."""
    return hip.split('#include "cutrans_hip_compat.h"\n', 1)[1]


def test_warp32_code_keeps_cuda_warps_at_wave64(tmp_path):
    hip, diags = _hip(tmp_path, WARP32_KERNEL, WAVE64)
    expected = WARP32_KERNEL
    for cuda, twin in WARP32_NAMES.items():
        expected = re.sub(rf"\b{cuda}\b", twin, expected)
    assert _code(hip) == expected and diags == []
    assert "__syncwarp();" in hip and "threadIdx.x % 32" in hip and "off = 16" in hip   # every 32 stays


def test_wave32_target_leaves_the_code_as_written(tmp_path):
    hip, diags = _hip(tmp_path, WARP32_KERNEL, WAVE32)
    assert _code(hip) == WARP32_KERNEL and diags == []


def test_rewrite_can_be_turned_off(tmp_path):
    hip, _ = _hip(tmp_path, WARP32_KERNEL, {**WAVE64, "warp_rewrite": False})
    assert _code(hip) == WARP32_KERNEL


def test_code_reading_warpsize_keeps_native_wavefronts(tmp_path):
    hip, diags = _hip(tmp_path, NATIVE_KERNEL, WAVE64)
    assert _code(hip) == NATIVE_KERNEL.replace("(0xffffffff,", "(0xffffffffffffffffull,")
    assert sorted((d.code, d.line, str(d.severity)) for d in diags) == [("B005", 10, "warning"), ("B005", 10, "warning")]
    assert any("not written as a literal" in d.message for d in diags)     # FULL: a macro, left as is
    assert any("ballot result" in d.message for d in diags)


def test_a_device_function_shares_its_kernels_warp_model(tmp_path):
    module = _unit(tmp_path, NATIVE_KERNEL + WARP32_KERNEL.replace("warp_sum", "ws").replace(" k(", " k32(")
                   .replace("#define FULL 0xffffffffu\n", "")).module
    comp = components(module)
    assert comp["reduce"] == comp["k"] != comp["ws"] == comp["k32"]
    assert native_functions(module) == {"reduce", "k"}


def test_a_warp_intrinsic_behind_a_macro_is_refused_at_wave64(tmp_path):
    text = ("#define SHFL(v, o) __shfl_down_sync(0xffffffff, v, o)\n"
            "__global__ void k(int *p) { p[threadIdx.x] = SHFL(p[threadIdx.x], 1); }\n")
    with pytest.raises(CutransError) as info:
        HipBackend().translate(_unit(tmp_path, text), WAVE64)
    assert [(d.code, d.line) for d in info.value.diagnostics] == [("B004", 2)]
    assert HipBackend().translate(_unit(tmp_path, text), WAVE32).diagnostics == []


def test_warp_intrinsics_without_ir_are_refused_at_wave64(tmp_path):
    text = ("__global__ void k(int *p) { int i = p[0]; if (i) goto done; done:\n"
            "  p[threadIdx.x] = __shfl_down_sync(0xffffffff, i, 1); }\n")
    unit = _unit(tmp_path, text)
    assert any(d.severity >= 2 for d in unit.diagnostics), "the snippet no longer fails to lower"
    with pytest.raises(CutransError) as info:
        HipBackend().translate(unit, WAVE64)
    assert info.value.diagnostics[0].code == "B004"


def test_the_compat_header_defines_every_twin():
    header = COMPAT.read_text()
    # the reductions' twins are defined by CUTRANS_DEFINE_REDUCE(op, T), once per overload
    reductions = {f"cutrans_warp32_reduce_{op}_sync" for op in re.findall(r"^CUTRANS_DEFINE_REDUCE\((\w+), ", header, re.M)}
    for twin in WARP32_NAMES.values():
        assert re.search(rf"\b{twin}\s*\(", header) or twin in reductions, twin


def test_convert_takes_the_offload_arch(tmp_path, monkeypatch):
    monkeypatch.delenv("CUTRANS_HIP_ARCH", raising=False)          # the default arch: gfx90a, wave64
    src = tmp_path / "w.cu"
    src.write_text(WARP32_KERNEL)
    assert main(["convert", str(src), "--to", "hip", "-o", str(tmp_path / "a")]) == 0
    assert "cutrans_warp32_ballot_sync" in (tmp_path / "a" / "w.hip").read_text()
    assert main(["convert", str(src), "--to", "hip", "-o", str(tmp_path / "b"), "--offload-arch", "gfx1030"]) == 0
    assert "cutrans_warp32" not in (tmp_path / "b" / "w.hip").read_text()
    assert main(["convert", str(src), "--to", "hip", "-o", str(tmp_path / "c"), "--no-warp-rewrite"]) == 0
    assert "cutrans_warp32" not in (tmp_path / "c" / "w.hip").read_text()


ROWS_OF_WARPS = """
__global__ void rows(float *out, const float *in, int n) {
    int t = threadIdx.y * warpSize + threadIdx.x;       // blockDim.x == warpSize assumed
    for (int i = t; i < n; i += blockDim.y * warpSize) out[i] = 2 * in[i];
}
__global__ void flat(float *out, int n) { int i = threadIdx.x * 2; if (i < n) out[i] = warpSize; }
"""


def test_rows_of_warpsize_threads_become_32_lane_code_on_wave64_only(tmp_path):
    """CUDA launches such code with its 32 (HeCBench scatterAdd: `int thread_x = 32; //warpSize;`): in CUDA
    warpSize is 32, so the component's warpSize reads become 32; other kernels keep reading warpSize."""
    hip, diags = _hip(tmp_path, ROWS_OF_WARPS, WAVE64)
    assert [(d.code, d.line, d.col, str(d.severity)) for d in diags] == [("B006", 3, 13, "note")]
    assert "'threadIdx.y * warpSize' numbers the threads as rows of warpSize" in diags[0].message
    assert "int t = threadIdx.y * 32 + threadIdx.x;" in hip and "i += blockDim.y * 32)" in hip
    assert "out[i] = warpSize;" in hip                      # `flat` is another component: native
    hip, diags = _hip(tmp_path, ROWS_OF_WARPS, WAVE32)
    assert diags == [] and hip.count("warpSize") == ROWS_OF_WARPS.count("warpSize")


ROWS_WITH_A_SHUFFLE = """#define WARP warpSize
__device__ float lane_sum(float v) {
    for (int off = warpSize / 2; off > 0; off /= 2) v += __shfl_down_sync(0xffffffff, v, off);
    return v;
}
__global__ void rows(float *out, const float *in) {
    int t = threadIdx.y * warpSize + threadIdx.x;
    float s = lane_sum(in[t]);
    if (threadIdx.x == 0) out[threadIdx.y] = s;
}
__global__ void macro_rows(float *out) { out[threadIdx.y * warpSize + threadIdx.x] = WARP; }
"""


def test_a_row_component_gets_the_32_lane_twins_and_a_macro_read_keeps_it_native(tmp_path):
    hip, diags = _hip(tmp_path, ROWS_WITH_A_SHUFFLE, WAVE64)
    assert [(d.code, d.line, str(d.severity)) for d in diags] == [("B006", 7, "note"), ("B005", 11, "warning")]
    assert "for (int off = 32 / 2; off > 0; off /= 2) v += cutrans_warp32_shfl_down_sync(0xffffffff, v, off);" in hip
    assert "out[threadIdx.y * warpSize + threadIdx.x] = WARP;" in hip
    assert "not the word warpSize (a macro?)" in diags[1].message


CUB_WARPS = """#include <cub/cub.cuh>
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>
namespace cg = cooperative_groups;
typedef cub::WarpReduce<float> FileScope;
__device__ float fold(float a, float b) { return a * 0.5f + b; }
__global__ void per32(const float *in, float *out) {
    __shared__ typename cub::WarpReduce<float>::TempStorage temp[4];
    cg::thread_block_tile<32> warp = cg::tiled_partition<32>(cg::this_thread_block());
    float v = __shfl_xor_sync(0xffffffff, in[threadIdx.x], 1);
    out[threadIdx.x] = cub::WarpReduce<float>(temp[threadIdx.x / 32]).Sum(v) + cg::reduce(warp, v, fold);
}
__global__ void native(const float *in, float *out) {
    __shared__ typename cub::WarpReduce<float>::TempStorage temp[16];
    out[threadIdx.x] = cub::WarpReduce<float>(temp[threadIdx.x / warpSize]).Sum(in[threadIdx.x]);
}
"""


def test_cub_warp_widths_follow_the_code_that_uses_them(tmp_path):
    """A CUB warp collective without a width gets CUDA's 32 in 32-lane code (and at file scope, where that code is),
    keeps hipCUB's wavefront default in code that reads warpSize; the warp operations of the library calls
    themselves (cg::reduce, cub::WarpReduce) are not renamed and raise no B004 beside a direct intrinsic."""
    hip, diags = _hip(tmp_path, CUB_WARPS, WAVE64)
    per32, native = _code(hip).split("__global__ void native")
    assert "typedef hipcub::WarpReduce<float, 32> FileScope;" in per32
    assert per32.count("hipcub::WarpReduce<float, 32>") == 3
    assert "cutrans_warp32_shfl_xor_sync(0xffffffff" in per32 and "cg::reduce(warp, v, fold)" in per32
    assert native.count("hipcub::WarpReduce<float>") == 2 and "32>" not in native
    assert not [d for d in diags if d.code == "B004"]


def test_file_scope_widths_stay_default_where_all_warp_code_reads_warpsize(tmp_path):
    native_only = CUB_WARPS.split("__global__ void per32")[0] + "__global__ void native" + \
        CUB_WARPS.split("__global__ void native")[1]
    hip, _ = _hip(tmp_path, native_only, WAVE64)
    assert "typedef hipcub::WarpReduce<float> FileScope;" in hip and "32>" not in hip


def test_a_cub_warp_in_rows_of_warps_gets_cudas_width(tmp_path):
    """Code that numbers rows of warpSize is converted as 32-lane code (B006), so its WarpReduce gets 32 too."""
    source = """#include <cub/cub.cuh>
__global__ void rows(const float *in, float *out) {
    __shared__ typename cub::WarpReduce<float>::TempStorage temp[8];
    int t = threadIdx.y * warpSize + threadIdx.x;
    out[t] = cub::WarpReduce<float>(temp[threadIdx.y]).Sum(in[t]);
}
"""
    hip, diags = _hip(tmp_path, source, WAVE64)
    assert hip.count("hipcub::WarpReduce<float, 32>") == 2 and "threadIdx.y * 32 + threadIdx.x" in hip
    assert [d.code for d in diags] == ["B006"]
