"""HIP output of a file that includes a header cutrans does not convert (translator/backends/hip.py): the
header's CUDA runtime names come from runtime_shims/hip/cutrans_hip_cuda_names.h, included just before the
first such header and shipped with the output, and generated from the runtime mapping table."""

from __future__ import annotations

import re

from tests.conftest import ROOT
from translator.backends.hip import HipBackend
from translator.driver import load_unit
from translator.mappings import cuda_names, load_table

SHIPPED = f"hip/{cuda_names.HIP_HEADER_NAME}"
INCLUDE = f'#include "{cuda_names.HIP_HEADER_NAME}"'
MAIN = """#include <cuda_runtime.h>
#include "plain.h"
#include "helpers.h"
#include "more_helpers.h"
__global__ void k(int *p) { p[threadIdx.x] = twice(threadIdx.x); }
int main() { int *d; CHECK(cudaMalloc(&d, 64)); k<<<1, 16>>>(d); return 0; }
"""


def _hip(tmp_path, headers: dict[str, str], main: str = MAIN):
    for name, text in headers.items():
        (tmp_path / name).write_text(text)
    (tmp_path / "main.cu").write_text(main)
    out = HipBackend().translate(load_unit(str(tmp_path / "main.cu")), {})
    return out.files["main.hip"].decode(), out.runtime_files


HELPERS = {
    "plain.h": "__device__ inline int twice(int x) { return 2 * x; }\n",
    "helpers.h": "#define CHECK(call) do { cudaError_t e = (call); if (e != cudaSuccess) return 1; } while (0)\n",
    "more_helpers.h": "static inline void sync_all() { cudaDeviceSynchronize(); }\n",
}


def test_included_once_just_before_the_first_header_that_uses_cuda_names(tmp_path):
    text, shipped = _hip(tmp_path, HELPERS)
    assert text.count(INCLUDE) == 1
    assert text.index('#include "plain.h"') < text.index(INCLUDE) < text.index('#include "helpers.h"')
    assert "// cutrans: helpers.h is not converted" in text
    assert SHIPPED in shipped
    assert "hipMalloc(&d, 64)" in text               # the file itself is converted as always


def test_not_included_when_no_header_uses_cuda_names(tmp_path):
    text, shipped = _hip(tmp_path, {**HELPERS, "helpers.h": "#define CHECK(call) (call)\n",
                                    "more_helpers.h": "// cudaless\n"})
    assert INCLUDE not in text and SHIPPED not in shipped


def test_a_word_that_only_looks_like_a_cuda_name_does_not_count(tmp_path):
    text, _ = _hip(tmp_path, {**HELPERS, "helpers.h": "#define CHECK(call) (call) // cudaLikeButNotAnApi\n",
                              "more_helpers.h": "int cuda_count;\n"})
    assert INCLUDE not in text


def test_the_header_maps_what_hip_supports_and_nothing_else():
    header = (ROOT / cuda_names.HIP_OUTPUT).read_text()
    defined = dict(re.findall(r"^#define ((?:make_)?cuda\w+) (\w+)$", header, re.MULTILINE))
    records = {r.name: r for r in load_table("runtime")}
    assert defined and defined == dict(cuda_names.hip_names())
    assert all(records[c].hip == h and records[c].flag("hip") in ("supported", "deprecated")
               for c, h in defined.items())
    unsupported = [r.name for r in records.values() if r.flag("hip") == "unsupported"]
    assert unsupported and not set(unsupported) & set(defined)
    # CUDA's guards, so that headers written under them (helper_cuda.h's checkCudaErrors) see the API
    assert "#define __DRIVER_TYPES_H__" in header
    # and nothing when HIP's names are CUDA's (the CPU emulation of the HIP output), which would be a cycle
    assert header.index("#ifndef CUTRANS_HIP_NAMES_ARE_CUDA") < header.index("#define cudaMalloc ")
