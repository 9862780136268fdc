"""Frontend lowering: what becomes IR, and what is refused with which diagnostic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import SAMPLES
from translator.diagnostics import CutransError

from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.types import F32, U32
from translator.verify.toolchain import find_cuda_toolkit


def _kernel(module, name="k"):
    return next(f for f in module.functions if f.name == name)


def test_builtin_indices_become_special_registers(lower):
    module, diags = lower("__global__ void k(int* o) { o[0] = threadIdx.y + blockIdx.z * gridDim.x + blockDim.x; }")
    assert not diags
    regs = {(n.reg, n.dim) for n in walk(_kernel(module)) if isinstance(n, N.SpecialReg)}
    assert regs == {("thread_idx", "y"), ("block_idx", "z"), ("grid_dim", "x"), ("block_dim", "x")}
    assert all(n.type == U32 for n in walk(_kernel(module)) if isinstance(n, N.SpecialReg))


def test_device_functions_are_lowered_before_their_callers(lower):
    module, diags = lower("""
        __device__ float inner(float x) { return x + 1.0f; }
        __device__ float outer(float x) { return inner(x) * 2.0f; }
        __global__ void k(float* o) { o[0] = outer(o[1]); }
        __device__ float unused(float x) { return x; }""")
    assert not diags
    assert [f.name for f in module.functions] == ["inner", "outer", "k"]


def test_overloaded_device_functions_keep_their_own_bodies(lower):
    """C and OpenCL C have no overloading: the second overload of a name is named after its parameters."""
    module, diags = lower("""
        __device__ float f(float x) { return x * 2.0f; }
        __device__ int f(int x) { return x + 1; }
        __device__ int f(const int *p, unsigned n) { return p[n]; }
        __global__ void k(float *o, int *p) { o[0] = f(1.5f); p[0] = f(3) + f(p, 2u) + f(4); }""")
    assert not diags
    assert [f.name for f in module.functions] == ["f", "f_int", "f_int_unsigned_int", "k"]
    calls = [n.func for n in walk(module.functions[-1]) if isinstance(n, N.Call)]
    assert calls == ["f", "f_int", "f_int_unsigned_int", "f_int"]


def test_for_statement_parts_are_assigned_by_position(lower):
    module, _ = lower("__global__ void k(int* o) { int i = 0; for (; i < 4;) { o[i] = i; i++; } for (int j = 0;; j++) { break; } }")
    loops = [n for n in walk(_kernel(module)) if isinstance(n, N.For)]
    assert loops[0].init is None and loops[0].cond is not None and loops[0].step is None
    assert loops[1].init is not None and loops[1].cond is None and loops[1].step is not None


def test_macro_literals_are_evaluated(lower):
    module, _ = lower("#define N 128\n#define SCALE 0.25f\n__global__ void k(float* o) { o[0] = N * SCALE; }")
    lits = [n for n in walk(_kernel(module)) if isinstance(n, (N.IntLit, N.FloatLit))]
    assert {n.value for n in lits} >= {128, 0.25}


def test_math_precision_classes(lower):
    module, _ = lower("__global__ void k(float* o) { o[0] = expf(o[1]) + __expf(o[2]) + __fdividef(o[3], o[4]); }")
    calls = [(n.func, n.precision) for n in walk(_kernel(module)) if isinstance(n, N.MathCall)]
    assert calls == [("exp", "ieee"), ("exp", "approx"), ("divide", "approx")]


def test_implicit_int_to_float_conversion_is_explicit_in_ir(lower):
    module, _ = lower("__global__ void k(float* o, int n) { o[0] = n; }")
    casts = [n for n in walk(_kernel(module)) if isinstance(n, N.Cast)]
    assert casts and casts[0].implicit and casts[0].type == F32


@pytest.mark.parametrize("code, snippet, message", [
    ("L004", "__device__ int f(int x) { return x ? f(x - 1) : 0; } __global__ void k(int* o) { o[0] = f(3); }",
     "recursion"),
    ("L002", "__device__ int g(int); __global__ void k(int* o) { o[0] = g(1); }", "no definition"),
    ("L001", "__global__ void k(int* o) { again: o[0]++; if (o[0] < 3) goto again; }", "label_stmt"),
    ("L001", "__global__ void k(int* o) { switch (o[0]) { case 1 ... 3: o[1] = 2; } }", "case"),
    ("L001", "int host_only; __global__ void k(int* o) { o[0] = host_only; }", "file-scope"),
    ("L003", "__global__ void k(float* o) { const float& r = o[1] + 1.0f; o[0] = r; }", "bound to a temporary"),
    ("L003", "__global__ void k(float& o) { o = 1.0f; }", "kernels take their arguments by value"),
    ("L003", "__device__ void next(const float*& p) { p += 1; }\n"
             "__global__ void k(const float* i, float* o) { next(i); o[0] = i[0]; }", "reference to a pointer"),
])
def test_unsupported_constructs_get_stable_codes_and_locations(lower, code, snippet, message):
    _, diags = lower(snippet)
    assert diags, "expected a diagnostic"
    d = diags[0]
    assert d.code == code
    assert message in d.message
    assert d.line >= 1 and d.col >= 1 and d.path.endswith("snippet.cu")


def test_a_null_branch_or_loop_body_is_an_empty_block(lower):
    """`if (x) ; else ...` and `for (...) ;` stopped the translation with an internal error (U002): the null
    statement lowered to nothing where the If and the loops need a statement. A branch that an instance of
    `if constexpr` discards is such a null statement too (frontend/discarded.py)."""
    module, diags = lower("""
        __global__ void k(int* o) {
            if (o[0] > 1) ; else o[1] = 2;
            for (int i = 0; i < 3; ++i) ;
            while (o[2] > 7) ;
        }""")
    assert not diags
    k = _kernel(module)
    branch, loop, spin = k.body.stmts
    assert isinstance(branch.then, N.Block) and branch.then.stmts == []
    assert isinstance(loop.body, N.Block) and loop.body.stmts == []
    assert isinstance(spin.body, N.Block) and spin.body.stmts == []


def test_one_bad_kernel_does_not_hide_the_others(lower):
    module, diags = lower("""
        __global__ void good(int* o) { o[0] = 1; }
        __global__ void bad(int* o) { again: goto again; }""")
    assert [f.name for f in module.functions] == ["good"]
    assert len(diags) == 1 and diags[0].code == "L001"


# samples written for CUB 2 (CUDA 12), as most programs still are: sample -> what of it CUB 3 (CUDA 13) removed
_CUB2_SAMPLES = {"cub_block_reduce": "uses the operators cub::Max and cub::Min"}


def _cub_major(toolkit: str) -> int:
    """The major version of the toolkit's CUB (CUB_VERSION is MMMmmmpp); 0 where it has none."""
    for version in Path(toolkit).glob("include/**/cub/version.cuh"):
        found = re.search(r"#define\s+CUB_VERSION\s+(\d+)", version.read_text(errors="replace"))
        if found:
            return int(found.group(1)) // 100000
    return 0


