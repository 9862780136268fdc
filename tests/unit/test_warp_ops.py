"""Warp operations: frontend lowering into WarpOp, printing, the CUDA round trip, and the
lower_warp_ops pass (shared-memory exchange + block barriers) with its refusals."""

from __future__ import annotations

import pytest

from translator.backends.cuda import CudaEmitter
from translator.diagnostics import CutransError
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.builtins import WARP
from translator.ir.printer import print_ir
from translator.ir.types import BOOL, F32, U32, Array, Scalar
from translator.passes import pipeline, run_pipeline
from translator.passes.lower_warp_ops import lower_warp_ops

I32, I64, F64 = Scalar("i32"), Scalar("i64"), Scalar("f64")
FULL = 0xFFFFFFFF
FLAGS = ("cutrans_warp_if_", "cutrans_stays_", "cutrans_returns_")   # the flags of predicated 'if's


def _kernel(module, name="k"):
    return next(f for f in module.functions if f.name == name)


def _ops(node):
    return [n for n in walk(node) if isinstance(n, N.WarpOp)]


def _lit(e):
    """The value of a literal operand, through the frontend's implicit conversions."""
    while isinstance(e, N.Cast):
        e = e.value
    return e.value if isinstance(e, N.IntLit) else None


@pytest.mark.parametrize("call, op, ty, operands", [
    ("__shfl_sync(0xffffffffu, v, 3)", "shfl_idx", F32, [FULL, None, 3, 32]),
    ("__shfl_up_sync(0xffffffffu, v, 2, 16)", "shfl_up", F32, [FULL, None, 2, 16]),
    ("__shfl_down_sync(0xffffu, v, 1)", "shfl_down", F32, [0xFFFF, None, 1, 32]),
    ("__shfl_xor_sync(0xffffffffu, v, 4, 8)", "shfl_xor", F32, [FULL, None, 4, 8]),
    ("__shfl_xor_sync(0xffffffffu, (double)v, 1)", "shfl_xor", F64, [FULL, None, 1, 32]),
    ("__shfl_down_sync(0xffffffffu, (long long)v, 1)", "shfl_down", I64, [FULL, None, 1, 32]),
    ("__ballot_sync(0xffffffffu, v > 0.0f)", "ballot", U32, [FULL, None]),
    ("__any_sync(0xffffffffu, v > 0.0f)", "any", I32, [FULL, None]),
    ("__all_sync(0xffffffffu, v > 0.0f)", "all", I32, [FULL, None]),
    ("__activemask()", "activemask", U32, []),
    ("__reduce_add_sync(0xffffffffu, (int)v)", "reduce_add", U32, [FULL, None]),      # unsigned only, as clang's
    ("__reduce_add_sync(0xffffffffu, (unsigned)v)", "reduce_add", U32, [FULL, None]),
    ("__reduce_min_sync(0xffffu, (int)v)", "reduce_min", I32, [0xFFFF, None]),
    ("__reduce_max_sync(0xaaaaaaaau, (unsigned)v)", "reduce_max", U32, [0xAAAAAAAA, None]),
    ("__reduce_and_sync(0xffffffffu, (int)v)", "reduce_and", U32, [FULL, None]),     # unsigned only
    ("__reduce_or_sync(0xffffffffu, (unsigned)v)", "reduce_or", U32, [FULL, None]),
    ("__reduce_xor_sync(0xffffffffu, (unsigned)v)", "reduce_xor", U32, [FULL, None]),
])
def test_each_warp_intrinsic_becomes_a_warp_op_with_explicit_operands(lower, call, op, ty, operands):
    module, diags = lower(f"__global__ void k(float* o) {{ float v = o[threadIdx.x]; o[threadIdx.x] = {call}; }}")
    assert not diags
    (e,) = _ops(_kernel(module))
    assert (e.op, e.type) == (op, ty)
    assert [_lit(a) if want is not None else None for a, want in zip(e.args, operands)] == operands
    roles = dict(WARP.values())[op]
    assert len(e.args) == len(roles)
    if "value" in roles:
        assert e.args[roles.index("value")].type == ty
    for role, arg in zip(roles, e.args):
        if role in ("mask", "delta"):
            assert arg.type == U32
        if role in ("lane", "lane_mask", "width", "pred"):
            assert arg.type == I32


