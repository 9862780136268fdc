#!/usr/bin/env python3
"""Check the emulation and the translations against real CUDA on an NVIDIA GPU.

    python benchmarks/real_cuda.py                       # every sample program and kernel case
    python benchmarks/real_cuda.py --jobs 12 --json out.json --only saxpy wmma
    python benchmarks/real_cuda.py --first struct_ cub_ --deadline 500   # a GPU lent for minutes

CI has no GPU, so its reference is the CPU emulation (runtime_shims/emulate). This script is how a machine
with an NVIDIA GPU, nvcc and cuda-python checks that chain. For every sample program (samples/*.cu, and the
programs of several sources in sub-folders, run as `cutrans demo` runs them) and every kernel case of
pyproject.toml it runs two verifications:

    emulate: cutrans verify ... --reference emulate --targets cuda
             does the emulation CI trusts compute what the GPU computes?
    opencl, cpu: cutrans verify ... --reference cuda --targets opencl,cpu
             do the translations compute what the GPU computes?

and prints one row per program or case, the totals per column, and every cell that did not pass with its
first line of detail. OpenCL runs on the first device cutrans finds (CUTRANS_OPENCL_DEVICE picks another):
on an NVIDIA machine with NVIDIA's OpenCL driver, the translation runs on the same GPU as the original.
HIP is not run: it needs an AMD GPU.

Without nvcc, cuda-python or a GPU it says which is missing and exits 2; otherwise it exits 1 when a cell
failed and 0 when every cell passed or was unsupported.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import sys
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from corpus import _run_group, cutrans_command  # noqa: E402

COLUMNS = ("emulate", "opencl", "cpu")
# (reference, targets): the emulation is a target judged by the GPU's numbers; the translations likewise.
RUNS = (("emulate", ("cuda",)), ("cuda", ("opencl", "cpu")))
WALL = 900                      # seconds one verify may take, builds included
_CELLS = {"pass": "pass", "fail": "FAIL", "error": "error", "unsupported": "unsup"}


def _column(target: str) -> str:
    """The column a verify target fills: the `cuda` target judges the emulation."""
    return "emulate" if target == "cuda" else target


def work_items(only: list[str]) -> list[tuple[str, list[str]]]:
    """(row name, the verify arguments that select it) for every sample program and kernel case."""
    from translator.verify.demo import sample_programs
    items = [(p[0].name, [str(p[0])]) if len(p) == 1 else (f"{p[0].parent.name}/", ["--link", *map(str, p)])
             for p in sample_programs(ROOT / "samples")]
    listed = _run_group([*cutrans_command(), "verify", "--project", str(ROOT / "pyproject.toml"), "--list-cases"],
                        ROOT, 120)
    if listed[0] != 0:
        raise SystemExit(f"cannot list the kernel cases: {listed[2].strip()}")
    items += [(f"case {name}", ["--project", str(ROOT / "pyproject.toml"), "--case", name])
              for name in listed[1].split("\n") if name.strip()]
    if only:
        items = [item for item in items if any(word in item[0] for word in only)]
    return items


def verify(selection: list[str], reference: str, targets: tuple[str, ...], timeout: int) -> list[dict]:
    """The JSON results of one `cutrans verify`, or one synthetic error result per target when it crashed."""
    argv = [*cutrans_command(), "verify", *selection, "--reference", reference, "--targets", ",".join(targets),
            "--format", "json", "--timeout", str(timeout)]
    rc, out, err = _run_group(argv, ROOT / "samples", WALL)
    try:
        return json.loads(out)["results"]
    except (ValueError, KeyError, TypeError):
        why = "timed out" if rc is None else f"rc={rc}: " + (err.strip().splitlines() or ["no output"])[-1]
        return [{"target": t, "status": "error", "detail": f"cutrans verify crashed ({why})", "reference": reference}
                for t in targets]


def runs(columns) -> list[tuple[str, tuple[str, ...]]]:
    """The verifications that fill `columns`: (reference, targets) pairs from RUNS."""
    chosen = []
    for reference, targets in RUNS:
        wanted = tuple(t for t in targets if _column(t) in columns)
        if wanted:
            chosen.append((reference, wanted))
    return chosen


def check(item: tuple[str, list[str]], timeout: int, columns=COLUMNS) -> tuple[str, dict[str, dict]]:
    name, selection = item
    cells: dict[str, dict] = {}
    for reference, targets in runs(columns):
        for result in verify(selection, reference, targets, timeout):
            cells[_column(result["target"])] = result
    return name, cells


def _detail(result: dict) -> str:
    lines = (result.get("detail") or "").strip().splitlines()
    diags = result.get("diagnostics") or []
    if diags:
        d = diags[0]
        lines = [f"{d.get('code', '')}: {d.get('message', '')}".strip()] + lines
    return lines[0][:160] if lines else ""


def render(rows: list[tuple[str, dict[str, dict]]], columns=COLUMNS) -> str:
    width = max([len("program or case")] + [len(name) for name, _ in rows])
    head = f"{'program or case':<{width}}  " + "  ".join(f"{c:<8}" for c in columns)
    lines = [head, "-" * len(head)]
    totals = {c: Counter() for c in columns}
    notes = []
    for name, cells in rows:
        row = []
        for column in columns:
            result = cells.get(column)
            cell = _CELLS.get(result["status"], "?") if result else "-"
            totals[column][cell] += 1
            row.append(f"{cell:<8}")
            if result and result["status"] != "pass":
                notes.append(f"{name} [{column}]: {_detail(result)}")
        lines.append(f"{name:<{width}}  " + "  ".join(row))
    lines.append("")
    for column in columns:
        counts = ", ".join(f"{n} {cell}" for cell, n in sorted(totals[column].items()))
        lines.append(f"{column}: {counts}")
    if notes:
        lines += ["", *notes]
    return "\n".join(lines)


def environment() -> str:
    from translator.verify import cuda_reference, toolchain
    usable, text = cuda_reference.availability()
    if not usable:
        raise SystemExit(text)
    opencl = toolchain.find_opencl()
    devices = opencl if isinstance(opencl, str) else f"{opencl.source} {opencl.library}: " + \
        "; ".join(opencl.devices.splitlines())
    return f"reference: {text}\nopencl: {devices}"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--jobs", type=int, default=max(1, (os.cpu_count() or 2) - 2),
                        help="verifications run at once (default: the cores less two)")
    parser.add_argument("--timeout", type=int, default=120, help="seconds each program run may take")
    parser.add_argument("--json", help="also write every result to this file")
    parser.add_argument("--only", nargs="*", default=[], help="rows whose name contains one of these words")
    parser.add_argument("--first", nargs="*", default=[],
                        help="run the rows whose name contains one of these words before the others")
    parser.add_argument("--deadline", type=int, default=0,
                        help="start no row this many seconds after the first (default: no limit)")
    parser.add_argument("--columns", default=",".join(COLUMNS),
                        help=f"comma-separated columns to fill (default {','.join(COLUMNS)})")
    args = parser.parse_args(argv)
    columns = tuple(c for c in COLUMNS if c in args.columns.split(","))
    if not columns:
        parser.error(f"--columns names none of {', '.join(COLUMNS)}")
    try:
        header = environment()
    except SystemExit as exc:
        print(f"real_cuda: real CUDA is not available: {exc}", file=sys.stderr)
        return 2
    print(header, flush=True)
    items = first(work_items(args.only), args.first)
    rows = run_all(items, args, columns, header)
    failed = any(r["status"] == "fail" for _, cells in rows for r in cells.values())
    return 1 if failed else 0


def first(items: list[tuple[str, list[str]]], words: list[str]) -> list[tuple[str, list[str]]]:
    """`items` with the rows whose name contains one of `words` moved to the front, each group in its order."""
    wanted = [item for item in items if any(word in item[0] for word in words)]
    return wanted + [item for item in items if item not in wanted]


def run_all(items, args, columns, header: str) -> list[tuple[str, dict[str, dict]]]:
    """Verify every row, `args.jobs` at a time, printing each one as it ends and rewriting `args.json` then, so
    that a run cut short by its machine's time still leaves what it finished. Rows that have not started
    `args.deadline` seconds after the first are not run; the table lists them with empty cells."""
    start = time.monotonic()
    done: dict[str, dict[str, dict]] = {}

    def one(item):
        if args.deadline and time.monotonic() - start > args.deadline:
            return item[0], {}
        return check(item, args.timeout, columns)

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for future in concurrent.futures.as_completed([pool.submit(one, item) for item in items]):
            name, cells = future.result()
            done[name] = cells
            summary = " ".join(f"{c}={_CELLS.get(cells[c]['status'], '?')}" for c in columns if c in cells)
            print(f"[{time.monotonic() - start:6.0f} s] {name}: {summary or 'not run (deadline)'}",
                  file=sys.stderr, flush=True)
            if args.json:
                _write_json(Path(args.json), header, done)
    rows = [(name, done[name]) for name, _ in items]
    print(render(rows, columns))
    skipped = sum(1 for _, cells in rows if not cells)
    print(f"\n{len(rows) - skipped} rows in {time.monotonic() - start:.0f} s with {args.jobs} jobs"
          + (f"; {skipped} not run (deadline)" if skipped else ""))
    return rows


def _write_json(path: Path, header: str, rows: dict) -> None:
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps({"environment": header, "rows": rows}, indent=1) + "\n")
    os.replace(partial, path)


if __name__ == "__main__":
    sys.exit(main())
