"""Cooperative groups on HIP 5: `#include <cooperative_groups.h>` becomes the shipped cutrans_hip_cg.h (tiles
cut from tiles), and the tile members HIP 5 lacks (ballot, any, all, meta_group_rank, meta_group_size)
become calls of cutrans_hip_compat.h's twins, told the parent group's size where the member needs it; a
call whose tile cannot be followed is refused (M001) rather than left to fail in hipcc."""

from __future__ import annotations

from pathlib import Path

import pytest

from translator.backends.hip import HipBackend
from translator.diagnostics import CutransError
from translator.driver import load_unit
from translator.frontend.clang_setup import SHIMS

HEAD = """#include <cooperative_groups.h>
namespace cg = cooperative_groups;
"""

KERNEL = HEAD + """__global__ void k(int *o)
{
    cg::thread_block cta = cg::this_thread_block();
    cg::thread_block_tile<32> warp = cg::tiled_partition<32>(cta);
    cg::thread_block_tile<8> eighth = cg::tiled_partition<8>(warp);
    int v = o[cta.thread_rank()];
    o[0] = warp.ballot(v > 0) + eighth.any(v) + warp.all(v);
    o[1] = eighth.meta_group_rank() + eighth.meta_group_size() * 10 + warp.meta_group_size() * 100;
    o[2] = warp.shfl(v, 3) + eighth.thread_rank();
}
"""


def _translate(tmp_path: Path, text: str):
    path = tmp_path / "k.cu"
    path.write_text(text)
    return HipBackend().translate(load_unit(str(path)), {"offload_arch": "gfx90a"})


def _text(output) -> str:
    ((_, text),) = output.files.items()
    return text.decode()


def test_missing_members_become_the_compat_twins_with_the_parent_size(tmp_path):
    out = _translate(tmp_path, KERNEL)
    text = _text(out)
    assert "o[0] = cutrans_tile_ballot(warp, v > 0) + cutrans_tile_any(eighth, v) + cutrans_tile_all(warp, v);" in text
    assert ("o[1] = cutrans_tile_meta_group_rank(eighth, 32) + cutrans_tile_meta_group_size(eighth, 32) * 10 + "
            "cutrans_tile_meta_group_size(warp, 0) * 100;") in text
    assert "o[2] = warp.shfl(v, 3) + eighth.thread_rank();" in text       # HIP 5 has these: left as written
    assert '#include "cutrans_hip_cg.h"' in text and '#include "cutrans_hip_compat.h"' in text
    assert out.runtime_files == ["hip/cutrans_hip_cg.h", "hip/cutrans_hip_compat.h"]
    assert all((SHIMS / f).is_file() for f in out.runtime_files)


def test_a_tile_that_cannot_be_followed_is_refused(tmp_path):
    text = HEAD + """__device__ int votes(cg::thread_block_tile<32> t, int v) { return t.ballot(v); }
__global__ void k(int *o)
{
    cg::thread_block_tile<32> warp = cg::tiled_partition<32>(cg::this_thread_block());
    o[0] = votes(warp, o[0]);
}
"""
    with pytest.raises(CutransError) as info:
        _translate(tmp_path, text)
    (diag,) = info.value.diagnostics
    assert diag.code == "M001" and "'ballot'" in diag.message and diag.line == 3


def test_the_compat_twins_exist_for_every_mapped_member():
    from translator.frontend.cooperative_groups import HIP5_MISSING_TILE_MEMBERS
    header = (SHIMS / "hip" / "cutrans_hip_compat.h").read_text()
    for member in HIP5_MISSING_TILE_MEMBERS:
        assert f" cutrans_tile_{member}(const Tile &tile" in header, member