@pytest.mark.parametrize("ctype, ty", [("long", I64), ("unsigned long", Scalar("u64")), ("size_t", Scalar("u64"))])
def test_shuffles_of_long_are_exact_matches_as_in_cuda(lower, ctype, ty):
    """CUDA declares the shuffles on long and unsigned long: an int64_t or size_t value was ambiguous (P002)."""
    module, diags = lower(f"__global__ void k({ctype}* o) {{ o[threadIdx.x] = __shfl_down_sync(0xffffffffu, "
                          f"o[threadIdx.x], 1); }}")
    assert not diags
    (e,) = _ops(_kernel(module))
    assert (e.op, e.type) == ("shfl_down", ty)


def test_syncwarp_is_a_void_warp_op_with_the_full_mask_by_default(lower):
    module, diags = lower("__global__ void k(int* o) { __syncwarp(); __syncwarp(0xffu); o[0] = 1; }")
    assert not diags
    ops = _ops(_kernel(module))
    assert [(e.op, _lit(e.args[0])) for e in ops] == [("syncwarp", FULL), ("syncwarp", 0xFF)]
    assert all(isinstance(e.type, Scalar) and e.type.name == "void" for e in ops)


def test_warp_ops_print_and_round_trip_through_cuda(lower, tmp_path):
    source = """
        __global__ void __launch_bounds__(128) k(float* o, int* b) {
            float v = o[threadIdx.x];
            v += __shfl_down_sync(0xffffffffu, v, 16);
            b[threadIdx.x] = __ballot_sync(0xffffffffu, v > 0.0f) + __all_sync(0xffffffffu, v > 1.0f);
            b[threadIdx.x] += __reduce_min_sync(0xffffu, b[threadIdx.x]) + __reduce_xor_sync(0xfu, (unsigned)v);
            __syncwarp();
            o[threadIdx.x] = v + __shfl_xor_sync(0xffffffffu, v, 1, 4);
        }"""
    module, diags = lower(source)
    assert not diags
    text = print_ir(module)
    assert "max_threads(128)" in text
    assert "warp.shfl_down(4294967295:u32, v, convert<u32>(16:i32), 32:i32):f32" in text
    assert "warp.syncwarp(4294967295:u32):void" in text
    cuda = CudaEmitter().visit(module)
    assert "__launch_bounds__(128)" in cuda
    assert "__shfl_xor_sync(4294967295u, v, 1, 4)" in cuda and "__syncwarp(4294967295u)" in cuda
    assert "__reduce_min_sync(65535u, b[threadIdx.x])" in cuda and "__reduce_xor_sync(15u, " in cuda
    module2, diags2 = lower(cuda)          # a fixed point once literal conversions are folded
    assert not diags2
    assert CudaEmitter().visit(module2) == cuda
    module3, _ = lower(CudaEmitter().visit(module2))
    assert module3.functions == module2.functions


def test_the_pass_exchanges_through_shared_scratch_between_barriers(lower):
    module, _ = lower("""
        __global__ void k(float* o) {
            float v = o[threadIdx.x];
            v += __shfl_down_sync(0xffffffffu, v, 1);
            o[threadIdx.x] = v;
        }""")
    module = lower_warp_ops(module)
    k = _kernel(module)
    assert not _ops(module)
    scratch, decl, store, b1, read, use, b2, tail = k.body.stmts
    assert (scratch.name, scratch.space, scratch.type) == ("cutrans_warp_f32", "shared", Array(F32, 1024))
    assert isinstance(store, N.ExprStmt) and isinstance(store.expr.target, N.Index)
    assert isinstance(store.expr.target.index, N.SpecialReg) and store.expr.target.index.reg == "thread_linear"
    assert isinstance(b1, N.Barrier) and isinstance(b2, N.Barrier)
    assert isinstance(read, N.VarDecl) and isinstance(read.init, N.Index)
    assert isinstance(read.init.index, N.Call) and read.init.index.func == "cutrans_warp_shfl_down"
    assert isinstance(use.expr.value, N.VarRef) and use.expr.value.name == read.name
    assert [f.name for f in module.functions] == ["cutrans_warp_shfl_down", "k"]


