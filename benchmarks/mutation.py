#!/usr/bin/env python3
"""Mutation test of `cutrans verify`: put known bugs into the translated output, count how many it catches.

    python benchmarks/mutation.py                                   # every sample, opencl and cpu
    python benchmarks/mutation.py --targets opencl,cpu,hip
    python benchmarks/mutation.py --targets cpu --only block_reduction vector_add
    python benchmarks/mutation.py --every-site --json /tmp/mutation.json

For each sample the reference (the emulated original) is built and run once, the unmutated translation
is verified on each target (a target where it does not pass cannot judge mutants: "baseline-broken"),
then each mutant of translator/verify/mutate.py is translated, built, run and compared on each target.
By default each operator contributes its deterministic site (one mutant per operator and sample);
--every-site takes every site. --repeat N runs each mutant N times: a lost update (atomic-to-plain)
depends on how threads interleave, so one run may not show it.

The table: operator x target -> applicable (mutants run) / killed by numbers (verify: fail) / killed
by build (verify: error) / survived (verify: pass) / other (translator refused, baseline broken) /
n/a (no place for the edit on that target, not counted as applicable), and the detection rate
killed / (killed + survived). Survivors and the n/a reasons are listed with their source location.
HIP output is the original text with edits, not emitted from the IR, so on hip each mutant is replayed
as a source edit of the HIP output (translator/verify/mutate_source.py), run at the wavefront of
$CUTRANS_HIP_ARCH (else gfx90a: wave 64).
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import json
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from translator.verify import mutate as M  # noqa: E402

COLUMNS = ("applicable", "killed-numbers", "killed-build", "survived", "other", "n/a")


def samples(only: list[str]) -> list[Path]:
    found = sorted((ROOT / "samples").glob("*.cu"))
    if only:
        wanted = {Path(o).stem for o in only}
        missing = wanted - {p.stem for p in found}
        if missing:
            sys.exit(f"mutation.py: no such sample: {', '.join(sorted(missing))}")
        found = [p for p in found if p.stem in wanted]
    return found


def run_sample(path: Path, targets: list[str], args, work: Path) -> tuple[list[M.MutantResult], dict]:
    """Every mutant of one sample on every target; and the baseline status per target."""
    session = M.MutationSession(str(path), work / path.stem, timeout=args.timeout, cwd=str(ROOT))
    mutants = M.mutants(session.unit, args.operators, every_site=args.every_site)
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        base = dict(zip(targets, pool.map(lambda t: session.verify(session.unit, t), targets)))
        jobs = [(m, t) for m in mutants for t in targets if base[t].status == "pass" for _ in range(args.repeat)]
        results = list(pool.map(lambda mt: session.run(*mt), jobs))
    for m in mutants:      # a target that fails unmutated cannot tell a mutant apart
        for t in targets:
            if base[t].status != "pass":
                results.append(M.MutantResult(path.name, t, m.operator, m.kernel, m.location, m.description,
                                              "baseline-broken", f"unmutated: {base[t].status}", 0.0))
    return results, {t: r.status for t, r in base.items()}


def merge_repeats(results: list[M.MutantResult]) -> list[dict]:
    """One row per (sample, target, mutant): killed if any run killed it; `runs` and `kills` count."""
    rows: dict[tuple, dict] = {}
    for r in results:
        key = (r.sample, r.target, r.operator, r.location)
        row = rows.setdefault(key, {**dataclasses.asdict(r), "runs": 0, "kills": 0, "outcomes": []})
        row["runs"] += 1
        row["outcomes"].append(r.outcome)
        row["kills"] += r.outcome.startswith("killed")
        if r.outcome.startswith("killed") and not row["outcome"].startswith("killed"):
            row.update(outcome=r.outcome, detail=r.detail)
    return list(rows.values())


def tally(rows: list[dict], operators, targets) -> dict:
    table = {}
    for op in operators:
        for t in targets:
            mine = [r for r in rows if r["operator"] == op and r["target"] == t]
            c = Counter(r["outcome"] for r in mine)
            run = len(mine) - c["not-applicable"]
            table[(op, t)] = {"applicable": run, "killed-numbers": c["killed-numbers"],
                              "killed-build": c["killed-build"], "survived": c["survived"],
                              "other": run - c["killed-numbers"] - c["killed-build"] - c["survived"],
                              "n/a": c["not-applicable"]}
    return table


def rate(cells) -> str:
    killed = sum(c["killed-numbers"] + c["killed-build"] for c in cells)
    judged = killed + sum(c["survived"] for c in cells)
    return f"{killed}/{judged} = {100 * killed / judged:.0f}%" if judged else "n/a"


def render(rows: list[dict], operators, targets, samples_run: int) -> str:
    table = tally(rows, operators, targets)
    head = f"{'operator':<18} {'target':<7} " + " ".join(f"{c:>14}" for c in COLUMNS) + "  detection"
    lines = [head, "-" * len(head)]
    for (op, t), cell in table.items():
        lines.append(f"{op:<18} {t:<7} " + " ".join(f"{cell[c]:>14}" for c in COLUMNS) + f"  {rate([cell])}")
    lines.append("-" * len(head))
    lines.append(f"detection rate over {samples_run} samples: {rate(table.values())}")
    for op in operators:
        if not any(table[(op, t)]["applicable"] for t in targets):
            lines.append(f"{op}: no site in any sample (not applicable)")
    flaky = [r for r in rows if 0 < r["kills"] < r["runs"]]
    if flaky:
        lines.append(f"\nkilled in only some of their runs ({len(flaky)}):")
        lines += [f"  {r['sample']} {r['target']} {r['operator']} {r['location']}: {r['kills']}/{r['runs']}"
                  for r in flaky]
    missing = [r for r in rows if r["outcome"] == "not-applicable"]
    if missing:
        lines.append(f"\nnot applicable ({len(missing)}):")
        lines += [f"  {r['location']} [{r['target']}] {r['operator']} in {r['kernel']}: {r['detail']}"
                  for r in missing]
    survivors = [r for r in rows if r["outcome"] == "survived"]
    lines.append(f"\nsurvivors ({len(survivors)}):")
    lines += [f"  {r['location']} [{r['target']}] {r['operator']} in {r['kernel']}: {r['description']}"
              for r in survivors] or ["  none"]
    if any(r["operator"] == "atomic-to-plain" for r in rows):
        lines.append("\nnote: atomic-to-plain loses an update only when two threads interleave between the read "
                     "and the write; opencl and cpu run a block's threads as a loop on one OS thread and "
                     "blocks on a few, so a survivor there can be the executor's luck, not verify's blind spot. "
                     "hip runs on the CPU emulation: every block on one OS thread, a thread's fiber switching "
                     "only at barriers and warp operations, so there a plain add never loses an update.")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--targets", default="opencl,cpu", help="comma-separated, from: " + ", ".join(M.TARGETS))
    ap.add_argument("--only", nargs="+", default=[], metavar="SAMPLE", help="sample names (stem or file name)")
    ap.add_argument("--operators", type=lambda s: s.split(","), default=list(M.OPERATORS),
                    help="comma-separated operator names (default: all)")
    ap.add_argument("--every-site", action="store_true", help="every site, not only the deterministic one")
    ap.add_argument("--repeat", type=int, default=1, help="runs per mutant (for timing-dependent bugs)")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=60.0, help="seconds per run of a program")
    ap.add_argument("--json", metavar="OUT", help="write every result here")
    ap.add_argument("--keep", action="store_true", help="keep the build folders (path on stderr)")
    args = ap.parse_args(argv)
    targets = [t for t in args.targets.split(",") if t]
    bad = [t for t in targets if t not in M.TARGETS]
    if bad:
        ap.error(f"unknown target(s) {', '.join(bad)} (choose from {', '.join(M.TARGETS)})")
    unknown = [o for o in args.operators if o not in M.OPERATORS]
    if unknown:
        ap.error(f"unknown operator(s) {', '.join(unknown)} (choose from {', '.join(M.OPERATORS)})")
    results, baselines, start = [], {}, time.monotonic()
    work = Path(tempfile.mkdtemp(prefix="cutrans-mutation-"))
    chosen = samples(args.only)
    for i, path in enumerate(chosen, 1):
        print(f"[{i}/{len(chosen)}] {path.name} ...", file=sys.stderr, flush=True)
        got, baselines[path.name] = run_sample(path, targets, args, work)
        results += got
    rows = merge_repeats(results)
    print(render(rows, args.operators, targets, len(chosen)))
    broken = {s: b for s, b in baselines.items() if any(v != "pass" for v in b.values())}
    if broken:
        print(f"\nsamples whose unmutated translation does not pass (their mutants are 'other'): {broken}")
    print(f"\n{len(results)} mutant runs in {time.monotonic() - start:.0f} s", file=sys.stderr)
    if args.json:
        Path(args.json).write_text(json.dumps({"targets": targets, "baselines": baselines, "rows": rows,
                                               "table": {f"{o}/{t}": c for (o, t), c in
                                                         tally(rows, args.operators, targets).items()}},
                                              indent=1))
    if args.keep:
        print(f"build folders kept in {work}", file=sys.stderr)
    else:
        import shutil
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
