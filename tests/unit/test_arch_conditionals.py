"""L014 (translator/frontend/arch_conditionals.py): every conditional directive that tests __CUDA_ARCH__ gets a
warning, since cutrans reads the file as nvcc's host pass does; other directives, and the macro named in a
comment or a #define, get none."""

from __future__ import annotations

from translator.driver import load_unit

SOURCE = r"""#define X 1
template <class T> __device__ T sum(unsigned m, T v) { return v + __shfl_down_sync(m, v, 1); }
#if __CUDA_ARCH__ >= 800
template <> __device__ int sum<int>(unsigned m, int v) { return __reduce_add_sync(m, v); }
#endif
__host__ __device__ int where() {
#ifdef __CUDA_ARCH__
    return 1;
#elif defined(X) && \
      defined(__CUDA_ARCH__)
    return 2;
#else
    return 3;
#endif
}
#if X /* not __CUDA_ARCH__ */
#define ARCH_NOTE "__CUDA_ARCH__"
#endif
#ifndef __CUDA_ARCH__
#define HOST_SIDE 1
#endif
__global__ void k(int *o) { o[threadIdx.x] = sum(0xffffffffu, o[threadIdx.x]) + where(); }
"""


def test_each_directive_that_tests_the_macro_warns_once(cuda_file):
    unit = load_unit(cuda_file(SOURCE))
    found = [(d.line, d.col, d.message.split("'")[1]) for d in unit.diagnostics if d.code == "L014"]
    assert found == [
        (3, 1, "#if __CUDA_ARCH__ >= 800"),
        (7, 1, "#ifdef __CUDA_ARCH__"),
        (9, 1, "#elif defined(X) && defined(__CUDA_ARCH__)"),       # the continued line joined
        (19, 1, "#ifndef __CUDA_ARCH__"),
    ]
    assert all(d.severity.name == "WARNING" and "host pass" in d.message
               for d in unit.diagnostics if d.code == "L014")
    # the warning does not stop the translation: the kernel is lowered, from the host pass's branches
    assert [f.name for f in unit.module.functions if f.kind == "kernel"] == ["k"]