def test_votes_share_one_u32_scratch_and_activemask_needs_no_exchange(lower):
    module, _ = lower("""
        __global__ void __launch_bounds__(64) k(unsigned* o, const int* d) {
            int p = d[threadIdx.x] > 0;
            o[threadIdx.x] = __ballot_sync(0xffffffffu, p) + __any_sync(0xffffffffu, p) + __all_sync(0xffffffffu, p);
            o[64 + threadIdx.x] = __activemask();
        }""")
    module = lower_warp_ops(module)
    k = _kernel(module)
    shared = [s for s in k.body.stmts if isinstance(s, N.VarDecl) and s.space == "shared"]
    assert [(s.name, s.type) for s in shared] == [("cutrans_warp_u32", Array(U32, 64))]
    assert sum(isinstance(n, N.Barrier) for n in walk(k)) == 6      # 3 exchanges, 2 barriers each
    assert [f.name for f in module.functions] == ["cutrans_warp_ballot", "cutrans_warp_live", "k"]


def test_reductions_exchange_through_a_scratch_of_their_type_and_read_the_lanes_of_the_mask(lower):
    module, _ = lower("""
        __global__ void __launch_bounds__(64) k(int* o, unsigned* u) {
            int v = o[threadIdx.x];
            o[threadIdx.x] = __reduce_add_sync(0xffffffffu, v) + __reduce_max_sync(0xffffu, v);
            u[threadIdx.x] = __reduce_min_sync(0xffffffffu, u[threadIdx.x]) ^ __reduce_xor_sync(0x5u, (unsigned)v);
        }""")
    module = lower_warp_ops(module)
    k = _kernel(module)
    assert not _ops(module)
    shared = [s for s in k.body.stmts if isinstance(s, N.VarDecl) and s.space == "shared"]
    assert [(s.name, s.type) for s in shared] == [("cutrans_warp_i32", Array(I32, 64)),
                                                  ("cutrans_warp_u32", Array(U32, 64))]
    assert sum(isinstance(n, N.Barrier) for n in walk(k)) == 8      # 4 exchanges, 2 barriers each
    helpers = {f.name: f for f in module.functions if f.name != "k"}
    assert sorted(helpers) == ["cutrans_warp_reduce_add_u32", "cutrans_warp_reduce_max_i32",
                               "cutrans_warp_reduce_min_u32", "cutrans_warp_reduce_xor_u32"]
    calls = [n for n in walk(k) if isinstance(n, N.Call)]
    assert [(c.func, _lit(c.args[3]), c.type) for c in calls] == [
        ("cutrans_warp_reduce_add_u32", FULL, U32), ("cutrans_warp_reduce_max_i32", 0xFFFF, I32),
        ("cutrans_warp_reduce_min_u32", FULL, U32), ("cutrans_warp_reduce_xor_u32", 5, U32)]
    # an int sum is the unsigned one (clang's CUDA headers declare no other): CUDA's wrap modulo 2^32, with
    # no signed overflow in C or OpenCL C, converted back to int
    add = helpers["cutrans_warp_reduce_add_u32"]
    acc = next(n for n in walk(add) if isinstance(n, N.VarDecl) and n.name == "acc")
    assert acc.type == U32 and add.ret == U32
    # min and max start from the caller's own slot, add and xor from 0; each reads the lanes of the
    # mask that exist (the slot is below the block's thread count)
    starts = {name: next(n for n in walk(f) if isinstance(n, N.VarDecl) and n.name == "acc").init
              for name, f in helpers.items()}
    assert isinstance(starts["cutrans_warp_reduce_max_i32"], N.Index) and _lit(starts["cutrans_warp_reduce_xor_u32"]) == 0
    compare = next(n for n in walk(helpers["cutrans_warp_reduce_max_i32"]) if isinstance(n, N.Conditional))
    assert compare.cond.op == ">" and compare.cond.lhs.type == I32         # signed comparison


