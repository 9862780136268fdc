"""Mutation operators (translator/verify/mutate.py): which sites they find on small kernels, what they change,
and that the change reaches the OpenCL and CPU output (through the IR) and the HIP output (as a source edit,
translator/verify/mutate_source.py). No toolchain needed."""

from __future__ import annotations

import pytest

from translator.driver import backend_for, load_unit
from translator.ir.base import walk
from translator.ir import nodes as N
from translator.ir.printer import IRPrinter
from translator.verify import mutate as M

KERNELS = r"""
#include <cuda_runtime.h>
__global__ void k(const float *a, float *b, int n)
{
    __shared__ float tile[64];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    tile[threadIdx.x] = 0.0f;
    b[i] = tile[threadIdx.x] + a[i];
    __syncthreads();
    for (int s = 32; s > 0; s >>= 1) {
        if (threadIdx.x < s) tile[threadIdx.x] += tile[threadIdx.x + s];
        __syncthreads();
    }
    if (threadIdx.x == 0) b[0] = tile[0];
}
"""


@pytest.fixture
def unit(cuda_file):
    def make(text: str):
        u = load_unit(cuda_file(text))
        assert not [d for d in u.diagnostics if d.severity.name == "ERROR"], u.diagnostics
        return u
    return make


def _text(module) -> str:
    return IRPrinter()(module)


def test_off_by_one_prefers_the_first_global_load_and_leaves_the_original_alone(unit):
    u = unit(KERNELS)
    before = _text(u.module)
    found = M.sites(u, "off-by-one-index")
    assert len(found) == 8                       # tile x5, b[i], a[i], b[0]: stores count as sites too
    m = M.make_mutant(u, "off-by-one-index", M.chosen_site(u, "off-by-one-index"))
    assert m.description == "a[i] -> a[(i + 1:i32)]"
    assert m.kernel == "k" and m.location.endswith(".cu:8:32")
    assert "a[(i + 1:i32)]" in _text(m.unit.module)
    assert _text(u.module) == before


def test_every_site_gives_one_mutant_per_site_in_a_fixed_order(unit):
    u = unit(KERNELS)
    first = [(m.operator, m.location, m.description) for m in M.mutants(u, every_site=True)]
    again = [(m.operator, m.location, m.description) for m in M.mutants(u, every_site=True)]
    assert first == again
    assert sum(op == "drop-barrier" for op, _, _ in first) == 2
    assert [op for op, _, _ in first] == sorted((op for op, _, _ in first), key=list(M.OPERATORS).index)


def test_drop_barrier_prefers_one_the_executors_do_not_restore(unit):
    u = unit(KERNELS)
    # the first barrier stands right before a loop holding a barrier: work-item loops put one back there
    assert [preferred for _, _, preferred in M.sites(u, "drop-barrier")] == [False, True]
    m = M.make_mutant(u, "drop-barrier", M.chosen_site(u, "drop-barrier"))
    assert m.location.endswith(":12:9")
    assert sum(isinstance(n, N.Barrier) for n in walk(m.unit.module)) == 1


SHUFFLE = r"""
#include <cuda_runtime.h>
__global__ void r(int *out)
{
    int v = threadIdx.x;
    for (int o = 16; o > 0; o /= 2) v += __shfl_down_sync(0xffffffff, v, o);
    out[threadIdx.x] = v + __shfl_xor_sync(0xffffffff, v, 3, 8);
}
"""


def test_shuffle_offset_adds_one_to_the_lane_operand_only(unit):
    u = unit(SHUFFLE)
    assert len(M.sites(u, "shuffle-offset")) == 2
    m = M.make_mutant(u, "shuffle-offset", 1)
    assert m.description.startswith("shfl_xor lane operand 3:i32 -> (3:i32 + 1")
    [op] = [n for n in walk(m.unit.module) if type(n).__name__ == "WarpOp" and n.op == "shfl_xor"]
    assert isinstance(op.args[2], N.BinOp) and op.args[3].value == 8 and op.args[0].value == 0xFFFFFFFF


def test_operators_without_a_site_are_not_applicable(unit):
    u = unit(KERNELS)
    for op in ("shuffle-offset", "double-to-float", "atomic-to-plain"):
        assert M.sites(u, op) == [] and M.chosen_site(u, op) is None
    assert {m.operator for m in M.mutants(u)} == {"off-by-one-index", "drop-barrier"}


DOUBLES = r"""
#include <cuda_runtime.h>
__global__ void d(const double *x, double *y, float *z)
{
    double acc = 1.0e8;
    acc += x[threadIdx.x];
    y[threadIdx.x] = acc - 1.0e8;
    z[threadIdx.x] = (float)(x[0] * 3.0);
}
"""


def test_double_to_float_narrows_a_local_and_its_uses(unit):
    u = unit(DOUBLES)
    assert [p for _, _, p in M.sites(u, "double-to-float")] == [True, False, False]
    m = M.make_mutant(u, "double-to-float", 0)
    assert m.description == "double acc declared float"
    refs = [n for n in walk(m.unit.module) if isinstance(n, N.VarRef) and n.name == "acc"]
    assert refs and all(r.type.name == "f32" for r in refs)
    assert "var private acc: f32" in _text(m.unit.module)