# samples calling library functions whose bodies the stand-in headers write in their own words (the same
# operations in the same order, other local names): runtime_shims/common/cutrans_cucomplex.h
_OWN_WORDS = {"cucomplex_arithmetic"}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_real_toolkit_headers_give_the_same_ir_as_the_stand_ins(sample):
    """Regression: with CUDA's own headers threadIdx.x is a property whose member has no spelling;
    the component must still be read (it was once silently dropped)."""
    from translator.frontend.clang_setup import CompileOptions, parse
    from translator.frontend.lower import lower_module
    from translator.ir.printer import print_ir
    toolkit = find_cuda_toolkit()
    if toolkit is None:
        pytest.skip("no CUDA toolkit (nvcc) on this machine to compare against")
    if sample.stem in _CUB2_SAMPLES and _cub_major(toolkit) >= 3:
        pytest.skip(f"{sample.name} {_CUB2_SAMPLES[sample.stem]}, which this toolkit's CUB 3 removed")
    options = CompileOptions(cuda_path=toolkit)
    real, _ = lower_module(parse(str(sample), options)[0], str(sample), options)
    stand_in, _ = lower_module(parse(str(sample))[0], str(sample))
    if sample.stem in _OWN_WORDS:          # the kernels alike; the library's bodies (and helpers they call) differ
        real.functions = [f for f in real.functions if f.kind == "kernel"]
        stand_in.functions = [f for f in stand_in.functions if f.kind == "kernel"]
    assert print_ir(real) == print_ir(stand_in)


def test_dynamic_shared_arrays_are_views_of_one_kernel_parameter(lower):
    module, diags = lower("""
        extern __shared__ float file_scope[];
        __global__ void k(float* o) {
            extern __shared__ int local_view[];
            local_view[threadIdx.x] = 1;
            o[threadIdx.x] = file_scope[threadIdx.x];
        }""")
    assert not diags
    k = _kernel(module)
    assert k.params[-1].name == "cutrans_dynamic_shared" and k.params[-1].type.space == "shared"
    views = {d.name: d for d in k.body.stmts if isinstance(d, N.VarDecl)}
    assert set(views) == {"file_scope", "local_view"}
    assert all(isinstance(d.init, N.Cast) and d.init.value.name == "cutrans_dynamic_shared" for d in views.values())
    assert str(views["local_view"].type) == "i32*shared"