def test_syncwarp_becomes_a_block_barrier(lower):
    module, _ = lower("__global__ void k(int* o) { o[threadIdx.x] = 1; __syncwarp(); o[0] += 1; }")
    module = lower_warp_ops(module)
    assert [type(s).__name__ for s in _kernel(module).body.stmts] == ["ExprStmt", "Barrier", "ExprStmt"]


@pytest.mark.parametrize("target", ["opencl", "cpu"])
def test_pipelines_without_sub_groups_lower_warp_ops_and_cuda_keeps_them(target):
    assert lower_warp_ops in pipeline(target)
    assert lower_warp_ops not in pipeline("cuda")


@pytest.mark.parametrize("target", ["opencl", "cpu"])
def test_backends_emit_the_lowered_kernel(lower, target):
    from translator.driver import backend_for
    module, _ = lower("""
        __global__ void k(int* o) {
            int v = threadIdx.x;
            for (int d = 1; d < 32; d *= 2) {
                int y = __shfl_up_sync(0xffffffffu, v, d);
                if (threadIdx.x % 32 >= d) v += y;
            }
            o[threadIdx.x] = v;
        }""")
    module = run_pipeline(module, target)
    emitter = backend_for(target)
    text = "\n".join(emitter.visit(f) if f.kind != "kernel" or target == "opencl" else emitter.kernel(f)
                     for f in module.functions)
    assert "cutrans_warp_shfl_up(" in text and "cutrans_warp_i32" in text


@pytest.mark.parametrize("body, construct", [
    ("if (threadIdx.x < 16) { v += __shfl_down_sync(0xffffffffu, v, 1); if (v > 3.0f) return; }",
     "'return' (line 1) leaves, so it cannot be predicated"),
    ("for (int i = 0; i < 4; ++i) { if (threadIdx.x < 16) { v += __shfl_down_sync(0xffffffffu, v, 1); continue; } }",
     "inside a loop that some threads may leave early"),
    ("if (threadIdx.x < 16) for (int i = 0; i < 4; ++i) { v += __shfl_sync(0xffffffffu, v, 0); if (i == 2) break; }",
     "'break' (line 1) leaves, so it cannot be predicated"),
    ("if (threadIdx.x < 16) for (int i = 0; i < (int)threadIdx.x; ++i) v += __shfl_sync(0xffffffffu, v, 0);",
     "inside a loop whose"),
    ("for (int i = 0; i < (int)threadIdx.x; ++i) v += __shfl_xor_sync(0xffffffffu, v, 1);", "inside a loop whose"),
    ("for (int i = 0; i < 4; ++i) { v += __shfl_xor_sync(0xffffffffu, v, 1); if (v > 2.0f) i++; }",
     "inside a loop whose"),
    ("for (int i = 0; i < 4; ++i) { if (v > 2.0f) break; v += __shfl_sync(0xffffffffu, v, 0); }", "leave early"),
    ("if (threadIdx.x == 3) { if (v > 0.0f) return; v = 1.0f; } v += __shfl_down_sync(0xffffffffu, v, 1);",
     "after a 'return'"),
    ("v = v > 0.0f && __any_sync(0xffffffffu, v > 1.0f);", "'&&', '||' or '?:'"),
    ("while (__any_sync(0xffffffffu, v > 1.0f)) v -= 1.0f;", "condition or step"),
    ("do { v += __shfl_down_sync(0xffffffffu, v, 1); } while (v < 10.0f);", "do-while"),
    ("if (threadIdx.x < 32) v = __activemask();", "inside an 'if'"),
    # lanes that reduce over masks that differ, under control flow that cannot be predicated
    ("for (int i = 0; i < (int)threadIdx.x % 32; ++i) v += __reduce_add_sync(0xffffffffu << i, 1);",
     "inside a loop whose"),
    ("if (threadIdx.x % 2) { v = __reduce_max_sync(0xaaaaaaaau, (int)v); if (v > 3.0f) return; } "
     "v = __reduce_min_sync(0x55555555u, (int)v);", "'return' (line 1) leaves, so it cannot be predicated"),
    ("while (v > 0.0f) v -= __reduce_or_sync(__ballot_sync(0xffffffffu, v > 0.0f), 1u);", "inside a loop whose"),
])
def test_a_warp_op_under_thread_dependent_control_is_refused(lower, body, construct):
    module, diags = lower(f"__global__ void k(float* o) {{ float v = o[threadIdx.x]; {body} o[threadIdx.x] = v; }}")
    assert not diags
    with pytest.raises(CutransError) as info:
        lower_warp_ops(module)
    (d,) = info.value.diagnostics
    assert d.code == "L007" and construct in d.message
    assert d.message.startswith("'__") and "every thread of the block must reach" in d.message
    assert d.line > 0


