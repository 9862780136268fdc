"""Cooperative groups: the stand-in headers parse, group objects vanish from the IR, member calls
become special registers, barriers and WarpOps, cg::reduce becomes a butterfly of xor shuffles in the
emulation's order, and what cannot be translated is refused with a diagnostic."""

from __future__ import annotations

import pytest

from translator.diagnostics import CutransError
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.passes.lower_warp_ops import lower_warp_ops

HEAD = """#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>
namespace cg = cooperative_groups;
"""


def _fn(module, name):
    return next(f for f in module.functions if f.name == name)


def _ops(node):
    return [n for n in walk(node) if isinstance(n, N.WarpOp)]


def _lowered(lower, body, params="int* o"):
    module, diags = lower(HEAD + f"__global__ void k({params}) {{\n{body}\n}}")
    assert not diags, diags
    return module


def test_group_variables_leave_no_trace_and_block_sync_is_a_barrier(lower):
    module = _lowered(lower, """
        cg::thread_block cta = cg::this_thread_block();
        o[cta.thread_rank()] = cta.size();
        cg::sync(cta);
        cta.sync();""")
    k = _fn(module, "k")
    assert not any(isinstance(n, N.VarDecl) for n in walk(k))
    assert [n.scope for n in walk(k) if isinstance(n, N.Barrier)] == ["block", "block"]
    regs = {n.reg for n in walk(k) if isinstance(n, N.SpecialReg)}
    assert regs == {"thread_linear", "block_threads"}


@pytest.mark.parametrize("decl, width", [
    ("cg::thread_block_tile<32> t = cg::tiled_partition<32>(cta);", 32),
    ("auto t = cg::tiled_partition<8>(cta);", 8),
    ("cg::thread_block_tile<16> w = cg::tiled_partition<16>(cta); auto t = cg::tiled_partition<4>(w);", 4),
])
def test_tile_shuffles_are_warp_ops_with_the_tile_mask_and_width(lower, decl, width):
    module = _lowered(lower, f"""
        cg::thread_block cta = cg::this_thread_block();
        {decl}
        int v = o[cta.thread_rank()];
        o[cta.thread_rank()] = t.shfl_down(v, 1) + t.shfl_xor(v, 1) + t.shfl_up(v, 1) + t.shfl(v, 0);""")
    ops = _ops(_fn(module, "k"))
    assert [op.op for op in ops] == ["shfl_down", "shfl_xor", "shfl_up", "shfl_idx"]
    for op in ops:
        assert op.args[3].value == width
        mask = op.args[0]
        if width == 32:
            assert isinstance(mask, N.IntLit) and mask.value == 0xFFFFFFFF
        else:
            assert isinstance(mask, N.BinOp) and mask.op == "<<" and mask.lhs.value == (1 << width) - 1


def test_tile_ranks_and_meta_groups(lower):
    module = _lowered(lower, """
        cg::thread_block cta = cg::this_thread_block();
        cg::thread_block_tile<16> t = cg::tiled_partition<16>(cta);
        o[0] = t.thread_rank(); o[1] = t.size(); o[2] = t.meta_group_rank(); o[3] = t.meta_group_size();""")
    k = _fn(module, "k")
    values = [_uncast(s.expr.value) for s in k.body.stmts]
    assert isinstance(values[0], N.BinOp) and values[0].op == "&" and values[0].rhs.value == 15
    assert isinstance(values[1], N.IntLit) and values[1].value == 16
    rank, size = values[2], values[3]          # id / 16 and (block threads + 15) / 16
    assert rank.op == "/" and rank.lhs.reg == "thread_linear" and rank.rhs.value == 16
    assert size.op == "/" and size.lhs.op == "+" and size.lhs.lhs.reg == "block_threads" and size.rhs.value == 16


