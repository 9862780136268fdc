"""NaNs of the 16-bit float types as an H100 makes them (docs/verify.md, "Against real CUDA"): arithmetic and a
float converted to __half or __nv_bfloat16 give the canonical 0x7fff whatever the sign and payload, while
a double NaN keeps its sign and the top bits of its payload, made quiet. samples/nan_conversions_to_16bit.cu
checks the numbers on every target; these tests check the spellings that make them, so that a backend
cannot drop a helper unnoticed. Also: real CUDA's reference build takes constexpr functions in device
code, as the frontend does."""

from __future__ import annotations

import subprocess

from translator.driver import convert_unit, load_unit
from translator.verify import cuda_reference

SOURCE = """#include <cuda_fp16.h>
#include <cuda_bf16.h>
__global__ void k(const float *f, const double *d, unsigned short *o) {
    o[0] = __half_as_ushort(__float2half(f[0]));
    o[1] = __half_as_ushort(__double2half(d[0]));
    o[2] = __bfloat16_as_ushort(__double2bfloat16(d[0]));
    o[3] = __half_as_ushort(__float2half(2.0f));
    __nv_bfloat16 b = __double2bfloat16(d[1]);
    o[4] = __bfloat16_as_ushort(__hfma(b, b, b));
}
"""


def _kernels(tmp_path, target: str) -> str:
    path = tmp_path / "nans.cu"
    path.write_text(SOURCE)
    output, _ = convert_unit(load_unit(str(path)), target, {})
    return "".join(text.decode() for name, text in output.files.items()
                   if name.endswith((".kernels.c", ".cl")))


def test_the_cpu_target_narrows_a_float_through_the_canonical_nan_helper(tmp_path):
    text = _kernels(tmp_path, "cpu")
    assert "return x != x ? nan : (_Float16)x;" in text                    # the helper gives 0x7fff
    assert "cutrans_f16_bits(cutrans_f16_from_float(f[0]))" in text.replace("cutrans_fp16_bits", "cutrans_f16_bits")
    assert "(_Float16)d[0]" in text                     # a double: the C conversion keeps sign and payload
    assert "cutrans_f16_from_float(2.0f)" not in text   # a literal is no NaN


def test_the_bfloat16_helpers_keep_a_double_nans_payload_and_make_fma_nans_canonical(tmp_path):
    for target in ("cpu", "opencl"):
        text = _kernels(tmp_path, target)
        assert "0x7fc0u | ((n >> 45) & 0x3fu)" in text, target                 # __double2bfloat16
        conversion = text.index("cutrans_double_to_bf16(double d)")
        assert text.index("if (d != d)", conversion) < text.index("float f = (float)d;", conversion), target
        fma = text[text.index("cutrans_fma_bf16(float a"):]
        assert "if (s != s) {\n        return (cutrans_bf16)0x7fffu;" in fma[:fma.index("\n}")], target


def test_the_opencl_half_helpers_carry_nan_payloads_through_the_float_image(tmp_path):
    text = _kernels(tmp_path, "opencl")
    for helper, line in (("cutrans_round_half_f64", "0x7fc00000u | ((uint)(n >> 42) & 0x1ffu) << 13"),
                         ("cutrans_fp16_bits", "0x7c00u | (u >> 13) & 0x3ffu")):
        body = text[text.index(f"{helper}("):]
        assert line in body[:body.index("\n}")], helper


def test_the_real_cuda_reference_allows_constexpr_functions_in_device_code(tmp_path, monkeypatch):
    seen = []
    monkeypatch.setattr(cuda_reference, "nvcc", lambda: "/opt/cuda/bin/nvcc")
    monkeypatch.setattr(subprocess, "run", lambda argv, **_: seen.append(argv) or
                        subprocess.CompletedProcess(argv, 0, "", ""))
    source = tmp_path / "p.cu"
    source.write_text("int main() { return 0; }\n")
    cuda_reference.build(source, tmp_path / "p")
    assert "--expt-relaxed-constexpr" in seen[0] and "-fmad=true" in seen[0]