def test_warp_ops_under_block_uniform_control_are_accepted(lower):
    module, _ = lower("""
        __global__ void k(float* o, int n) {
            float v = o[threadIdx.x];
            if (n > 4) {
                for (int off = 16; off > 0; off /= 2) v += __shfl_down_sync(0xffffffffu, v, off);
            }
            if (blockIdx.x == 0) return;
            o[threadIdx.x] = v + __shfl_sync(0xffffffffu, v, 0);
        }""")
    module = lower_warp_ops(module)
    assert not _ops(module)


@pytest.mark.parametrize("body", [
    "if (threadIdx.x < 32) { for (int off = 16; off > 0; off /= 2) v += __shfl_down_sync(0xffffffffu, v, off); }",
    "if (o[0] > 0.0f) __syncwarp();",
    "if (threadIdx.x >= 48) return; v += __shfl_down_sync(0xffffu, v, 1);",
    "if (threadIdx.x % 2) { v = __shfl_xor_sync(0x55555555u, v, 2); } else { v -= __shfl_xor_sync(0xaaaaaaaau, v, 2); }",
    "if (threadIdx.x < 64) { float w = v * 2.0f; if (threadIdx.x < 16) w += __shfl_sync(0xffffu, w, 3); v = w; }",
    "if (threadIdx.x % 2) { v = __reduce_add_sync(0xaaaaaaaau, (int)v); } "
    "else if (threadIdx.x % 32 < 16) { v = __reduce_min_sync(0x5555u, (unsigned)v); }",
    # a branch that returns after work of its own: `if (c) { A } else { the rest }`
    "if (threadIdx.x == 3) { v = 1.0f; return; } v += __shfl_down_sync(0xffffffffu, v, 1);",
    "if (threadIdx.x % 2) { v = __reduce_max_sync(0xaaaaaaaau, (int)v); return; } "
    "v = __reduce_min_sync(0x55555555u, (int)v);",
])
def test_a_warp_op_under_a_thread_dependent_if_is_predicated(lower, body):
    """Every barrier of the lowering runs in every thread; all other statements of the branch are
    guarded by a flag that holds the condition, evaluated once."""
    module, diags = lower(f"__global__ void k(float* o) {{ float v = o[threadIdx.x]; {body} o[threadIdx.x] = v; }}")
    assert not diags
    module = lower_warp_ops(module)
    kernel = _kernel(module)
    assert not _ops(module)
    flags = [n for n in walk(kernel) if isinstance(n, N.VarDecl) and n.name.startswith(FLAGS)]
    assert flags and all(n.type == BOOL for n in flags)
    guards = [n for n in walk(kernel) if isinstance(n, N.If) and isinstance(n.cond, N.VarRef)
              and n.cond.name.startswith(FLAGS)]
    assert all(not any(isinstance(m, N.Barrier) for m in walk(g)) for g in guards)
    if "__syncwarp" not in body:
        assert guards


