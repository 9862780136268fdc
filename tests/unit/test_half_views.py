"""OpenCL without cl_khr_fp16: halves read and written in the bytes of other data (passes/half_views.py).

A pointer to __half or __half2 cast from a pointer to other data outside global memory (a float4 or uint4
variable, an `extern __shared__ char` buffer) is a byte view: its elements are reached with
vload_half/vstore_half on that private or local pointer, like global memory. Every other half pointer
there points to halves held in floats, as before."""

from __future__ import annotations

import pytest

from translator.diagnostics import CutransError
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.types import F16, F32, U32, Array, Pointer
from translator.passes.address_spaces import infer_address_spaces
from translator.passes.half_as_float import half_as_float

HEAD = "#include <cuda_fp16.h>\n"
PARAMS = "const float4* v, const uint4* u, half* o, float* f"


def _opencl(lower, body, params=PARAMS, before=""):
    module, diags = lower(HEAD + before + f"__global__ void k({params}) {{\n{body}\n}}")
    assert not diags, diags
    return half_as_float(infer_address_spaces(module))


def _decls(function) -> dict:
    return {d.name: d.type for d in walk(function) if isinstance(d, (N.VarDecl, N.Param))}


def _memory(function) -> list:
    """(op, the pointer's type) of every half memory access in function, a store before the loads of its value."""
    found = []
    for m in walk(function):
        if isinstance(m, N.MathCall) and m.func.startswith(("load_half", "store_half")):
            pointer = m.args[0 if m.func.startswith("load") else 1]
            found.append((m.func, pointer.type))
    return found


def _spaces(function) -> list:
    """(op, the space its pointer variable or cast points into) of every half memory access in function."""
    decls = _decls(function)
    return [(m.func, _space(m.args[0 if m.func.startswith("load") else 1], decls)) for m in walk(function)
            if isinstance(m, N.MathCall) and m.func.startswith(("load_half", "store_half"))]


def _space(pointer, decls):
    """A pointer expression's space: its variable's (a row `m[i]` of a pointer to rows: the pointer's), or private
    for the address of a variable."""
    while isinstance(pointer, (N.Cast, N.BinOp, N.Index)):
        pointer = pointer.value if isinstance(pointer, N.Cast) else \
            pointer.base if isinstance(pointer, N.Index) else pointer.lhs
    return decls[pointer.name].space if isinstance(pointer, N.VarRef) else "private"


def _refusal(lower, body, **kw) -> str:
    with pytest.raises(CutransError) as info:
        _opencl(lower, body, **kw)
    diagnostic = info.value.diagnostics[0]
    assert diagnostic.code == "L003"
    return diagnostic.message


def test_a_pair_pointer_into_a_float4_variable_reads_its_bytes(lower):
    """HeCBench relu: `half2 *p = (half2 *)&float4_local`, read and written as pairs."""
    module = _opencl(lower, "float4 x = v[0]; half2 *p = (half2 *)&x; float4 y; half2 *q = (half2 *)&y;"
                            "q[1] = __hadd2(p[0], p[1]); o[0] = q[1].y;")
    kernel = module.functions[-1]
    decls = _decls(kernel)
    assert decls["p"] == Pointer(U32, "private") and decls["q"] == Pointer(U32, "private")
    assert _spaces(kernel) == [("store_half2", "private"), ("load_half2", "private"), ("load_half2", "private"),
                               ("store_half", "global"), ("load_half", "private")]
    assert all(t.pointee == F16 for _, t in _memory(kernel))


def test_a_half_pointer_into_a_vector_member_and_a_cast_expression(lower):
    """HeCBench vadd: `*(half2 *)&a8.x` and `((half *)&a8.w)[1]` with no pointer variable."""
    module = _opencl(lower, "float4 a = v[0]; float4 c; *(half2 *)&c.x = *(half2 *)&a.y; "
                            "((half *)&c.w)[0] = ((half *)&a.w)[1]; o[0] = ((half *)&c)[2];")
    ops = [op for op, _ in _memory(module.functions[-1])]
    assert ops == ["store_half2", "load_half2", "store_half", "load_half", "store_half", "load_half"]


def test_dynamic_shared_bytes_used_as_halves(lower):
    """HeCBench fma: `extern __shared__ char raw[]; half *b = (half *)raw;`, element stores and uint4 copies."""
    module = _opencl(lower, "extern __shared__ char raw[]; half *b = reinterpret_cast<half *>(raw); "
                            "b[threadIdx.x] = o[threadIdx.x]; *reinterpret_cast<uint4 *>(&b[8]) = u[0]; "
                            "__syncthreads(); const half *c = b + 8; o[threadIdx.x] = c[threadIdx.x];")
    kernel = module.functions[-1]
    decls = _decls(kernel)
    assert decls["b"] == Pointer(F16, "shared") and decls["c"] == Pointer(F16, "shared", True)
    assert _spaces(kernel) == [("store_half", "shared"), ("load_half", "global"), ("store_half", "global"),
                               ("load_half", "shared")]


