"""Launch-header helpers of backends/program.py that need no toolchain."""

from __future__ import annotations

from translator.backends.program import MIRRORS, host_declaration, kernel_handles
from translator.ir import nodes as N
from translator.ir.types import F16, Array, Pointer, Scalar, Struct


def _kernels(*names):
    return [N.Function(name, "kernel", None, [], None) for name in names]


def test_a_kernel_passed_as_an_argument_gets_a_handle():
    source = b"""
// tile_kernel and its twin (direct_kernel) are chosen below
cudaFuncSetAttribute(tile_kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, bytes);
register_kernel( &other_kernel );
direct_kernel<<<grid, block>>>(x);
printf("direct_kernel, %d\\n", n);
"""
    handles = kernel_handles(_kernels("tile_kernel", "other_kernel", "direct_kernel"), source)
    assert [(h["name"], h["device_name"]) for h in handles] == [("tile_kernel", "tile_kernel"),
                                                               ("other_kernel", "other_kernel")]


def test_a_renamed_kernel_s_handle_keeps_its_host_name_and_names_the_device_kernel():
    renamed = N.Function("kernel_", "kernel", None, [], None, host_name="kernel")
    handles = kernel_handles([renamed], b"cudaFuncSetAttribute(kernel, cudaFuncAttributeMaxDynamicSharedMemorySize, 0);")
    assert handles == [{"name": "kernel", "device_name": "kernel_"}]


def test_a_kernel_named_only_in_comments_strings_and_launches_gets_none():
    source = b'/* (scale, */ scale<<<1, 2>>>(p); puts("(scale)");'
    assert kernel_handles(_kernels("scale"), source) == []


def test_a_pointer_to_rows_parameter_keeps_its_declarator():
    rows = N.Param("m", Pointer(Array(F16, 8), "global", True), host_type="const __half (*)[8]")
    assert host_declaration(rows) == "const __half (*m)[8]"
    assert host_declaration(N.Param("n", Pointer(F16, "global"), host_type="size_t *")) == "size_t * n"


CONVERTED = """#include <cuda_runtime.h>
struct Div { int d, m; __host__ __device__ Div(int x) : d(x), m(x * 2) {} };
struct P { int a, b; };
__global__ void k(Div a, P p, Div b, const P *q, int n) {}
int main()
{
    Div d(4);
    P p = {1, 2};
    k<<<1, 1>>>(3, p, d, &p, 5);
    k<<<1, 1>>>(d, {3, 4}, Div(2), nullptr, 0);
    return 0;
}
"""


def test_arguments_that_struct_parameters_convert_are_converted_at_the_launch(tmp_path):
    """The glue takes each struct as it is passed (a template), so an int for a parameter with a converting
    constructor, or a braced list, must become the parameter's type in the host code (HeCBench idivide)."""
    from translator.backends.program import ProgramBackend
    from translator.driver import load_unit
    source = tmp_path / "conv.cu"
    source.write_text(CONVERTED)
    unit = load_unit(str(source))
    first, second = unit.sites.launches
    assert first.conversions == ("Div", None, None, None, None)
    assert second.conversions == (None, "P", None, None, None)
    assert ProgramBackend.launch_call(first, unit.source).endswith("(1, 1, 0, 0, Div(3), p, d, &p, 5)")
    assert ProgramBackend.launch_call(second, unit.source).endswith("(1, 1, 0, 0, d, P{3, 4}, Div(2), nullptr, 0)")


def test_a_host_mirror_spells_a_restrict_pointer_field_as_cpp_does():
    """The CPU launch header is C++: `void *__restrict__ x_ptr` (HeCBench hadamard's params), not C's `restrict`."""
    s = Struct("Params", (("n", Scalar("i32")), ("x", Pointer(Scalar("void"), "global", restrict=True))))
    text = MIRRORS.struct_definition(s, None)
    assert "void* __restrict__ x;" in text and " restrict " not in text