def test_a_nested_predicated_if_ands_its_flag_with_the_enclosing_one(lower):
    module, _ = lower("""
        __global__ void k(int* o) {
            int v = o[threadIdx.x];
            if (threadIdx.x < 64) { if (threadIdx.x % 32 < 8) v += __shfl_down_sync(0xffu, v, 1); }
            o[threadIdx.x] = v;
        }""")
    kernel = _kernel(lower_warp_ops(module))
    inner = next(n for n in walk(kernel) if isinstance(n, N.VarDecl) and n.name == "cutrans_warp_if_1")
    assert isinstance(inner.init, N.BinOp) and inner.init.op == "&&"
    assert inner.init.lhs.name == "cutrans_warp_if_0"


def _guarded_by(kernel, flag):
    return [n for n in walk(kernel) if isinstance(n, N.If) and isinstance(n.cond, N.VarRef) and n.cond.name == flag]


def test_an_early_return_before_barriers_is_predicated(lower):
    """CUDA drops a thread that returned from later barriers: it runs them under a false flag instead,
    and runs nothing else; a value every thread needs for the barrier loop is computed by all."""
    module, _ = lower("""
        __global__ void k(int* o, int n) {
            __shared__ int s[64];
            int i = blockIdx.x * blockDim.x + threadIdx.x;
            if (i >= n) return;
            int rounds = n / 64 + 1;
            s[threadIdx.x] = o[i];
            for (int r = 0; r < rounds; ++r) { __syncthreads(); s[threadIdx.x] += 1; }
            o[i] = s[threadIdx.x];
        }""")
    kernel = _kernel(lower_warp_ops(module))
    assert not any(isinstance(n, N.Return) for n in walk(kernel))
    (flag,) = [n for n in walk(kernel) if isinstance(n, N.VarDecl) and n.name.startswith(FLAGS)]
    assert flag.name == "cutrans_stays_0"
    guards = _guarded_by(kernel, flag.name)
    assert guards and not any(isinstance(m, (N.Barrier, N.For)) for g in guards for m in walk(g))
    rounds = next(n for n in walk(kernel) if isinstance(n, N.VarDecl) and n.name == "rounds")
    assert rounds.init is not None                       # computed by every thread, not under the flag


def test_a_value_every_thread_computed_before_the_return_may_bound_a_barrier_loop(lower):
    module, _ = lower("""
        __global__ void k(int* o, int n, int d) {
            int m = n / d;
            int per_thread = n / blockDim.x;
            if (threadIdx.x >= n) return;
            for (int r = 0; r < m + per_thread; ++r) { __syncthreads(); o[r] += 1; }
        }""")
    kernel = _kernel(lower_warp_ops(module))
    assert not any(isinstance(n, N.Return) for n in walk(kernel))


def test_neighbouring_guarded_statements_share_one_if(lower):
    module, _ = lower("""
        __global__ void k(int* o, int n) {
            if (threadIdx.x >= n) return;
            int a = o[threadIdx.x];
            int b = o[threadIdx.x + 1];
            __syncthreads();
            o[threadIdx.x] = a + b;
        }""")
    kernel = _kernel(lower_warp_ops(module))
    (first, second) = _guarded_by(kernel, "cutrans_stays_0")
    assert [type(s) for s in first.then.stmts] == [N.ExprStmt, N.ExprStmt]       # a = ...; b = ...;


def test_a_branch_that_returns_after_work_of_its_own_runs_under_its_own_flag(lower):
    module, _ = lower("""
        __global__ void k(int* o, int n) {
            if (threadIdx.x >= n) { o[0] = -1; return; }
            __syncthreads();
            o[threadIdx.x] = 1;
        }""")
    kernel = _kernel(lower_warp_ops(module))
    names = [n.name for n in walk(kernel) if isinstance(n, N.VarDecl) and n.name.startswith(FLAGS)]
    assert names == ["cutrans_returns_0", "cutrans_returns_0_else"]
    assert not any(isinstance(n, N.Return) for n in walk(kernel))


@pytest.mark.parametrize("vote, absent", [("__syncthreads_count(v)", 0), ("__syncthreads_or(v)", 0),
                                          ("__syncthreads_and(v)", 1), ("__ballot_sync(0xffffffffu, v)", 0),
                                          ("__all_sync(0xffffffffu, v)", 1)])