def test_switch_keeps_labels_and_fallthrough(lower):
    module, diags = lower("""
        __global__ void k(int* o) {
            switch (o[0] & 3) {
            case 0:
            case 1: o[1] = 10; break;
            case 2: o[1] = 20;
            default: o[2] = 30;
            }
        }""")
    assert not diags
    body = next(n for n in walk(_kernel(module)) if isinstance(n, N.Switch)).body.stmts
    kinds = [type(s).__name__ for s in body]
    assert kinds == ["Case", "Case", "ExprStmt", "Break", "Case", "ExprStmt", "Default", "ExprStmt"]
    assert [s.value for s in body if isinstance(s, N.Case)] == [0, 1, 2]


def test_local_initializer_lists_and_multi_declaration_for_loops(lower):
    module, diags = lower("""
        __global__ void k(float* o, int n) {
            float w[3] = {0.25f, 0.5f, o[0]};
            for (int i = 0, j = n - 1; i < j; ++i, --j) o[i] = w[i % 3] + o[j];
        }""")
    assert not diags
    body = _kernel(module).body.stmts
    assert isinstance(body[0].init, N.InitList) and len(body[0].init.items) == 3
    assert isinstance(body[1], N.Block) and [type(s).__name__ for s in body[1].stmts] == ["VarDecl", "VarDecl", "For"]


def test_sincos_becomes_one_sin_and_one_cos_of_a_single_evaluation(lower):
    module, diags = lower("__global__ void k(float* o) { float s, c; sincosf(o[0]++, &s, &c); o[1] = s * c; }")
    assert not diags
    calls = [n.func for n in walk(_kernel(module)) if isinstance(n, N.MathCall)]
    assert calls == ["sin", "cos"]
    increments = [n for n in walk(_kernel(module)) if isinstance(n, N.UnOp) and n.op == "post++"]
    assert len(increments) == 1


def test_reference_parameters_and_locals_become_pointers(lower):
    module, diags = lower("""
        __device__ void swap_up(float& a, float& b) { if (a > b) { float t = a; a = b; b = t; } }
        __device__ float read(const float& x) { return x; }
        __global__ void k(float* o) {
            float r = o[0];
            float& s = o[1];
            swap_up(r, s);
            o[2] = read(s);
        }""")
    assert not diags
    swap = _kernel(module, "swap_up")
    assert [str(p.type) for p in swap.params] == ["f32*generic", "f32*generic"]
    assert str(_kernel(module, "read").params[0].type) == "f32 const*generic"
    assert all(isinstance(n.operand, N.VarRef) for n in walk(swap.body) if isinstance(n, N.UnOp))
    k = _kernel(module)
    decl = next(n for n in walk(k.body) if isinstance(n, N.VarDecl) and n.name == "s")
    assert str(decl.type) == "f32*generic" and isinstance(decl.init, N.UnOp) and decl.init.op == "&"
    call = next(n for n in walk(k.body) if isinstance(n, N.Call) and n.func == "swap_up")
    assert isinstance(call.args[0], N.UnOp) and call.args[0].op == "&"
    assert isinstance(call.args[1], N.VarRef) and call.args[1].name == "s"    # &*s is s


def test_a_temporary_bound_to_a_const_reference_goes_to_a_by_value_variant(lower):
    """A temporary has no address: the call goes to a copy of the callee that takes that parameter by value,
    reads it directly and passes its address on; the original stays for calls with lvalues."""
    module, diags = lower("""
        __device__ float sq(const float& x) { return x * x; }
        __device__ float twice(const float& x, const float& y) { return 2.0f * x + sq(y); }
        __global__ void k(float* o) { float a = o[2]; o[0] = twice(a, o[1] + 1.0f); o[1] = twice(a, a); }""")
    assert not diags
    names = [f.name for f in module.functions]
    assert names == ["sq", "twice_by_value_y", "twice", "k"]
    variant = next(f for f in module.functions if f.name == "twice_by_value_y")
    assert [str(p.type) for p in variant.params] == ["f32 const*generic", "f32"]
    (inner,) = [n for n in walk(variant) if isinstance(n, N.Call)]
    assert isinstance(inner.args[0], N.UnOp) and inner.args[0].op == "&"     # sq(y) gets &y
    calls = [n.func for n in walk(_kernel(module)) if isinstance(n, N.Call)]
    assert calls == ["twice_by_value_y", "twice"]


