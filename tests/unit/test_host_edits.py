"""host_edits: renames through the table, includes, launches, dropped device declarations, diagnostics."""

from __future__ import annotations

import pytest

from translator.backends.edits import apply_edits
from translator.backends.host_edits import host_edits
from translator.diagnostics import Severity
from translator.frontend.clang_setup import parse
from translator.frontend.host_sites import collect_host_sites

SOURCE = """#include <cuda_runtime.h>
// a comment that mentions cudaMalloc stays as it is
__device__ float twice(float v) { return 2 * v; }
__host__ __device__ float same(float v) { return v; }
__global__ void scale(float *a, int n) {
    int i = threadIdx.x;
    if (i < n) a[i] = twice(a[i]);
}
int main() {
    float *d;
    cudaMalloc(&d, 64);
    scale<<<1, 16, 0, cudaStreamPerThread>>>(d, 16);
    cudaThreadSynchronize();
    cudaFree(d);
    return 0;
}
"""


@pytest.fixture(scope="module")
def sites(tmp_path_factory):
    path = tmp_path_factory.mktemp("edits") / "prog.cu"
    path.write_text(SOURCE)
    tu, source, _ = parse(str(path))
    return collect_host_sites(tu, str(path), source)


def untouched_parts(source: bytes, edits) -> list[bytes]:
    cuts = [0] + [x for e in sorted(edits) for x in (e.start, e.end)] + [len(source)]
    return [source[a:b] for a, b in zip(cuts[::2], cuts[1::2])]


def test_hip_renames_and_keeps_everything_else(sites):
    edits, diags = host_edits(sites, "hip", include_map={"cuda_runtime.h": "#include <hip/hip_runtime.h>"})
    out = apply_edits(sites.source, edits).decode()
    assert "#include <hip/hip_runtime.h>\n// a comment that mentions cudaMalloc stays" in out
    assert "hipMalloc(&d, 64);" in out and "hipFree(d);" in out and "hipDeviceSynchronize();" in out
    assert "scale<<<1, 16, 0, hipStreamPerThread>>>(d, 16);" in out
    pieces = untouched_parts(sites.source, edits)
    assert all(p in sites.source for p in pieces) and sum(map(len, pieces)) > len(sites.source) * 0.8
    assert [(d.code, d.severity, d.line) for d in diags] == [("M002", Severity.WARNING, 13)]
    assert "cudaThreadSynchronize" in diags[0].message and "hipDeviceSynchronize" in diags[0].message


def test_edits_never_overlap(sites):
    edits, _ = host_edits(sites, "opencl", launch=lambda s, src: "LAUNCH()", drop_device_decls=True,
                          include_map={"cuda_runtime.h": '#include "oclrt.h"'})
    ordered = sorted(edits)
    assert all(a.end <= b.start for a, b in zip(ordered, ordered[1:]))


def test_dropped_declarations_leave_a_note_and_keep_line_numbers(sites):
    edits, _ = host_edits(sites, "cpu", drop_device_decls=True, moved_note="prog.device.c")
    out = apply_edits(sites.source, edits).decode()
    assert "/* cutrans: kernel 'scale' moved to prog.device.c */\n\n\n" in out
    assert "/* cutrans: device function 'twice' moved to prog.device.c */" in out
    assert "__host__ __device__ float same(float v) { return v; }" in out
    assert out.count("\n") == SOURCE.count("\n")
    assert "threadIdx" not in out


def test_launch_callback_sees_renamed_pieces(sites):
    seen = []

    def launch(site, source):
        seen.append([s.text(source) for s in site.config_args] + [site.callee.text(source)])
        return "LAUNCHED"
    edits, _ = host_edits(sites, "hip", launch=launch)
    out = apply_edits(sites.source, edits).decode()
    assert seen == [["1", "16", "0", "hipStreamPerThread", "scale"]]
    assert "    LAUNCHED;\n" in out and "hipMalloc(&d, 64);" in out


def test_unsupported_name_is_an_m001_at_its_location(sites):
    _, diags = host_edits(sites, "opencl")
    errors = [d for d in diags if d.severity == Severity.ERROR]
    assert [(d.code, d.line, d.col) for d in errors] == [("M001", 12, 23)]
    assert "'cudaStreamPerThread'" in errors[0].message and "opencl" in errors[0].message
    assert errors[0].path == sites.path


def test_unknown_header_is_left_alone(sites):
    edits, _ = host_edits(sites, "hip", include_map={"cstdio": "#include <stdio.h>"})
    assert not any(e.why.startswith("include") for e in edits)