def test_halves_held_in_floats_stay_floats_next_to_a_view(lower):
    module = _opencl(lower, "__shared__ half tile[32]; half h = o[1]; half *t = &tile[threadIdx.x]; *t = h; "
                            "uint4 w = u[0]; half *p = (half *)&w; o[0] = p[3] + tile[0];")
    decls = _decls(module.functions[-1])
    assert decls["t"] == Pointer(F32, "shared") and decls["h"] == F32 and decls["p"] == Pointer(F16, "private")


def test_a_device_function_is_cloned_for_a_view_argument(lower):
    """attentionMergeState: `from_float(((half *)&pack)[k], x)` binds a reference to a half in a uint4; the
    same function also stores into a __half variable, which is held in a float."""
    module = _opencl(lower, "uint4 pack; half h; for (int k = 0; k < 8; ++k) from_float(((half *)&pack)[k], f[k]);"
                            "from_float(h, f[8]); o[0] = h; o[1] = ((half *)&pack)[3];",
                     before="__device__ void from_float(half &d, float s) { d = __float2half(s); }\n")
    functions = {f.name: f for f in module.functions}
    assert set(functions) == {"from_float", "from_float_bytes_d", "k"}
    assert _decls(functions["from_float_bytes_d"])["d"] == Pointer(F16, "private")
    assert _decls(functions["from_float"])["d"] == Pointer(F32, "private")
    assert [op for op, _ in _memory(functions["from_float_bytes_d"])] == ["store_half"]
    assert not _memory(functions["from_float"])
    calls = [c.func for c in walk(functions["k"]) if isinstance(c, N.Call)]
    assert calls == ["from_float_bytes_d", "from_float"]


@pytest.mark.parametrize("body, words", [
    ("__shared__ half tile[4]; half *t = tile; f[0] = (float)*reinterpret_cast<const unsigned *>(t);",
     "held as float"),
    ("half a[2] = {o[0], o[1]}; f[0] = (float)*reinterpret_cast<const unsigned *>(a);", "initialized"),
    ("half h = o[0]; float4 x = v[0]; half *p = (half *)&x; if (f[0] > 0) p = &h; o[0] = *p;",
     "bytes of other data at one assignment"),
    ("half h = o[0]; float4 x = v[0]; o[0] = *(f[0] > 0 ? (half *)&x : &h);", "conditional chooses"),
    ("extern __shared__ char raw[]; half *b = (half *)raw; atomicAdd(&b[0], o[0]);", "an atomic on a __half"),
    # a pointer to rows of halves held in floats, read as other data (it read the floats' bytes before)
    ("half a[2][8]; a[1][3] = o[0]; half (*p)[8] = a; f[0] = (float)*reinterpret_cast<const unsigned *>(p);",
     "held as float"),
])
def test_refusals(lower, body, words):
    assert words in _refusal(lower, body)


def test_a_view_of_global_memory_is_global_memory(lower):
    module = _opencl(lower, "const half2 *p = reinterpret_cast<const half2 *>(v); o[0] = p[1].x;")
    assert _spaces(module.functions[-1]) == [("store_half", "global"), ("load_half", "global")]


def test_rows_of_dynamic_shared_halves_are_a_view(lower):
    """cudaTensorCoreGemm: `extern __shared__ half shmem[][40]`, filled as int4, read as halves directly and through
    a `const half *` into a row, and reused as floats. The rows keep CUDA's bytes: `half (*)[40]` in local memory."""
    module = _opencl(lower, "extern __shared__ half tile[][40]; *((int4 *)&tile[threadIdx.x][0]) = ((const int4 *)u)[0];"
                            "__syncthreads(); const half *row = &tile[1][0]; f[0] = __half2float(row[3]) + "
                            "__half2float(tile[2][5]); float *floats = (float *)&tile[0][0]; floats[1] = f[1];")
    kernel = module.functions[-1]
    decls = _decls(kernel)
    assert decls["tile"] == Pointer(Array(F16, 40), "shared") and decls["row"] == Pointer(F16, "shared", True)
    assert _spaces(kernel) == [("load_half", "shared"), ("load_half", "shared")]


def test_rows_of_global_halves_are_read_as_halves(lower):
    """A kernel parameter `const half (*m)[8]`: its rows are memory, so each element is a vload_half."""
    module = _opencl(lower, "f[threadIdx.x] = __half2float(m[threadIdx.x][3]);", params="const half (*m)[8], float *f")
    kernel = module.functions[-1]
    assert _decls(kernel)["m"] == Pointer(Array(F16, 8), "global", True)
    assert _spaces(kernel) == [("load_half", "global")]
