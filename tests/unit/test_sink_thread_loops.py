"""passes/sink_thread_loops.py: which loops the CPU target runs at block level, and the shape it gives them."""

from __future__ import annotations

from translator.ir import nodes as N
from translator.ir.base import walk
from translator.passes.sink_thread_loops import sink_thread_loops
from translator.passes.unique_names import unique_names

COLUMN = """
__global__ void k(int rows, int cols, const float* a, float* out) {
    int j = blockIdx.x * blockDim.x + threadIdx.x;
    if (j < cols) {
        float acc = 1.0f;
        int i;
        for (i = 0; i < rows; i++) acc += a[i * cols + j];
        out[j] = acc;
    }
}
"""


def _sunk(lower, source: str) -> N.Function:
    module, diags = lower(source)
    assert not diags
    return sink_thread_loops(unique_names(module)).functions[0]


def _barrier_loops(f: N.Function) -> list:
    return [n for n in walk(f.body) if isinstance(n, N.For) and any(isinstance(m, N.Barrier) for m in walk(n))]


def test_a_column_walk_runs_at_block_level_for_blocks_of_one_row(lower):
    f = _sunk(lower, COLUMN)
    top = f.body.stmts
    assert len(top) == 1 and isinstance(top[0], N.If)
    assert {(n.reg, n.dim) for n in walk(top[0].cond) if isinstance(n, N.SpecialReg)} == \
        {("block_dim", "y"), ("block_dim", "z")}
    [loop] = _barrier_loops(f)
    assert isinstance(loop.init, N.VarDecl) and loop.init.name == "i"       # `int i;` became the loop's own
    assert isinstance(loop.body.stmts[-1], N.Barrier)
    # the thread index is computed again in the loop's part, and the guard with it
    assert [s.name for s in loop.body.stmts if isinstance(s, N.VarDecl)] == ["j_cutrans1"]
    guard = next(s for s in loop.body.stmts if isinstance(s, N.If))
    assert {n.name for n in walk(guard.cond) if isinstance(n, N.VarRef)} == {"j_cutrans1", "cols"}
    # `acc` is declared before the guard, so that the loop and the statement after it see it
    then = top[0].then.stmts
    assert any(isinstance(s, N.VarDecl) and s.name == "acc" and s.init is None for s in then)
    # blocks with more than one row keep the original order, under their own names
    assert not any(isinstance(n, N.Barrier) for n in walk(top[0].orelse))
    assert any(isinstance(n, N.VarDecl) and n.name == "j_cutrans0" for n in walk(top[0].orelse))


def test_a_kernel_reading_every_used_dimension_needs_no_check(lower):
    f = _sunk(lower, """
__global__ void k(int n, const float* a, const float* b, float* c) {
    int col = blockIdx.x * blockDim.x + threadIdx.x;
    int row = blockIdx.y * blockDim.y + threadIdx.y;
    if (row >= n || col >= n) return;
    for (int k = 0; k < n; k++) c[row * n + col] += a[row * n + k] * b[k * n + col];
}""")
    assert [(n.reg, n.dim) for n in walk(f.body.stmts[0].cond) if isinstance(n, N.SpecialReg)] == [("block_dim", "z")]
    assert len(_barrier_loops(f)) == 1


def test_several_column_walks_each_run_at_block_level(lower):
    """PolyBench gramschmidt's third kernel: a statement, then two column walks over one `int i;`, under one
    guard; each loop declares its own i, and the parts between them run per thread under the guard."""
    f = _sunk(lower, """
__global__ void k(int ni, int nj, float* a, float* r, const float* q, int k) {
    int j = blockIdx.x * blockDim.x + threadIdx.x;
    if (j > k && j < nj) {
        r[k * nj + j] = 0.0f;
        int i;
        for (i = 0; i < ni; i++) r[k * nj + j] += q[i * nj + k] * a[i * nj + j];
        a[j] += 1.0f;
        for (i = 0; i < ni; i++) a[i * nj + j] -= q[i * nj + k] * r[k * nj + j];
    }
}""")
    first, second = _barrier_loops(f)
    assert first.init.name == second.init.name == "i"
    assert [s.name for s in first.body.stmts if isinstance(s, N.VarDecl)] == ["j_cutrans1"]
    assert [s.name for s in second.body.stmts if isinstance(s, N.VarDecl)] == ["j_cutrans3"]
    sunk = f.body.stmts[0].then.stmts
    at = [i for i, s in enumerate(sunk) if s is first or s is second]
    between = sunk[at[0] + 1:at[1]]
    assert [type(s) for s in between] == [N.VarDecl, N.If] and between[0].name == "j_cutrans2"
    assert isinstance(sunk[at[0] - 1], N.If)       # r[k * nj + j] = 0 under the guard, before the first loop