def test_a_variant_and_a_function_of_the_program_never_share_a_name(lower):
    module, diags = lower("""
        __device__ float twice(const float& y) { return 2.0f * y; }
        __device__ float twice_by_value_y(float v) { return v - 1.0f; }
        __global__ void k(float* o) { o[0] = twice(o[1] + 1.0f) + twice_by_value_y(o[2]); }""")
    assert not diags
    names = [f.name for f in module.functions]
    assert len(names) == 3 and len(set(names)) == 3                 # twice itself is left out
    calls = [n.func for n in walk(_kernel(module)) if isinstance(n, N.Call)]
    bodies = {f.name: f for f in module.functions}
    assert [len(bodies[c].params) for c in calls] == [1, 1] and calls[0] != calls[1]
    assert any(isinstance(n, N.BinOp) and n.op == "-" for n in walk(bodies[calls[1]]))


def test_a_function_only_temporaries_reach_is_left_out(lower):
    module, diags = lower("""
        struct V { float x, y; };
        __device__ V operator+(const V& a, const V& b) { V r; r.x = a.x + b.x; r.y = a.y + b.y; return r; }
        __global__ void k(V* o) { V a = o[0]; V b; b.x = 1.0f; b.y = 2.0f; o[1] = a + V{b.y, b.x}; }""")
    assert not diags
    assert [f.name for f in module.functions] == ["operator_add_by_value_b", "k"]     # a free operator's name


def test_reference_parameter_bound_in_two_spaces_is_cloned_per_space(lower):
    from translator.passes.address_spaces import infer_address_spaces
    module, diags = lower("""
        __device__ void bump(int& x) { x += 1; }
        __global__ void k(int* o) {
            __shared__ int s[4];
            int r = 0;
            bump(r);
            bump(s[threadIdx.x % 4]);
            bump(o[threadIdx.x]);
            bump(r);
            o[0] = r + s[0];
        }""")
    assert not diags
    infer_address_spaces(module)
    spaces = {f.name: f.params[0].type.space for f in module.functions if f.kind == "device"}
    assert spaces == {"bump": "private", "bump_as_shared": "shared", "bump_as_global": "global"}
    calls = [n.func for n in walk(_kernel(module).body) if isinstance(n, N.Call)]
    assert calls == ["bump", "bump_as_shared", "bump_as_global", "bump"]
    names = [f.name for f in module.functions]
    assert names.index("k") == len(names) - 1      # every clone still comes before its caller


def test_a_returned_pointer_parameter_points_where_the_argument_does(lower):
    from translator.passes.address_spaces import infer_address_spaces
    module, diags = lower("""
        __device__ float* pick(bool f, float* a, float* b) { return f ? a : b; }
        __device__ float* later(float* a) { return pick(true, a + 1, a); }
        __global__ void k(float* o) {
            __shared__ float s[4];
            float* p = pick(o[0] > 0.0f, o, o + 1);
            float* q = later(s);
            *p = *q;
        }""")
    assert not diags
    infer_address_spaces(module)
    rets = {f.name: f.ret.space for f in module.functions if f.kind == "device"}
    assert rets == {"pick": "global", "pick_as_shared_shared": "shared", "later": "shared"}
    pointers = [d for d in walk(_kernel(module).body) if isinstance(d, N.VarDecl) and d.name in ("p", "q")]
    assert {d.name: d.type.space for d in pointers} == {"p": "global", "q": "shared"}


def test_a_pointer_returned_from_two_spaces_is_refused(lower):
    from translator.passes.address_spaces import infer_address_spaces
    module, diags = lower("""
        __device__ float* either(bool f, float* a) { __shared__ float s[4]; if (f) return a; return s; }
        __global__ void k(float* o) { *either(o[0] > 0.0f, o) = 1.0f; }""")
    assert not diags
    with pytest.raises(CutransError, match="which memory the pointer that 'either' returns"):
        infer_address_spaces(module)


def test_array_parameter_decays_to_a_pointer(lower):
    module, diags = lower("""
        __device__ float first(float rows[4][16], const int v[]) { return rows[v[0]][0]; }
        __global__ void k(float* o, int* idx) { __shared__ float s[4][16]; s[0][0] = o[0]; o[1] = first(s, idx); }""")
    assert not diags
    assert [str(p.type) for p in _kernel(module, "first").params] == ["f32[16]*generic", "i32 const*generic"]