def test_a_thread_that_returned_votes_as_cuda_counts_an_exited_thread(lower, vote, absent):
    module, _ = lower(f"""
        __global__ void k(int* o, int n) {{
            if (threadIdx.x >= n) return;
            int v = o[threadIdx.x] > 0;
            o[threadIdx.x] = {vote};
        }}""")
    kernel = _kernel(lower_warp_ops(module))
    stores = [n for n in walk(kernel) if isinstance(n, N.Assign) and isinstance(n.target, N.Index)
              and isinstance(n.target.base, N.VarRef) and n.target.base.name == "cutrans_warp_u32"]
    (store,) = stores
    assert isinstance(store.value, N.Conditional) and _lit(store.value.orelse) == absent
    assert not any(store in list(walk(g)) for g in _guarded_by(kernel, "cutrans_stays_0"))


@pytest.mark.parametrize("body, construct", [
    ("int m = n / d; for (int r = 0; r < m; ++r) { __syncthreads(); o[r] += 1; }", "'m' is computed only by"),
    ("int m = o[0] + n; for (int r = 0; r < m; ++r) { __syncthreads(); }", "'m' is computed only by"),
    ("for (int r = 0; r < o[0]; ++r) { __syncthreads(); }", "inside a loop whose iterations may differ"),
    ("for (int r = 0; r < n; ++r) { if (o[r] < 0) return; __syncthreads(); }",
     "'return' (line 1) leaves, so it cannot be predicated"),
])
def test_barriers_after_an_early_return_that_cannot_run_predicated_are_refused(lower, body, construct):
    module, _ = lower(f"__global__ void k(int* o, int n, int d) {{ if (threadIdx.x >= n) return; {body} }}")
    with pytest.raises(CutransError) as info:
        lower_warp_ops(module)
    (d,) = info.value.diagnostics
    assert d.code == "L007" and construct in d.message, d.message


def test_warp_ops_in_device_functions_are_inlined_into_the_kernel(lower):
    module, diags = lower("""
        __device__ float warp_sum(float v) {
            for (int off = 16; off > 0; off /= 2) v += __shfl_down_sync(0xffffffffu, v, off);
            return v;
        }
        __device__ float twice(float v) { float s = warp_sum(v); return s + warp_sum(s); }
        __device__ float plain(float v) { return v * 2.0f; }
        __global__ void k(float* o) { float v = o[threadIdx.x]; o[threadIdx.x] = 1.0f + plain(twice(v)); }""")
    assert not diags
    module = lower_warp_ops(module)
    assert [f.name for f in module.functions if not f.name.startswith("cutrans_warp_")] == ["plain", "k"]
    kernel = _kernel(module)
    assert not _ops(module)
    assert sum(isinstance(n, N.For) for n in walk(kernel)) == 2
    assert not any(isinstance(n, N.Call) and n.func in ("warp_sum", "twice") for n in walk(kernel))


@pytest.mark.parametrize("source, message", [
    ("""__device__ float f(float v) { if (v > 1.0f) return v; return v + __shfl_down_sync(0xffffffffu, v, 1); }
        __global__ void k(float* o) { o[threadIdx.x] = f(o[threadIdx.x]); }""", "'return' before the end of 'f'"),
    ("""__device__ int f(int v) { return __any_sync(0xffffffffu, v); }
        __global__ void k(int* o) { int v = o[threadIdx.x]; while (f(v)) v--; o[threadIdx.x] = v; }""",
     "call to 'f', which uses warp operations or barriers, in a loop's condition"),
    ("""__device__ int f(int v) { return __any_sync(0xffffffffu, v); }
        __global__ void k(int* o) { int v = o[threadIdx.x]; o[threadIdx.x] = v > 3 && f(v); }""",
     "call to 'f', which uses warp operations or barriers, in an operand of '&&'"),
])
def test_a_device_function_with_warp_ops_that_cannot_be_inlined_exactly_is_refused(lower, source, message):
    module, diags = lower(source)
    assert not diags
    with pytest.raises(CutransError) as info:
        lower_warp_ops(module)
    (d,) = info.value.diagnostics
    assert d.code == "L007" and message in d.message
