#!/usr/bin/env python3
"""Speed of the CPU translation of a half-precision WMMA GEMM against numpy's float32 matmul (issue 7).

    python benchmarks/wmma_gemm.py                      # n = 1024, best of 3
    python benchmarks/wmma_gemm.py --sizes 1024 2048 --repeat 5 --json out.json

The script translates samples/wmma_fp16_gemm.cu with `cutrans convert --to cpu`, compiles its `.kernels.c`
exactly as `cutrans verify` does (translator.verify.build.cpu_kernels_step) and links it into a small C driver
that fills n x n half matrices A (row-major) and B (column-major) and a float C, then times the kernel
`wmma_gemm_fp16` (D = alpha * A x B + beta * C; grid n/32 x n/32, 128 threads) with omp_get_wtime. In the
same run numpy multiplies two float32 n x n matrices. Both sides count 2 n^3 flops; the table gives each
side's best GFLOP/s and their ratio (translation / numpy). Issue 7's first target is 0.3, its goal 0.6.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from bandwidth import build_driver  # noqa: E402
from corpus import _grid, _run_group  # noqa: E402

SAMPLE = HERE.parent / "samples" / "wmma_fp16_gemm.cu"
KERNEL = "wmma_gemm_fp16"

DRIVER = r"""
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include "cpurt_device.h"
%(prototype)s

int main(int argc, char **argv)
{
    int n = atoi(argv[1]), repeat = atoi(argv[2]);
    size_t count = (size_t)n * n;
    _Float16 *a = malloc(count * sizeof *a), *b = malloc(count * sizeof *b);
    float *c = malloc(count * sizeof *c), *d = malloc(count * sizeof *d);
    for (size_t i = 0; i < count; ++i) {
        a[i] = (_Float16)((float)((i * 97) %% 41) / 16.0f - 1.25f);
        b[i] = (_Float16)((float)((i * 61) %% 37) / 32.0f - 0.5f);
        c[i] = (float)(i %% 9);
    }
    cutrans_dim3 grid = {(unsigned int)(n / 32), (unsigned int)(n / 32), 1};
    cutrans_dim3 block = {128, 1, 1};
    for (int r = 0; r < repeat; ++r) {
        double t0 = omp_get_wtime();
        cutrans_kernel_%(kernel)s(grid, block, 0, a, b, c, d, n, n, n, 1.0f, 0.0f);
        double t1 = omp_get_wtime();
        printf("seconds %%.9f\n", t1 - t0);
    }
    double check = 0;
    for (size_t i = 0; i < count; i += 4099) check += d[i];
    printf("check %%g\n", check);
    return 0;
}
"""


def build(work: Path) -> Path:
    return build_driver([SAMPLE], [KERNEL], lambda prototypes: DRIVER % {"prototype": prototypes[0],
                                                                         "kernel": KERNEL}, work)


def numpy_seconds(n: int, repeat: int) -> list[float]:
    import numpy as np
    rng = np.random.default_rng(1)
    a, b = rng.standard_normal((n, n), dtype=np.float32), rng.standard_normal((n, n), dtype=np.float32)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        a @ b
        times.append(time.perf_counter() - t0)
    return times


def measure(driver: Path, n: int, repeat: int, work: Path) -> dict:
    rc, out, err = _run_group([str(driver), str(n), str(repeat)], work, 3600)
    if rc != 0:
        raise RuntimeError(f"the driver failed ({rc}): {err.strip()[-300:]}")
    ours = [float(x) for x in re.findall(r"^seconds ([0-9.]+)$", out, re.M)]
    theirs = numpy_seconds(n, repeat)
    flops = 2.0 * n ** 3
    row = {"n": n, "cutrans_gflops": flops / min(ours) / 1e9, "numpy_gflops": flops / min(theirs) / 1e9}
    row["ratio"] = row["cutrans_gflops"] / row["numpy_gflops"]
    return row


def render(rows: list[dict]) -> str:
    table = [["n", "cutrans CPU (GFLOP/s)", "numpy float32 (GFLOP/s)", "ratio"]]
    table += [[str(r["n"]), f"{r['cutrans_gflops']:.2f}", f"{r['numpy_gflops']:.1f}", f"{r['ratio']:.3f}"]
              for r in rows]
    return "\n".join([f"WMMA fp16 GEMM (samples/wmma_fp16_gemm.cu) vs numpy, {os.cpu_count()} CPUs, best of each",
                      *_grid(table)])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1024], help="matrix sizes, multiples of 32")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each side (default %(default)s)")
    ap.add_argument("--json", type=Path, metavar="OUT")
    args = ap.parse_args(argv)
    if any(n % 32 for n in args.sizes):
        ap.error("every size must be a multiple of 32 (the kernel's block tile)")
    work = Path(tempfile.mkdtemp(prefix="cutrans-wmma-"))
    try:
        driver = build(work)
        rows = [measure(driver, n, args.repeat, work) for n in args.sizes]
    except (RuntimeError, subprocess.CalledProcessError) as exc:
        print(f"wmma_gemm.py: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(render(rows))
    if args.json:
        args.json.write_text(json.dumps({"repeat": args.repeat, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
