"""IR passes and the CPU barrier schedule."""

from __future__ import annotations

import pytest

from translator.backends.cpu_schedule import BlockLevel, Region, Scheduler, check_returns, context_variables
from translator.diagnostics import CutransError
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.passes import run_pipeline


def _fn(module, name):
    return next(f for f in module.functions if f.name == name)


def test_pointer_spaces_follow_initializers_and_call_sites(lower):
    module, _ = lower("""
        __device__ float first(const float* p) { return p[0]; }
        __global__ void k(float* out, const float* in) {
            __shared__ float tile[8];
            const float* g = in + 1;
            float* s = tile;
            tile[0] = first(g);
            out[0] = s[0];
        }""")
    module = run_pipeline(module, "opencl")
    k = _fn(module, "k")
    spaces = {n.name: n.type.space for n in walk(k) if isinstance(n, N.VarDecl) and hasattr(n.type, "space")}
    assert spaces == {"g": "global", "s": "shared"}
    assert _fn(module, "first").params[0].type.space == "global"


def test_a_device_function_called_with_two_spaces_is_cloned_per_space(lower):
    module, _ = lower("""
        __device__ float first(const float* p) { return p[0]; }
        __global__ void k(float* out) {
            __shared__ float tile[8];
            tile[0] = 1.0f;
            out[0] = first(out) + first(tile);
        }""")
    module = run_pipeline(module, "opencl")
    assert _fn(module, "first").params[0].type.space == "global"
    assert _fn(module, "first_as_shared").params[0].type.space == "shared"
    calls = [n.func for n in walk(_fn(module, "k")) if isinstance(n, N.Call)]
    assert calls == ["first", "first_as_shared"]


def test_shared_declarations_are_hoisted_to_kernel_scope(lower):
    module, _ = lower("""
        __global__ void k(float* out) {
            if (threadIdx.x < 4) { __shared__ float inner[4]; inner[threadIdx.x] = 1.0f; out[0] = inner[0]; }
        }""")
    k = _fn(run_pipeline(module, "opencl"), "k")
    assert isinstance(k.body.stmts[0], N.VarDecl) and k.body.stmts[0].space == "shared"


def test_unique_names_renames_shadowed_variables(lower):
    module, _ = lower("""
        __global__ void k(int* out) {
            int i = 1;
            { int i = 2; out[i] = i; }
            out[i] = i;
        }""")
    k = _fn(run_pipeline(module, "cpu"), "k")
    names = [n.name for n in walk(k) if isinstance(n, N.VarDecl)]
    assert names == ["i", "i_1"]
    refs = [n.name for n in walk(k) if isinstance(n, N.VarRef)]
    assert refs == ["out", "i_1", "i_1", "out", "i", "i"]


def test_opencl_gives_pointers_of_one_name_in_sibling_scopes_names_of_their_own(lower):
    """HeCBench fma: `b_ptr` points into global memory in one loop and into __shared__ memory in the
    next; address-space inference looks spaces up by name, so the second is renamed. Two loop counters
    `i` keep their name."""
    module, _ = lower("""
        __global__ void k(const float* b, float* out, int n) {
            __shared__ float s[64];
            for (int i = 0; i < 4; ++i) { const float* b_ptr = &b[i]; s[i] = *b_ptr; }
            __syncthreads();
            for (int i = 0; i < 4; ++i) { const float* b_ptr = &s[i]; out[i] = *b_ptr; }
        }""")
    k = _fn(run_pipeline(module, "opencl"), "k")
    decls = {n.name: n.type for n in walk(k) if isinstance(n, N.VarDecl)}
    assert decls["b_ptr"].space == "global" and decls["b_ptr_1"].space == "shared"
    assert [n.name for n in walk(k) if isinstance(n, N.VarDecl)].count("i") == 2


def _schedule(lower, body):
    module, diags = lower("__global__ void k(int* out, int n) {" + body + "}")
    assert not diags
    k = _fn(run_pipeline(module, "cpu"), "k")
    return Scheduler(k).schedule(k.body.stmts)


def test_barriers_split_regions_and_uniform_loops_stay_at_block_level(lower):
    sched = _schedule(lower, """
        __shared__ int s[64];
        int t = threadIdx.x;
        s[t] = t;
        __syncthreads();
        for (int k = 32; k > 0; k /= 2) { if (t < k) s[t] += s[t + k]; __syncthreads(); }
        out[t] = s[0];""")
    kinds = [type(x).__name__ for x in sched]
    assert kinds == ["Region", "Barrier", "BlockLevel", "Region"]
    assert isinstance(sched[2], BlockLevel) and isinstance(sched[2].parts[0][0], Region)
    assert set(context_variables(sched)) == {"t"}


def _checked(schedule) -> list:
    return [s for s in schedule if isinstance(s, BlockLevel) and s.checked is not None]


def test_barrier_under_thread_dependent_condition_is_checked_at_run_time(lower):
    """Not provably uniform: every thread votes, and threads that disagree stop the program (the numeric
    side is tests/numeric/test_cpu_divergent_barrier.py); it is not refused any more."""
    (checked,) = _checked(_schedule(lower, "if (threadIdx.x < 16) { __syncthreads(); } out[0] = 1;"))
    assert isinstance(checked.stmt, N.If)


def test_loop_with_barrier_and_thread_dependent_bound_is_checked_at_run_time(lower):
    (checked,) = _checked(_schedule(lower, "for (int i = threadIdx.x; i < n; i++) { __syncthreads(); }"))
    assert isinstance(checked.stmt, N.For)


