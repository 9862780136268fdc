#!/usr/bin/env python3
"""Memory bandwidth of cutrans's CPU translation against a STREAM-style triad (issue 5).

    python benchmarks/bandwidth.py                      # 2^25 floats per array, 20 timed runs
    python benchmarks/bandwidth.py --elements 67108864 --repeat 30 --json out.json

For each memory-bound sample in KERNELS the script translates the sample with `cutrans convert --to cpu`,
compiles its `.kernels.c` exactly as `cutrans verify` does (translator.verify.build.cpu_kernels_step), and
links it into one driver program together with a STREAM-style triad `a[i] = b[i] + s * c[i]` written in
C with `#pragma omp parallel for simd`, built with the same compiler and flags. The driver initialises every
array in parallel (first touch, static schedule as the translated kernels use), then calls the triad and
each translated kernel in turn, REPEAT times, and reports for each the best and the median GB/s, counting
the bytes the kernel must move (STREAM's convention: reads plus writes, no write-allocate traffic).
The table gives each kernel's best GB/s as a percentage of the triad's best, measured in the same run.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corpus import _grid, _run_group, cutrans_command  # noqa: E402

SAMPLES = HERE.parent / "samples"
BLOCK = 256


@dataclasses.dataclass(frozen=True)
class Kernel:
    sample: str          # file under samples/
    name: str            # the __global__ function
    call: str            # the call in the driver: arrays a, b, c (float*), n (int), grid and block
    bytes_per_element: int
    notes: str = ""


KERNELS = (
    Kernel("vector_add.cu", "vector_add", "cutrans_kernel_vector_add(grid, block, 0, b, c, a, n)", 12,
           "c = a + b: two reads, one write"),
    Kernel("saxpy_grid_stride.cu", "saxpy", "cutrans_kernel_saxpy(grid, block, 0, n, 3.0f, b, a)", 12,
           "y = a*x + y: two reads, one write; one element per thread, so the grid-stride loop runs once"),
)

DRIVER = r"""
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
#include "cpurt_device.h"
%(prototypes)s

static void triad(float *restrict a, const float *restrict b, const float *restrict c, float s, long n)
{
    #pragma omp parallel for simd schedule(static)
    for (long i = 0; i < n; ++i) a[i] = b[i] + s * c[i];
}

