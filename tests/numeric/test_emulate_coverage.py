"""What the CPU emulation reference covers beyond the basics: cooperative groups, cuda_fp16.h, streams,
events, device printf and properties, and a 64-lane warp (CUEMU_WARP_SIZE=64). Each case in
emulate_cases/ prints values derived by hand (the derivations are in the comments below)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from translator.diagnostics import CutransError

CASES = Path(__file__).resolve().parent / "emulate_cases"

pytestmark = [
    pytest.mark.toolchain("c++"),
    pytest.mark.skipif(shutil.which(os.environ.get("CXX", "c++").split()[0]) is None,
                       reason="no host C++ compiler (c++ or $CXX) to build the emulation reference"),
]

# name -> (case file, defines)
BUILDS = {
    "cg_groups": ("cg_groups.cu", ()),
    "cg_grid_sync": ("cg_grid_sync.cu", ()),
    "half_precision": ("half_precision.cu", ()),
    "streams_printf": ("streams_printf.cu", ()),
    "wave64": ("wave64.cu", ("CUEMU_WARP_SIZE=64",)),
    "shuffle_outside_mask": ("shuffle_outside_mask.cu", ()),
}


@pytest.fixture(scope="module")
def built(reference_builds):
    """name -> executable, each built on first use."""
    return reference_builds({name: (CASES / case, defines) for name, (case, defines) in BUILDS.items()})


def run(built, name) -> subprocess.CompletedProcess:
    exe = built[name]
    if isinstance(exe, CutransError):
        pytest.fail(f"build of {name} failed:\n{exe}")
    return subprocess.run([str(exe)], capture_output=True, text=True, timeout=60)


def lines(built, name) -> list[str]:
    done = run(built, name)
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout.splitlines()


# Columns per thread r of a 64-thread block:
#  0 reduce over its warp tile of r+1        (1..32 -> 528, 33..64 -> 1552)
#  1 tile<16> rank + 100 * meta_group_rank   2 tile<16> meta_group_size (64 / 16)
#  3-6 tile<8> shfl_down(r,1), shfl_up(r,2), shfl_xor(r,5), shfl(r,7); a source outside the tile keeps r
#  7 tile<16> ballot of rank % 3 == 0        (bits 0,3,6,9,12,15 = 37449)
#  8 tile<16> any(r == 20) + 10 * all(r < 40)
#  9 tile<16> min + 100 * max of (r * 7) % 23 over the tile
# 10 dynamic tile of 4: rank + 10 * size     11 grid rank + 1000 * grid size
CG_EXPECTED = [
    "block 64 dims 64",
    "t0: 528 0 4 1 0 5 7 37449 10 2200 40 64000",
    "t5: 528 5 4 6 3 0 7 37449 10 2200 41 64005",
    "t31: 528 115 4 31 29 26 31 37449 11 2100 43 64031",
    "t32: 1552 200 4 33 32 37 39 37449 0 2200 40 64032",
    "t63: 1552 315 4 63 61 58 63 37449 0 2201 43 64063",
    "block sums 2016.0 6112.0",          # 0 + ... + 63 and 64 + ... + 127
]


def test_cooperative_groups(built):
    assert lines(built, "cg_groups") == CG_EXPECTED


def test_grid_sync_stops_instead_of_running_wrong(built):
    done = run(built, "cg_grid_sync")
    assert done.returncode == 3
    assert "not reached" not in done.stdout
    assert "grid-wide sync() of cooperative groups is not emulated" in done.stderr
    assert "cg_grid_sync.cu:11" in done.stderr


HALF_EXPECTED = [
    "1.0 0x3c00",
    "0.1 0x2e66",
    "1+2^-11 tie to even 0x3c00",          # halfway between 0x3c00 and 0x3c01
    "1+3*2^-11 tie to even 0x3c02",        # halfway between 0x3c01 and 0x3c02
    "65504 0x7bff",                        # the largest half
    "65519 0x7bff",                        # below the midpoint 65520
    "65520 overflow 0x7c00",               # the midpoint rounds to even: 2^16, which is infinity
    "65520 rz 0x7bff",                     # toward zero stays finite
    "-1e6 0xfc00",
    "2^-24 0x0001",                        # the smallest subnormal
    "2^-25 tie to zero 0x0000",
    "1.5*2^-24 tie up 0x0002",
    "2^-14 - 2^-25 0x0400",                # the tie between the largest subnormal and the smallest normal
    "-0 0x8000",
    "int 2049 0x6800",                     # halves are 2 apart at 2048: the tie goes to 2048
    "int 2051 0x6802",                     # and this one to 2052
    "subnormal 0x0001 = 5.960464478e-08",
    "0x7bff = 65504, 0xfc00 = -inf",
    "half2int_rz(-2.75) = -2, half2int_rn(2.5) = 2, half2int_rn(3.5) = 4",
    "a+b 3.75 a-b -0.75 a*b 3.375 a/b 0.666504",   # 2/3 rounds to 0x3955 = 0.66650390625
    "hdiv 1/3 0x3555",
    "fma exact 0x1e02",                    # 1538.25 * 2^-18 rounded once
    "mul then add 0x1e00",                 # 1536 * 2^-18 after rounding x*x
    "contracted 0x1e02",                   # one rounding, as __hfma
    "heq 1 hlt 1 hgt 0 hneg -1.5",
    "half2 add 3.25 -1 mul 2.25 -3.75 fma 3.25 -6.25",
    "float2 round trip 0.09997559 3.0",    # 0.1 -> 0x2e66 = 0.0999755859375
    "shfl lane 0 0.5 lane 30 15.5 lane 31 15.5",
]


def test_half_precision(built):
    assert lines(built, "half_precision") == HALF_EXPECTED


def test_streams_events_printf_and_properties(built):
    assert lines(built, "streams_printf") == [
        "warpSize 32 maxThreadsPerBlock 1024 sm 8.0 multiProcessorCount>0 1",
        *(f"block {b} thread {t} tag 7" for b in range(2) for t in range(3)),
        "elapsed ok 1 nonnegative 1",
        "host[0] 2 host[999] 1001",        # two kernels on two streams, each adds 1, in order
        "last error cudaSuccess",
    ]


def test_64_lane_warps(built):
    assert lines(built, "wave64") == [
        "warpSize 64 mask bytes 8",
        "ballot warp0 5555555555555555 warp1 5555555555555555",
        "sum warp0 2016 warp1 6112",       # 0 + ... + 63 and 64 + ... + 127
        "shfl from 40: lane 0 40 lane 64 104",
        "votes warp0 11 warp1 0",
    ]



def test_shuffle_from_outside_its_mask_warns_once(built):
    done = run(built, "shuffle_outside_mask")
    assert done.returncode == 0, done.stderr
    # lane 0: three times its own 100, plus 1000 * lane 1's 101; lane 7: 3 * 107 + 1000 * 106
    assert done.stdout.splitlines() == ["lane 0 101300 lane 7 106321"]
    warnings = [ln for ln in done.stderr.splitlines() if ln.startswith("cuemu: warning:")]
    assert warnings == ["cuemu: warning: __shfl_down_sync: lane 0 reads lane 16, which is not among the lanes that "
                        "take part (mask 0x000000ff); CUDA leaves that value undefined, and the emulation gives "
                        "lane 0 its own value (said once)"]
