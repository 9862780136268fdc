"""nvcuda::wmma on the HIP backend: `#include <mma.h>` becomes runtime_shims/hip/cutrans_hip_wmma.h, which ships
with the output; everything else the program says about wmma stays as written. No toolchain needed; the
header's arithmetic is checked in tests/numeric/test_hip_wmma_header.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from translator.backends import hip
from translator.backends.hip import HIP_HEADERS, HipBackend
from translator.cli import main
from translator.diagnostics import CutransError, Severity
from translator.driver import load_unit
from translator.frontend.clang_setup import SHIMS
from translator.ir.matrix import SHAPES

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = sorted((ROOT / "samples").glob("wmma_*.cu"))
HEADER = "cutrans_hip_wmma.h"
RUNTIME_FILE = f"hip/{HEADER}"
# the wmma header includes the bf16 and fp16 ones, and the fp16 one its atomics
RUNTIME_FILES = ["hip/cutrans_hip_atomic16.h", "hip/cutrans_hip_bf16.h", "hip/cutrans_hip_fp16.h", RUNTIME_FILE]
WAVE64, WAVE32 = {"offload_arch": "gfx90a"}, {"offload_arch": "gfx1030"}

KERNEL = """#include <cuda_runtime.h>
#include <mma.h>
using namespace nvcuda;
__global__ void k(const float *a, const float *b, float *d)
{
    wmma::fragment<wmma::matrix_a, 16, 16, 8, wmma::precision::tf32, wmma::row_major> fa;
    nvcuda::wmma::fragment<nvcuda::wmma::matrix_b, 16, 16, 8, wmma::precision::tf32, wmma::col_major> fb;
    auto acc = wmma::fragment<wmma::accumulator, 16, 16, 8, float>();
    wmma::load_matrix_sync(fa, a, 8);
    wmma::load_matrix_sync(fb, b, 8);
    for (int i = 0; i < fa.num_elements; i++) fa.x[i] = wmma::__float_to_tf32(fa.x[i]);
    wmma::mma_sync(acc, fa, fb, acc);
    wmma::store_matrix_sync(d, acc, 16, wmma::mem_row_major);
}
"""


def _translate(tmp_path: Path, text: str, options=WAVE64):
    path = tmp_path / "k.cu"
    path.write_text(text)
    return HipBackend().translate(load_unit(str(path)), options)


def _lines(output) -> list[str]:
    ((_, text),) = output.files.items()
    return text.decode().splitlines()


def test_mma_include_becomes_the_shipped_header(tmp_path):
    out = _translate(tmp_path, KERNEL)
    lines = _lines(out)
    assert f'#include "{HEADER}"' in lines and "#include <mma.h>" not in lines
    assert out.runtime_files == RUNTIME_FILES
    assert all((SHIMS / f).is_file() for f in RUNTIME_FILES)
    assert HIP_HEADERS["mma.h"][0] == f'#include "{HEADER}"' and sorted(HIP_HEADERS["mma.h"][1]) == RUNTIME_FILES


def test_wmma_code_is_left_as_written(tmp_path):
    """Only the two include lines change: nvcuda::wmma, the fragments and the calls keep their spelling."""
    out = _lines(_translate(tmp_path, KERNEL))
    original = KERNEL.splitlines()
    assert len(out) == len(original)
    changed = [(a, b) for a, b in zip(original, out) if a != b]
    assert changed == [("#include <cuda_runtime.h>", "#include <hip/hip_runtime.h>"),
                       ("#include <mma.h>", f'#include "{HEADER}"')]
    assert "using namespace nvcuda;" in out


def test_no_mma_include_ships_no_header(tmp_path):
    out = _translate(tmp_path, "__global__ void k(float *p) { p[threadIdx.x] = 1.0f; }\n")
    assert RUNTIME_FILE not in out.runtime_files
    assert not any(HEADER in line for line in _lines(out))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_samples_translate_deterministically_and_alike_at_both_wave_widths(sample):
    """No warp-size rewrite touches wmma: the header is correct at any width, so gfx90a and gfx1030 get the
    same file, and the same file each time."""
    outputs = [HipBackend().translate(load_unit(str(sample)), options) for options in (WAVE64, WAVE64, WAVE32)]
    assert outputs[0].files == outputs[1].files == outputs[2].files
    assert all(o.runtime_files == RUNTIME_FILES for o in outputs)
    assert not [d for d in outputs[0].diagnostics if d.severity >= Severity.ERROR]


def test_layout_dependent_element_access_is_refused_as_on_the_other_targets(tmp_path):
    text = KERNEL.replace("    wmma::mma_sync", "    acc.x[0] = 1.0f;\n    wmma::mma_sync")
    with pytest.raises(CutransError) as caught:
        _translate(tmp_path, text)
    (diag,) = caught.value.diagnostics
    assert diag.code == "L011" and "x[i]" in diag.message and diag.line == 12


def test_convert_writes_the_header_next_to_the_output(tmp_path):
    source = tmp_path / "k.cu"
    source.write_text(KERNEL)
    assert main(["convert", str(source), "--to", "hip", "-o", str(tmp_path / "out")]) == 0
    assert (tmp_path / "out" / HEADER).read_bytes() == (SHIMS / RUNTIME_FILE).read_bytes()
    assert f'#include "{HEADER}"' in (tmp_path / "out" / "k.hip").read_text()


def test_header_says_when_it_uses_matrix_cores_and_works_at_both_widths():
    text = (SHIMS / RUNTIME_FILE).read_text()
    head = text.split("#ifndef")[0]
    assert "By default this implementation does not use AMD's matrix cores" in head
    assert "32- and 64-lane wavefronts" in head
    assert "Matrix-core mode (CUTRANS_WMMA_MATRIX_CORES=1" in head and "unsafe rewrite" in head
    for instruction in ("v_mfma_f32_4x4x4f16", "v_mfma_f32_4x4x1f32", "v_mfma_i32_4x4x4i8"):
        assert instruction in head
    assert "namespace nvcuda" in text and "namespace wmma" in text
    assert "By default it does not use AMD's matrix cores" in hip.__doc__ and "32- and 64-lane" in hip.__doc__


def test_header_lists_every_fragment_the_ir_translates():
    """The header's shape checks and the IR's table (translator/ir/matrix.py) name the same fragments."""
    text = (SHIMS / RUNTIME_FILE).read_text()
    for precision in SHAPES:
        for m, n, k in SHAPES[precision].shapes:
            assert re.search(rf"shape_is\(m, n, k, {m}, {n}, {k}\)", text), (precision, m, n, k)
    assert "struct tf32" in text and "enum layout_t { mem_row_major, mem_col_major }" in text


# --tensor-core intrinsics: the unsafe rewrite tensor-core-intrinsics (translator/unsafe.py)
MATRIX_CORES = {"offload_arch": "gfx90a", "unsafe": ("tensor-core-intrinsics",)}


@pytest.mark.parametrize("arch", ["gfx908", "gfx90a", "gfx940", "gfx942:xnack-"])
def test_intrinsics_mode_includes_the_matrix_core_header(tmp_path, arch):
    out = _translate(tmp_path, KERNEL, {**MATRIX_CORES, "offload_arch": arch})
    lines = _lines(out)
    assert '#include "cutrans_hip_wmma_mfma.h"' in lines and f'#include "{HEADER}"' not in lines
    assert out.runtime_files == sorted(RUNTIME_FILES + ["hip/cutrans_hip_wmma_mfma.h"])
    assert (SHIMS / "hip/cutrans_hip_wmma_mfma.h").is_file()
    # only the include differs from the default translation
    default = _lines(_translate(tmp_path, KERNEL, {"offload_arch": arch}))
    assert [a for a, b in zip(lines, default) if a != b] == ['#include "cutrans_hip_wmma_mfma.h"']


@pytest.mark.parametrize("arch", ["gfx1030", "gfx1100", "gfx906"])
def test_intrinsics_mode_refuses_an_arch_without_matrix_cores(tmp_path, arch):
    with pytest.raises(CutransError) as info:
        _translate(tmp_path, KERNEL, {**MATRIX_CORES, "offload_arch": arch})
    (diag,) = info.value.diagnostics
    assert (diag.code, diag.line, diag.col) == ("U001", 2, 1)
    assert f"which {arch} does not have (CDNA archs do: gfx908, gfx90a, gfx940, gfx941, gfx942)" in diag.message


def test_intrinsics_mode_leaves_programs_without_wmma_alone(tmp_path):
    text = "#include <cuda_runtime.h>\n__global__ void k(float *p) { p[threadIdx.x] = 1.0f; }\n"
    wave32 = {**MATRIX_CORES, "offload_arch": "gfx1030"}
    assert _lines(_translate(tmp_path, text, wave32)) == _lines(_translate(tmp_path, text, WAVE32))


def test_intrinsics_mode_is_an_unsafe_rewrite_of_hip_only():
    from translator import unsafe
    assert unsafe.TENSOR_CORE_MODES == {"portable": (), "intrinsics": ("tensor-core-intrinsics",)}
    (rewrite,) = unsafe.applied({"unsafe": ("tensor-core-intrinsics",)}, "hip")
    assert rewrite.rel_tol > 0 and "matrix cores" in rewrite.reason
    assert unsafe.applied({"unsafe": ("tensor-core-intrinsics",)}, "cpu") == ()
    assert unsafe.applied({"unsafe": ("tensor-core-intrinsics",)}, "opencl") == ()


def test_cli_tensor_core_option(tmp_path, capsys):
    src = tmp_path / "k.cu"
    src.write_text(KERNEL)
    assert main(["convert", str(src), "--to", "hip", "-o", str(tmp_path / "out"), "--tensor-core", "intrinsics"]) == 0
    assert '#include "cutrans_hip_wmma_mfma.h"' in (tmp_path / "out" / "k.hip").read_text()
    assert (tmp_path / "out" / "cutrans_hip_wmma_mfma.h").is_file()
    assert main(["convert", str(src), "--to", "hip", "-o", str(tmp_path / "w32"), "--tensor-core", "intrinsics",
                 "--offload-arch", "gfx1030"]) != 0
    assert "[U001]" in capsys.readouterr().err
    assert not (tmp_path / "w32" / "k.hip").exists()