int main(int argc, char **argv)
{
    long n = atol(argv[1]);
    int repeat = atoi(argv[2]);
    float *a = aligned_alloc(64, n * sizeof(float) + 64);
    float *b = aligned_alloc(64, n * sizeof(float) + 64);
    float *c = aligned_alloc(64, n * sizeof(float) + 64);
    #pragma omp parallel for schedule(static)
    for (long i = 0; i < n; ++i) { a[i] = 1.0f; b[i] = 2.0f; c[i] = 0.5f; }
    cutrans_dim3 block = {%(block)d, 1, 1};
    cutrans_dim3 grid = {(unsigned int)((n + %(block)d - 1) / %(block)d), 1, 1};
    (void)grid; (void)block;
    for (int r = 0; r <= repeat; ++r) {
        double t0 = omp_get_wtime();
        triad(a, b, c, 3.0f, n);
        double t1 = omp_get_wtime();
        if (r) printf("triad %%.9f\n", t1 - t0);
%(calls)s
    }
    double check = 0;
    for (long i = 0; i < n; i += 4099) check += a[i];
    printf("check %%g\n", check);
    return 0;
}
"""

CALL = """        t0 = omp_get_wtime();
        %(call)s;
        t1 = omp_get_wtime();
        if (r) printf("%(name)s %%.9f\\n", t1 - t0);"""


def prototype(kernels_c: str, name: str) -> str:
    """The declaration of cutrans_kernel_<name> from a generated .kernels.c."""
    m = re.search(rf"^void cutrans_kernel_{re.escape(name)}\(.*?\)\s*$", kernels_c, re.M)
    if not m:
        raise ValueError(f"no definition of cutrans_kernel_{name} in the translation")
    return m.group(0).strip() + ";"


def driver_source(kernels: list[Kernel], prototypes: list[str]) -> str:
    calls = "\n".join(CALL % {"call": k.call, "name": k.name} for k in kernels)
    return DRIVER % {"prototypes": "\n".join(prototypes), "calls": calls, "block": BLOCK}


def parse_times(text: str) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    for line in text.splitlines():
        m = re.fullmatch(r"(\w+) ([0-9.]+)", line.strip())
        if m and m.group(1) != "check":
            times.setdefault(m.group(1), []).append(float(m.group(2)))
    return times


def gbps(bytes_moved: float, seconds: float) -> float:
    return bytes_moved / seconds / 1e9


def summarize(times: dict[str, list[float]], elements: int, kernels: list[Kernel]) -> list[dict]:
    """One row per measured kernel (the triad first): best and median GB/s, percent of the triad's best."""
    per_element = {"triad": 12, **{k.name: k.bytes_per_element for k in kernels}}
    rows = []
    for name in ("triad", *(k.name for k in kernels)):
        if not times.get(name):
            continue
        ordered = sorted(times[name])
        best = gbps(per_element[name] * elements, ordered[0])
        med = gbps(per_element[name] * elements, ordered[len(ordered) // 2])
        rows.append({"kernel": name, "best_gbps": best, "median_gbps": med, "runs": len(ordered)})
    triad = rows[0]["best_gbps"] if rows and rows[0]["kernel"] == "triad" else None
    for row in rows:
        row["percent_of_triad"] = 100.0 * row["best_gbps"] / triad if triad else None
    return rows


def render(rows: list[dict], elements: int) -> str:
    table = [["kernel", "best GB/s", "median GB/s", "% of triad (best)"]]
    for r in rows:
        pct = "-" if r["percent_of_triad"] is None else f"{r['percent_of_triad']:.0f}%"
        table.append([r["kernel"], f"{r['best_gbps']:.1f}", f"{r['median_gbps']:.1f}", pct])
    return "\n".join([f"{elements} floats per array, {os.cpu_count()} CPUs", *_grid(table)])


def build_driver(samples: list[Path], names: list[str], driver_c, work: Path) -> Path:
    """Convert `samples` to the CPU target, compile each one's kernels exactly as `cutrans verify` does
    (translator.verify.build.cpu_kernels_step), and link them with the C driver `driver_c(prototypes)` gets
    the prototypes of kernels `names` (one per sample, in order) to write. wmma_gemm.py builds with it too."""
    from translator.verify import build as vbuild
    from translator.verify import toolchain

    out = work / "cpu"
    argv = [*cutrans_command(), "convert", *(str(s) for s in samples), "--to", "cpu", "-o", str(out)]
    rc, _, err = _run_group(argv, work, 300)
    if rc != 0:
        raise RuntimeError(f"cutrans convert failed: {err.strip()[-500:]}")
    objects, prototypes = [], []
    for sample, name in zip(samples, names):
        step = vbuild.cpu_kernels_step(sample.stem)
        subprocess.run(step.argv, cwd=out, check=True)
        objects.append(f"{sample.stem}.kernels.o")
        prototypes.append(prototype((out / f"{sample.stem}.kernels.c").read_text(), name))
    (out / "driver.c").write_text(driver_c(prototypes))
    cc, omp = toolchain.find_cc(), toolchain.find_openmp()
    flags = [a for a in step.argv[1:] if a.startswith(("-std", "-O", "-march", "-f"))]
    subprocess.run([*cc.command, *flags, *omp.flags, "-I.", "driver.c", *objects, "-o", "driver", "-lm"],
                   cwd=out, check=True)
    return out / "driver"


def build(kernels: list[Kernel], work: Path) -> Path:
    return build_driver([SAMPLES / k.sample for k in kernels], [k.name for k in kernels],
                        lambda prototypes: driver_source(kernels, prototypes), work)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--elements", type=int, default=1 << 25, help="floats per array (default %(default)s)")
    ap.add_argument("--repeat", type=int, default=20, help="timed calls of each kernel (default %(default)s)")
    ap.add_argument("--json", type=Path, metavar="OUT")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="cutrans-bandwidth-"))
    try:
        driver = build(list(KERNELS), work)
        rc, out, err = _run_group([str(driver), str(args.elements), str(args.repeat)], work, 600)
        if rc != 0:
            print(f"bandwidth.py: the driver failed ({rc}): {err.strip()[-300:]}", file=sys.stderr)
            return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = summarize(parse_times(out), args.elements, list(KERNELS))
    print(render(rows, args.elements))
    if args.json:
        args.json.write_text(json.dumps({"elements": args.elements, "repeat": args.repeat, "rows": rows}, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