def test_a_loop_that_does_not_pay_stays_with_its_threads_next_to_one_that_does(lower):
    f = _sunk(lower, "__global__ void k(int n, const float* a, float* o) { int j = threadIdx.x; "
                     "for (int i = 0; i < n; i++) o[j] += a[i * n + j]; for (int i = 0; i < n; i++) o[j] += a[j]; }")
    assert len(_barrier_loops(f)) == 1


def test_loops_it_leaves_alone(lower):
    kernels = {
        "own row": "int i = blockIdx.x * blockDim.x + threadIdx.x; if (i < n) { float s = 0; "
                   "for (int j = 0; j < n; j++) s += a[i * n + j]; o[i] = s; }",
        "one element for all": "int j = threadIdx.x; for (int i = 0; i < n; i++) o[0] += a[i * n + j];",
        "early exit of the loop": "int j = threadIdx.x; for (int i = 0; i < n; i++) { if (a[i * n + j] < 0) break; "
                                  "o[j] += a[i * n + j]; }",
        "thread-dependent trip count": "int j = threadIdx.x; for (int i = 0; i < j; i++) o[j] += a[i * n + j];",
        "a barrier of its own": "int j = threadIdx.x; for (int i = 0; i < n; i++) { o[j] += a[i * n + j]; "
                                "__syncthreads(); }",
        "a bound computed under the guard": "int j = threadIdx.x; if (j < n) { int m = n / 2; "
                                            "for (int i = 0; i < m; i++) o[j] += a[i * n + j]; }",
        "an atomic": "int j = threadIdx.x; for (int i = 0; i < n; i++) o[j] += atomicAdd(&o[n], a[i * n + j]);",
        "one thread's loop": "int t = threadIdx.x; if (t == 0) { float s = 0; for (int i = 0; i < n; i++) "
                             "s += a[i * n + 3]; o[0] = s; }",
    }
    for name, body in kernels.items():
        f = _sunk(lower, f"__global__ void k(int n, const float* a, float* o) {{ {body} }}")
        barriers = [n for n in walk(f.body) if isinstance(n, N.Barrier)]
        assert len(barriers) == (1 if name == "a barrier of its own" else 0), name


GRID_STRIDE = """
__global__ void k(int n, float a, const float* x, float* y) {
    int stride = blockDim.x * gridDim.x;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += stride) {
        y[i] = a * x[i] + y[i];
    }
}
"""


def test_a_grid_stride_loop_runs_in_rounds_of_consecutive_elements(lower):
    f = _sunk(lower, GRID_STRIDE)
    [loop] = _barrier_loops(f)
    assert loop.init.name == "i_cutrans_round"
    assert not any(isinstance(n, N.SpecialReg) and n.reg == "thread_idx" for n in walk(loop.init))
    assert {n.name for n in walk(loop.cond) if isinstance(n, N.VarRef)} == {"i_cutrans_round", "n"}
    decl, guard, barrier = loop.body.stmts[-3:]       # after the declarations computed again
    # each thread's element of the round: i = round + threadIdx.x, and only while i < n
    assert decl.name == "i" and any(isinstance(n, N.SpecialReg) and (n.reg, n.dim) == ("thread_idx", "x")
                                    for n in walk(decl.init))
    assert isinstance(guard, N.If) and {n.name for n in walk(guard.cond) if isinstance(n, N.VarRef)} == {"i", "n"}
    assert isinstance(barrier, N.Barrier)


def test_grid_stride_loops_it_leaves_alone(lower):
    kernels = {
        "writes one element for all": "for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += s) "
                                      "o[0] += a[i];",
        "leaves early": "for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += s) { if (a[i] < 0) break; "
                        "o[i] = a[i]; }",
        "a stride that differs between threads": "for (int i = threadIdx.x; i < n; i += threadIdx.x + 1) o[i] = a[i];",
        "a start two threads apart": "for (int i = 2 * threadIdx.x; i < n; i += s) o[i] = a[i];",
        "a bound that differs": "for (int i = threadIdx.x; i < n - threadIdx.x; i += s) o[i] = a[i];",
        "moves its own variable": "for (int i = threadIdx.x; i < n; i += s) { o[i] = a[i]; i += 1; }",
    }
    for name, body in kernels.items():
        f = _sunk(lower, f"__global__ void k(int n, int s, const float* a, float* o) {{ {body} }}")
        assert not any(isinstance(n, N.Barrier) for n in walk(f.body)), name