def test_a_function_given_a_group_is_made_once_per_group_and_the_parameter_is_the_group(lower):
    module, diags = lower(HEAD + """
template <typename G> __device__ int rank_of(G &g) { return g.thread_rank(); }
__device__ int first_of(cg::thread_block_tile<8> t, int base) { return base + t.size() * t.meta_group_rank(); }
__global__ void k(int *o) {
    cg::thread_block cta = cg::this_thread_block();
    cg::thread_block_tile<32> w = cg::tiled_partition<32>(cta);
    auto e = cg::tiled_partition<8>(w);
    o[cta.thread_rank()] = rank_of(w) + rank_of(e) + rank_of(cta) + rank_of(w) + first_of(e, 1);
}""")
    assert not diags, diags
    names = [f.name for f in module.functions]
    # the instance's name (G's type), then the group's (which tile of what): the second call with `w` reuses
    # the first function
    assert names == ["rank_of_tile32_tile32", "rank_of_tile8_tile32_tile8", "rank_of_thread_block_block",
                     "first_of_tile32_tile8", "k"]
    assert _fn(module, "rank_of_tile32_tile32").params == []
    assert [p.name for p in _fn(module, "first_of_tile32_tile8").params] == ["base"]
    tile8 = _fn(module, "rank_of_tile8_tile32_tile8").body.stmts[0].value
    assert _uncast(tile8).op == "&" and _uncast(tile8).rhs.value == 7
    calls = [n for n in walk(_fn(module, "k")) if isinstance(n, N.Call)]
    assert [len(c.args) for c in calls] == [0, 0, 0, 0, 1]


def test_a_group_parameter_that_no_call_gives_is_refused(lower, cuda_file):
    from translator.frontend.clang_setup import parse
    from translator.frontend.lower import lower_module
    path = cuda_file(HEAD + """
__device__ int rank_of(cg::thread_block_tile<32> &g) { return g.thread_rank(); }
__global__ void k(int *o, cg::thread_block_tile<32> *t) { o[0] = rank_of(*t); }""")
    tu, _, _ = parse(path)
    _, diags = lower_module(tu, path)
    assert diags and diags[0].code == "L003"


def _uncast(e):
    while isinstance(e, N.Cast):
        e = e.value
    return e


def test_tile_ballot_is_shifted_to_the_tile_ranks(lower):
    module = _lowered(lower, """
        cg::thread_block cta = cg::this_thread_block();
        auto t = cg::tiled_partition<8>(cta);
        o[cta.thread_rank()] = t.ballot(o[0] > 2) + t.any(1) + t.all(0);""")
    k = _fn(module, "k")
    shifts = [n for n in walk(k) if isinstance(n, N.BinOp) and n.op == ">>" and isinstance(n.lhs, N.WarpOp)]
    assert len(shifts) == 1 and shifts[0].lhs.op == "ballot"
    assert sorted(op.op for op in _ops(k)) == ["all", "any", "ballot"]


@pytest.mark.parametrize("op, width, binop", [("plus", 32, "+"), ("bit_xor", 16, "^"), ("greater", 8, None)])
def test_reduce_is_a_butterfly_of_xor_shuffles_from_half_the_tile_down(lower, op, width, binop):
    module = _lowered(lower, f"""
        cg::thread_block cta = cg::this_thread_block();
        cg::thread_block_tile<{width}> t = cg::tiled_partition<{width}>(cta);
        o[cta.thread_rank()] = cg::reduce(t, o[cta.thread_rank()], cg::{op}<int>());""")
    helper = next(f for f in module.functions if f.name.startswith("cutrans_cg_reduce_"))
    offsets = [w.args[2].value for w in _ops(helper)]
    assert offsets == [width >> s for s in range(1, width.bit_length())]
    assert all(w.op == "shfl_xor" and w.args[3].value == width for w in _ops(helper))
    if binop:
        assert any(isinstance(n, N.BinOp) and n.op == binop for n in walk(helper))
    else:
        assert any(isinstance(n, N.Conditional) for n in walk(helper))
    lowered = lower_warp_ops(module)        # the helper is inlined into the kernel
    assert not any(f.name.startswith("cutrans_cg_reduce_") for f in lowered.functions)
    assert not _ops(lowered)


def test_cuda_samples_last_warp_pattern_is_predicated(lower):
    module = _lowered(lower, """
        cg::thread_block cta = cg::this_thread_block();
        cg::thread_block_tile<32> tile32 = cg::tiled_partition<32>(cta);
        float s = o[cta.thread_rank()];
        if (cta.thread_rank() < 32) {
            for (int offset = tile32.size() / 2; offset > 0; offset /= 2) s += tile32.shfl_down(s, offset);
        }
        if (cta.thread_rank() == 0) o[0] = s;""")
    lowered = lower_warp_ops(module)
    assert not _ops(lowered)


