"""Launch-header helpers of backends/program.py that need no toolchain."""

from __future__ import annotations

from translator.backends.program import host_declaration, kernel_handles
from translator.ir import nodes as N
from translator.ir.types import F16, Array, Pointer


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
    assert kernel_handles(_kernels("tile_kernel", "other_kernel", "direct_kernel"), source) == \
        ["tile_kernel", "other_kernel"]


def test_a_kernel_named_only_in_comments_strings_and_launches_gets_none():
    source = b'/* (scale, */ scale<<<1, 2>>>(p); puts("(scale)");'
    assert kernel_handles(_kernels("scale"), source) == []


def test_a_pointer_to_rows_parameter_keeps_its_declarator():
    rows = N.Param("m", Pointer(Array(F16, 8), "global", True), host_type="const __half (*)[8]")
    assert host_declaration(rows) == "const __half (*m)[8]"
    assert host_declaration(N.Param("n", Pointer(F16, "global"), host_type="size_t *")) == "size_t * n"
