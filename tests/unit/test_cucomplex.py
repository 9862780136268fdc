"""cuComplex in OpenCL and CPU code: each function a kernel calls becomes a device function from the stand-in's
definition (runtime_shims/common/cutrans_cucomplex.h), and host code includes that header."""

from __future__ import annotations

from translator.driver import backend_for, load_unit

SNIPPET = """#include <cuComplex.h>
__global__ void k(const cuFloatComplex* a, cuDoubleComplex* d, float* m) {
    cuFloatComplex q = cuCdivf(a[0], a[1]);
    m[0] = cuCabsf(q);
    d[0] = cuCmul(cuComplexFloatToDouble(q), make_cuDoubleComplex(1.0, -1.0));
}
int main() { cuFloatComplex h = make_cuFloatComplex(1.0f, 2.0f); return cuCrealf(h) > 0.0f ? 0 : 1; }
"""


def _files(cuda_file, target: str) -> dict:
    unit = load_unit(cuda_file(SNIPPET))
    return {n: d.decode() for n, d in backend_for(target).translate(unit, {}).files.items()}


def test_device_code_gets_the_functions_it_calls_with_cudas_arithmetic(cuda_file):
    device = _files(cuda_file, "opencl")["snippet.cl"]
    assert "float2 cuCdivf(float2 a, float2 b)" in device
    assert "float scale = 1.0f / (fabs(b.x) + fabs(b.y));" in device      # CUDA's scaling, not a plain quotient
    assert "float cuCabsf(float2 z)" in device and "double2 cuCmul(double2 a, double2 b)" in device
    assert "cuCaddf" not in device                                        # only what the kernel calls


def test_host_code_includes_the_runtime_cucomplex(cuda_file):
    for target in ("opencl", "cpu"):
        host = _files(cuda_file, target)["snippet.cpp"]
        assert '#include "cutrans_cucomplex.h"' in host and "<cuComplex.h>" not in host
        assert "make_cuFloatComplex(1.0f, 2.0f)" in host                  # the names stay