@pytest.mark.parametrize("body, code, message", [
    ("cg::grid_group g = cg::this_grid(); g.sync();", "L003", "grid-wide sync() cannot be translated"),
    ("auto g = cg::coalesced_threads(); o[0] = g.meta_group_rank();", "L003", "of a coalesced group"),
    ("cg::thread_block b = cg::this_thread_block(); o[0] = b.shfl(1, 0);", None, None),
    ("cg::thread_block b = cg::this_thread_block(); int n = o[0]; cg::thread_group g = cg::tiled_partition(b, n);",
     "L003", "known at compile time"),
    ("cg::thread_block b = cg::this_thread_block(); cg::thread_group g = cg::tiled_partition(b, 12);",
     "L003", "power of two"),
    ("cg::thread_block b = cg::this_thread_block(); cg::thread_group g = cg::tiled_partition(b, 64);",
     "L003", "tiled_partition<N> with N = 64"),
    ("cg::thread_block b = cg::this_thread_block(); auto t = cg::tiled_partition<1024>(b); o[0] = t.thread_rank();",
     "L003", "no larger than 32"),
    ("cg::thread_block b = cg::this_thread_block(); auto t = cg::tiled_partition<128>(b); o[0] = t.shfl_down(1, 1);",
     "L003", "only sync, shfl, any, all and the reductions"),
])
def test_what_cannot_be_translated_is_refused(lower, cuda_file, body, code, message):
    from translator.frontend.clang_setup import parse
    from translator.frontend.lower import lower_module
    path = cuda_file(HEAD + f"__global__ void k(int* o) {{\n{body}\n}}")
    if code is None:            # a block has no shfl: the stand-in headers reject it as CUDA's do
        with pytest.raises(CutransError) as info:
            parse(path)
        assert info.value.diagnostics[0].code == "P002" and "shfl" in info.value.diagnostics[0].message
        return
    tu, _, _ = parse(path)
    _, diags = lower_module(tu, path)
    errors = [d for d in diags if d.code not in ("L012", "L013")]   # the warning and note of the groups made
    assert [d.code for d in errors] == [code]
    assert message in errors[0].message and errors[0].line > 3


def test_a_coalesced_group_is_the_calling_thread_alone_with_a_warning(lower, cuda_file):
    from translator.frontend.clang_setup import parse
    from translator.frontend.lower import lower_module
    from translator.ir.printer import print_ir
    path = cuda_file(HEAD + """__global__ void k(int* o, int n) {
    if (o[threadIdx.x] > n) {
        cg::coalesced_group g = cg::coalesced_threads();
        int base = g.thread_rank() == 0 ? atomicAdd(o, (int)g.size()) : 0;
        o[threadIdx.x] = g.shfl(base, 0) + g.ballot(base > 3) + g.any(base) + cg::reduce(g, base, cg::plus<int>());
        g.sync();
    }
}""")
    tu, _, _ = parse(path)
    module, diags = lower_module(tu, path)
    assert [(d.code, d.severity.name) for d in diags] == [("L012", "WARNING")]
    assert "calling thread alone" in diags[0].message and diags[0].line == 6
    assert not _ops(module)                  # no warp operation is left to exchange: there is no other lane
    text = print_ir(module)
    assert "atomicAdd" in text or "atomic" in text


def test_host_includes_of_cooperative_groups_become_an_empty_namespace():
    from translator.frontend.cooperative_groups import HOST_INCLUDES
    assert set(HOST_INCLUDES) >= {"cooperative_groups.h", "cooperative_groups/reduce.h"}
    assert all(text.startswith("namespace cooperative_groups {}") for text in HOST_INCLUDES.values())


