"""Inline PTX mma.sync (translator/frontend/ptx.py): which asm statements are recognized, what they become on
each target, and the L009 diagnostics for the rest. No toolchain needed; the numbers are checked by
samples/mma_ptx_gemm.cu (tests/numeric) against the emulation's own PTX (cuemu/ptx.h)."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.backends.hip import HipBackend
from translator.diagnostics import CutransError
from translator.driver import convert_unit, load_unit
from translator.frontend import ptx
from translator.frontend.clang_setup import PTX_HELPERS, SHIMS

M16N8K16 = "mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32"

KERNEL = """#include <cuda_runtime.h>
__global__ void k(const unsigned *p, float *out)
{
    unsigned a[4], b[2];
    float d[4], c[4] = {1.0f, 2.0f, 3.0f, 4.0f};
    for (int i = 0; i < 4; ++i) a[i] = p[threadIdx.x * 4 + i];
    b[0] = p[1];
    b[1] = p[2];
    ASM
    for (int i = 0; i < 4; ++i) out[threadIdx.x * 4 + i] = d[i];
}
"""
PLAIN = ('asm volatile("' + M16N8K16 + ' {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%10,%11,%12,%13};"\n'
         '        : "=f"(d[0]), "=f"(d[1]), "=f"(d[2]), "=f"(d[3])\n'
         '        : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b[0]), "r"(b[1]),\n'
         '          "f"(c[0]), "f"(c[1]), "f"(c[2]), "f"(c[3]));')


def _unit(tmp_path: Path, asm: str):
    path = tmp_path / "k.cu"
    path.write_text(KERNEL.replace("ASM", asm))
    return load_unit(str(path))


def _error(tmp_path: Path, asm: str, target: str = "cpu"):
    with pytest.raises(CutransError) as info:
        convert_unit(_unit(tmp_path, asm), target)
    (diag,) = [d for d in info.value.diagnostics if d.code == "L009"]
    return diag


def test_forms_name_functions_of_the_helper_header():
    text = PTX_HELPERS.read_text()
    assert PTX_HELPERS == SHIMS / "include" / ptx.HEADER
    for instruction, form in ptx.FORMS.items():
        assert f"__device__ inline void {form.helper}(" in text
        assert instruction in text                      # the header names the instruction each one is
        assert len(form.registers) == len(form.kinds) == 4


@pytest.mark.parametrize("target", ["cpu", "opencl"])
def test_recognized_mma_lowers_to_the_helper(tmp_path, target):
    output, _ = convert_unit(_unit(tmp_path, PLAIN), target)
    text = b"".join(output.files.values()).decode()
    assert "cutrans_half_bits_to_float" in text and "asm" not in text


def test_hip_writes_the_call_and_ships_the_header(tmp_path):
    out = HipBackend().translate(_unit(tmp_path, PLAIN), {"offload_arch": "gfx90a"})
    ((_, text),) = out.files.items()
    text = text.decode()
    assert "asm" not in text and f'#include "{ptx.HEADER}"' in text
    assert ("cutrans_ptx::cutrans_mma_m16n8k16_f32_f16(d[0], d[1], d[2], d[3], a[0], a[1], a[2], a[3], b[0], b[1], "
            "c[0], c[1], c[2], c[3]);") in text
    assert f"include/{ptx.HEADER}" in out.runtime_files


def test_in_place_accumulator_and_lone_register_groups(tmp_path):
    asm = ('asm volatile("mma.sync.aligned.m16n8k8.row.col.f32.f16.f16.f32 {%0,%1,%2,%3}, {%4,%5}, %6, '
           '{%0,%1,%2,%3};" : "+f"(d[0]), "+f"(d[1]), "+f"(d[2]), "+f"(d[3]) : "r"(a[0]), "r"(a[1]), "r"(b[0]));')
    out = HipBackend().translate(_unit(tmp_path, "d[0] = d[1] = d[2] = d[3] = 0.0f;\n    " + asm),
                                 {"offload_arch": "gfx90a"})
    text = next(iter(out.files.values())).decode()
    assert "cutrans_ptx::cutrans_mma_m16n8k8_f32_f16(d[0], d[1], d[2], d[3], a[0], a[1], b[0], d[0], d[1], d[2], d[3]);" \
        in text


@pytest.mark.parametrize("asm, message", [
    ('asm volatile("mov.u32 %0, %%laneid;" : "=r"(b[0]));', "PTX 'mov.u32' has no translation"),
    ('asm volatile("mma.sync.aligned.m16n8k16.row.col.f16.f16.f16.f16 {%0,%1}, {%2,%3,%4,%5}, {%6,%7}, {%0,%1};"'
     ' : "+r"(b[0]), "+r"(b[1]) : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b[0]), "r"(b[1]));',
     "PTX 'mma.sync.aligned.m16n8k16.row.col.f16.f16.f16.f16' has no translation"),
    (PLAIN.replace("{%8,%9}", "{%8}"), "B takes 2 registers, the asm names 1"),
    (PLAIN.replace('"f"(c[0])', '"r"(a[0])'), "C register %10 has constraint \"r\", where \"f\" is expected"),
    (PLAIN.replace("{%10,%11,%12,%13}", "{%0,%1,%2,%3}"), "reads operand \"=f\"(d[0]), which the asm only writes"),
    (PLAIN.replace("{%0,%1,%2,%3}", "{%4,%5,%6,%7}", 1), "D register %4 has constraint \"r\""),
    (PLAIN.replace("%13}", "%14}"), "C register '%14' is not an operand %0..%13"),
])
def test_refusals_say_why(tmp_path, asm, message):
    diag = _error(tmp_path, asm)
    assert message in diag.message, diag.message
    assert (diag.line, diag.col) == (9, 5)


def test_every_target_refuses_unknown_ptx_before_writing_anything(tmp_path):
    asm = 'asm volatile("mov.u32 %0, %%laneid;" : "=r"(b[0]));'
    for target in ("cpu", "opencl"):
        assert "inline assembly" in _error(tmp_path, asm, target).message