def test_an_early_return_before_a_barrier_runs_predicated(lower):
    """`if (c) return;` before a barrier: the threads that return pass the later barriers under a flag."""
    module, _ = lower("__global__ void k(int* out, int n) { if (threadIdx.x >= n) return; __syncthreads(); out[0] = 1; }")
    k = _fn(run_pipeline(module, "cpu"), "k")
    check_returns(Scheduler(k).schedule(k.body.stmts))
    nodes = list(walk(k.body))
    assert not any(isinstance(n, N.Return) for n in nodes)
    assert any(isinstance(n, N.VarDecl) and n.name == "cutrans_stays_0" for n in nodes)


def test_a_return_inside_a_loop_before_a_barrier_is_refused(lower):
    sched = _schedule(lower, "for (int j = 0; j < n; ++j) { if (out[j] < 0) return; } __syncthreads(); out[0] = 1;")
    with pytest.raises(CutransError, match="return"):
        check_returns(sched)


def test_names_reserved_by_opencl_are_renamed_consistently(lower):
    module, _ = lower("""
        __device__ float dot(float a, float b) { return a * b; }
        __global__ void k(float* out, int local) {
            int global = threadIdx.x + local;
            float half = dot(out[global], 2.0f);
            out[global] = half;
        }""")
    module = run_pipeline(module, "opencl")
    names = {n.name for f in module.functions for n in walk(f) if isinstance(n, (N.VarDecl, N.VarRef, N.Param))}
    assert {"global_", "local_", "half_"} <= names and not names & {"global", "local", "half"}
    assert [f.name for f in module.functions] == ["dot_", "k"]
    assert [n.func for n in walk(_fn(module, "k")) if isinstance(n, N.Call)] == ["dot_"]


def test_a_renamed_name_never_collides_with_an_existing_one(lower):
    module, _ = lower("__global__ void k(int* restrict_, int restrict) { restrict_[0] = restrict; }")
    k = _fn(run_pipeline(module, "cpu"), "k")
    assert [p.name for p in k.params] == ["restrict_", "restrict__"]


def test_a_kernel_with_a_reserved_name_is_renamed_and_keeps_its_host_name(lower):
    module, _ = lower("__global__ void kernel(float* o) { o[0] = 1.0f; }\n"
                      "__global__ void kernel_(float* o) { o[0] = 2.0f; }")
    module = run_pipeline(module, "opencl")
    assert [(f.name, f.host_name) for f in module.functions] == [("kernel__", "kernel"), ("kernel_", None)]
    assert [(f.name, f.host_name) for f in run_pipeline(lower("__global__ void kernel(float* o) {}")[0], "cpu")
            .functions] == [("kernel", None)]       # the CPU target prefixes every kernel instead


def test_a_device_global_with_a_reserved_name_gets_a_diagnostic(lower):
    module, _ = lower("__device__ int local;\n__global__ void k(int* o) { o[0] = local; }")
    with pytest.raises(CutransError) as exc:
        run_pipeline(module, "opencl")
    assert exc.value.diagnostics[0].code == "B003"


def test_device_globals_become_trailing_buffer_parameters_on_opencl(lower):
    module, diags = lower("""
        __constant__ float c[4] = {1.0f, 2.0f, 3.0f, 4.0f};
        __device__ int counter;
        __device__ float get(int i) { return c[i]; }
        __global__ void k(float* o) { o[0] = get(1); counter = 7; }""")
    assert not diags
    assert [g.name for g in module.globals] == ["c", "counter"]
    module = run_pipeline(module, "opencl")
    get, k = _fn(module, "get"), _fn(module, "k")
    assert [(p.name, str(p.type)) for p in get.params] == [("i", "i32"), ("c", "f32*constant")]
    assert [(p.name, str(p.type)) for p in k.params] == [("o", "f32*global"), ("c", "f32*constant"),
                                                         ("counter", "i32*global")]
    call = next(n for n in walk(k) if isinstance(n, N.Call))
    assert [a.name for a in call.args[1:]] == ["c"]
    # the scalar is read through element 0, once (not wrapped again and again)
    stores = [n for n in walk(k) if isinstance(n, N.Assign)]
    assert isinstance(stores[-1].target, N.Index) and isinstance(stores[-1].target.base, N.VarRef)


def test_const_file_scope_values_are_folded(lower):
    module, diags = lower("const int N = 64; const float H = 0.5f;\n"
                          "__global__ void k(float* o) { o[0] = N * H; }")
    assert not diags
    lits = {n.value for n in walk(_fn(module, "k")) if isinstance(n, (N.IntLit, N.FloatLit))}
    assert {64, 0.5} <= lits


def test_a_pointer_field_of_a_struct_kernel_parameter_points_into_global_memory(lower):
    """HeCBench hadamard: `input_t *x = reinterpret_cast<input_t *>(params.x_ptr) + ...` where the kernel takes
    `params` by value; the host filled the field in, when only global memory existed to point to."""
    source = """
        struct P { void *x; float *rows[2]; int n; };
        __global__ void k(P p) {
            float *x = reinterpret_cast<float *>(p.x) + blockIdx.x;
            float *r = p.rows[1];
            x[threadIdx.x] = r[threadIdx.x] + p.n;
        }"""
    k = _fn(run_pipeline(lower(source)[0], "cpu"), "k")
    spaces = {d.name: d.type.space for d in walk(k.body) if isinstance(d, N.VarDecl)}
    assert spaces == {"x": "global", "r": "global"}
    changed = source.replace("float *x = ", "p.x = 0; float *x = ")   # no longer the host's pointer
    with pytest.raises(CutransError, match="cannot tell which memory pointer 'x'"):
        run_pipeline(lower(changed)[0], "cpu")