def test_multi_warp_tiles_reduce_per_warp_then_across_the_tiles_warps(lower):
    """A tile of 128 threads: rank and meta rank from the linear id, sync() a block barrier, and cg::reduce
    CUDA's two stages: the warp's butterfly, lane 0's value, then a butterfly over the 4 warps (t ^ 64, t ^ 32)."""
    from translator.ir.printer import print_ir
    module, diags = lower(HEAD + """__global__ void k(int* o) {
        __shared__ cg::block_tile_memory<256> scratch;
        cg::thread_block cta = cg::this_thread_block(scratch);
        cg::thread_block_tile<128> t = cg::tiled_partition<128>(cta);
        t.sync();
        o[cta.thread_rank()] = cg::reduce(t, (int)t.thread_rank(), cg::plus<int>()) + t.meta_group_rank();
    }""")
    assert [(d.code, d.severity.name) for d in diags] == [("L013", "NOTE")]
    assert "spans 4 warps" in diags[0].message
    k = _fn(module, "k")
    assert [n.scope for n in walk(k) if isinstance(n, N.Barrier)] == ["block"]
    reduce = _fn(module, "cutrans_cg_reduce_plus_i32_128")
    ops = _ops(reduce)
    assert [op.op for op in ops] == ["shfl_xor"] * 5 + ["block_shfl"] * 3
    assert [op.args[2].value for op in ops[:5]] == [16, 8, 4, 2, 1]
    text = print_ir(reduce)
    assert "(%thread_linear & 4294967264:u32)" in text          # lane 0 of the caller's warp
    assert text.index("^ 64:u32") < text.index("^ 32:u32")       # then the warp 2 away, then the next one
    assert not _ops(lower_warp_ops(module))


def test_multi_warp_collectives_need_the_whole_block(lower):
    """Their exchanges go through the block, so a loop only some threads run cannot hold one (L007)."""
    module, _ = lower(HEAD + """__global__ void k(int* o) {
        cg::thread_block cta = cg::this_thread_block();
        auto t = cg::tiled_partition<64>(cta);
        for (int i = 0; i < o[cta.thread_rank()]; ++i) {
            o[cta.thread_rank()] += t.shfl(i, 3);
        }
    }""")
    with pytest.raises(CutransError) as info:
        lower_warp_ops(module)
    assert info.value.diagnostics[0].code == "L007"
    assert "a collective of a tile larger than a warp" in info.value.diagnostics[0].message


def test_hip_makes_multi_warp_tiles_through_the_compat_header(cuda_file):
    """HIP's tiles stop at the wavefront: tiled_partition<...> and thread_block_tile<...> become
    cutrans_hip_cg.h's twins, and a member HIP 5 lacks, called on a tile whose size is a template parameter,
    is followed to the group the tile is cut from (the block made from a dependent scratch). One cut from
    such a tile is not followed (its parent's size is a template parameter): M001 refuses its
    meta_group_rank()."""
    from translator.backends.hip import HipBackend
    from translator.driver import load_unit
    path = cuda_file(HEAD + """
    template <unsigned G>
    __global__ void k(int* o) {
        __shared__ cg::block_tile_memory<G * 2> scratch;
        auto cta = cg::this_thread_block(scratch);
        auto t = cg::tiled_partition<G>(cta);
        cg::thread_block_tile<32> w = cg::tiled_partition<32>(t);   // tiled_partition<4>(t) in a comment
        o[cta.thread_rank()] = t.any(o[0] > 2) + t.meta_group_rank() + w.thread_rank();
    }
    void run(int* o) { k<64><<<1, 128>>>(o); }""")
    out = HipBackend().translate(load_unit(path), {"offload_arch": "gfx90a"})
    text = next(v for k, v in out.files.items() if k.endswith(".hip")).decode()
    assert "auto t = cg::cutrans_tiled_partition<G>(cta);" in text
    assert "cg::cutrans_thread_block_tile<32> w = cg::cutrans_tiled_partition<32>(t);" in text
    assert "// tiled_partition<4>(t) in a comment" in text
    assert "cutrans_tile_any(t, o[0] > 2) + cutrans_tile_meta_group_rank(t, 0) + w.thread_rank()" in text
    assert "hip/cutrans_hip_cg.h" in out.runtime_files
    refused = cuda_file(HEAD + """
    template <unsigned G>
    __global__ void k(int* o) {
        auto t = cg::tiled_partition<G>(cg::this_thread_block());
        auto w = cg::tiled_partition<32>(t);
        o[0] = w.meta_group_rank();
    }
    void run(int* o) { k<64><<<1, 128>>>(o); }""")
    with pytest.raises(CutransError) as info:
        HipBackend().translate(load_unit(refused), {"offload_arch": "gfx90a"})
    assert [d.code for d in info.value.diagnostics] == ["M001"]