def test_double_to_float_on_an_expression_rounds_its_operands_and_result(unit):
    u = unit(DOUBLES)
    m = M.make_mutant(u, "double-to-float", 2)
    assert "(x[0:i32] * 3.0:f64) computed in float" in m.description
    assert "cast<f64>((cast<f32>(x[0:i32]) * cast<f32>(3.0:f64)))" in _text(m.unit.module)


ATOMICS = r"""
#include <cuda_runtime.h>
__global__ void h(const int *v, int *total, int *slots, int n)
{
    __shared__ int local;
    if (threadIdx.x == 0) local = 0;
    __syncthreads();
    atomicAdd(&local, v[threadIdx.x]);
    int old = atomicAdd(&slots[threadIdx.x % 4], 1);
    if (old == 0) atomicAdd(total, 1);
    int t = n > 0 ? atomicAdd(total, 2) : 0;
    for (int k = 0; atomicAdd(total, 0) < 0; ++k) {}
    atomicMax(total, t);
}
"""


def test_atomic_to_plain_sites_and_choice(unit):
    u = unit(ATOMICS)
    # under ?: and in a loop condition nothing can go before the atomic: not sites; atomicMax is no add
    assert [p for _, _, p in M.sites(u, "atomic-to-plain")] == [False, True, True]
    m = M.make_mutant(u, "atomic-to-plain", M.chosen_site(u, "atomic-to-plain"))   # global, result used
    text = _text(m.unit.module)
    assert "atomic.add((&slots" not in text and text.count("atomic.add") == 4
    assert "var private mutant_old_" in text and "+= 1:i32" in text


def test_atomic_to_plain_as_a_statement_becomes_a_compound_assignment(unit):
    u = unit(ATOMICS)
    m = M.make_mutant(u, "atomic-to-plain", 0)
    assert "(*(&local)) += v[%thread_idx.x]" in _text(m.unit.module)


@pytest.mark.parametrize("target, needle", [("opencl", "a[i + 1]"), ("cpu", "a[i + 1]")])
def test_the_mutant_reaches_the_emitted_device_code(unit, target, needle):
    u = unit(KERNELS)
    m = M.make_mutant(u, "off-by-one-index", M.chosen_site(u, "off-by-one-index"))
    out = backend_for(target).translate(m.unit, {})
    device = next(data for name, data in out.files.items() if name.endswith((".cl", ".kernels.c")))
    assert needle in device.decode()
    clean = backend_for(target).translate(u, {})
    assert needle not in next(d for n, d in clean.files.items() if n.endswith((".cl", ".kernels.c"))).decode()


def test_outcomes_from_verify_statuses():
    assert [M.outcome_of(s) for s in ("fail", "error", "pass", "unsupported")] == [
        "killed-numbers", "killed-build", "survived", "refused"]


TILE2D = r"""
#include <cuda_runtime.h>
__global__ void t(float *out, const double *x)
{
    __shared__ float tile[4][4];
    double acc = x[threadIdx.x];
    tile[threadIdx.y][threadIdx.x] = (float)acc;
    __syncthreads();
    out[threadIdx.x] = tile[threadIdx.x][threadIdx.y];
}
"""


def test_mutants_carry_what_the_source_edit_needs(unit):
    u = unit(TILE2D)
    rows = {(m.location.split(":", 1)[1], m.subscript) for m in M.mutants(u, ["off-by-one-index"], every_site=True)}
    assert {("7:5", 0), ("7:5", 1), ("9:24", 0), ("9:24", 1)} <= rows      # tile[a][b]: one hint per subscript
    [d] = M.mutants(u, ["double-to-float"])
    assert d.declared == "acc" and d.location.endswith(":6:12")


@pytest.mark.parametrize("operator, subscript, needle", [
    ("off-by-one-index", 1, "    tile[threadIdx.y][(threadIdx.x) + 1] = (float)acc;"),
    ("off-by-one-index", 0, "    tile[(threadIdx.y) + 1][threadIdx.x] = (float)acc;"),
    ("drop-barrier", 0, "    ((void)0);\n"),
    ("double-to-float", 0, "    float acc = x[threadIdx.x];"),
])
def test_the_source_edit_reaches_the_hip_output(unit, operator, subscript, needle):
    from translator.verify.mutate_source import SourceMutatedHip
    u = unit(TILE2D)
    [m] = [m for m in M.mutants(u, [operator], every_site=True)
           if m.subscript == subscript and (operator != "off-by-one-index" or ":7:" in m.location)]
    out = SourceMutatedHip(m).translate(u, {})
    [name] = [n for n in out.files if n.endswith(".hip")]
    clean = backend_for("hip").translate(u, {}).files[name].decode()
    assert needle in out.files[name].decode() and needle not in clean
