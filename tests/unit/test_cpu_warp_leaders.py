"""The CPU target's loop over warp leaders (translator/backends/cpu_thread_loop.py `warp_leaders`): a region
that is only `if (lane == 0) { S }`, lane the linear thread id mod 32 (the per-warp tensor-core ops of
passes/warp_matrix_ops.py), runs S in a loop over linear ids 0, 32, 64, ... instead of walking every
thread and testing each. Which regions qualify, and the text the backend writes."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.backends import cpu_thread_loop
from translator.driver import convert_unit, load_unit
from translator.ir import nodes as N
from translator.ir.matrix import lane
from translator.ir.types import BOOL, U32

WMMA = """#include <mma.h>
using namespace nvcuda;
__global__ void k(const half *a, const half *b, float *d)
{
    wmma::fragment<wmma::matrix_a, 16, 16, 16, half, wmma::row_major> fa;
    wmma::fragment<wmma::matrix_b, 16, 16, 16, half, wmma::col_major> fb;
    wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc;
    wmma::fill_fragment(acc, 0.0f);
    wmma::load_matrix_sync(fa, a, 16);
    wmma::load_matrix_sync(fb, b, 16);
    wmma::mma_sync(acc, fa, fb, acc);
    wmma::store_matrix_sync(d + 256 * (threadIdx.x / 32), acc, 16, wmma::mem_row_major);
}
"""
LEADER_LOOP = "for (int cutrans_t = 0; cutrans_t < (int)cutrans_nthreads; cutrans_t += 32) {"


def _first_lane(op="&", value=31, reg="thread_linear"):
    test = lane(None)
    test.op, test.rhs.value, test.lhs.reg = op, value, reg
    return N.BinOp("==", test, N.IntLit(0, U32), BOOL)


def _region(cond, orelse=None, extra=()):
    store = N.ExprStmt(N.Call("f", [], U32))
    return [*extra, N.If(cond, N.Block([store]), orelse)]


@pytest.mark.parametrize("op, value", [("&", 31), ("%", 32)])
def test_a_first_lane_test_on_the_linear_id_qualifies(op, value):
    stmts = cpu_thread_loop.warp_leaders(_region(_first_lane(op, value)))
    assert stmts is not None and isinstance(stmts[0], N.ExprStmt)


@pytest.mark.parametrize("region", [
    _region(_first_lane("&", 15)),                          # every 16th thread: not one per warp
    _region(_first_lane("%", 64)),
    _region(_first_lane(reg="thread_idx")),                 # threadIdx.x: in a 2-D block, not one per warp
    _region(_first_lane(), orelse=N.Block([])),             # the other threads do something too
    _region(_first_lane(), extra=[N.ExprStmt(N.Call("g", [], U32))]),   # and here, before the test
], ids=["mask15", "mod64", "thread_idx", "else", "statement_before"])
def test_other_regions_keep_the_walk_over_every_thread(region):
    assert cpu_thread_loop.warp_leaders(region) is None


def test_the_wmma_ops_run_once_per_warp_without_a_test(tmp_path: Path):
    path = tmp_path / "k.cu"
    path.write_text(WMMA)
    output, _ = convert_unit(load_unit(str(path)), "cpu")
    text = output.files["k.kernels.c"].decode()
    assert text.count(LEADER_LOOP) == 1          # the consecutive ops are one group (warp_matrix_ops)
    assert "& 31u) == 0u" not in text
    # the leader's own thread index, for arguments that use it
    assert "const int cutrans_tx = cutrans_t % (int)blockDim.x;" in text
