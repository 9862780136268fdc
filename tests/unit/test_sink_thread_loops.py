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


def test_loops_it_leaves_alone(lower):
    kernels = {
        "own row": "int i = blockIdx.x * blockDim.x + threadIdx.x; if (i < n) { float s = 0; "
                   "for (int j = 0; j < n; j++) s += a[i * n + j]; o[i] = s; }",
        "one element for all": "int j = threadIdx.x; for (int i = 0; i < n; i++) o[0] += a[i * n + j];",
        "early exit of the loop": "int j = threadIdx.x; for (int i = 0; i < n; i++) { if (a[i * n + j] < 0) break; "
                                  "o[j] += a[i * n + j]; }",
        "thread-dependent trip count": "int j = threadIdx.x; for (int i = 0; i < j; i++) o[j] += a[i * n + j];",
        "two loops": "int j = threadIdx.x; for (int i = 0; i < n; i++) o[j] += a[i * n + j]; "
                     "for (int i = 0; i < n; i++) o[j] -= a[i * n + j];",
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
