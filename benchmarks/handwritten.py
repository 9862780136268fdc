#!/usr/bin/env python3
"""Time cutrans's translations against hand-written ports of the same programs (issues 4 and 5).

    python benchmarks/handwritten.py /tmp/corpus --target opencl
    python benchmarks/handwritten.py /tmp/corpus --target cpu --only gemm atax --repeat 5 --json out.json

ROOT holds the suites as benchmarks/README.md says (one sub-folder per suite, named as in the [suites]
table of handwritten_programs.toml). For each program and the chosen target the script

  1. translates the CUDA version with `cutrans convert --to TARGET` and builds it as `cutrans verify`
     does (translator.verify.build.STEPS);
  2. builds the hand-written counterpart against the same OpenCL library and device (PoCL) or with the
     same C compiler and flags (-O3 -march=native -fopenmp);
  3. runs each side once untimed (PoCL fills its kernel cache), then REPEAT times, the two sides
     alternating, and reads the seconds each prints for its timed region (the suite's own timer);
     OpenCL: cutrans's runtime builds the OpenCL program at the first launch, inside the program's timed
     region, where hand-written hosts build it before their timer starts; a preloaded library times
     every clBuildProgram call, and that time is subtracted from the cutrans side's reading (the table
     shows how much);
  4. prints the median of each side, the ratio hand-written / cutrans (> 1: cutrans is faster), whether the
     program's own self-check passed, and the geometric mean of the ratios.

Both sides get the same problem size (-D macros in the TOML). Progress goes to stderr, the table to stdout.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import math
import os
import re
import shlex
import shutil
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Sequence

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))

from corpus import _grid, _run_group, cutrans_command, load_suites  # noqa: E402

DEFAULT_TOML = HERE / "handwritten_programs.toml"
TARGETS = ("opencl", "cpu")
SIDES = ("cutrans", "handwritten")
RUN_TIMEOUT = 300
HANDWRITTEN_CFLAGS = {"opencl": ("-std=gnu99", "-O2"), "cpu": ("-std=gnu99", "-O3", "-march=native")}
BUILD_TIMER = "cutrans-bench: clBuildProgram seconds "
BUILD_TIMER_SOURCE = r'''
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdio.h>
#include <time.h>
#include <CL/cl.h>

typedef cl_int (*build_fn)(cl_program, cl_uint, const cl_device_id *, const char *,
                           void (CL_CALLBACK *)(cl_program, void *), void *);
static double total;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

cl_int clBuildProgram(cl_program program, cl_uint count, const cl_device_id *devices, const char *options,
                      void (CL_CALLBACK *notify)(cl_program, void *), void *data)
{
    build_fn real = (build_fn)dlsym(RTLD_NEXT, "clBuildProgram");
    double start = now();
    cl_int err = real(program, count, devices, options, notify, data);
    total += now() - start;
    return err;
}

__attribute__((destructor)) static void report(void)
{
    fprintf(stderr, "\n''' + BUILD_TIMER + r'''%.6f\n", total);
}
'''


# --------------------------------------------------------------------------------------------- programs

@dataclasses.dataclass(frozen=True)
class Program:
    name: str
    suite: str
    cuda: str
    size: tuple[str, ...]
    handwritten: dict           # target -> main file of the hand-written port
    sizes: dict                 # target -> -D macros (the per-target override, else `size`)
    comparable: bool = True     # False: the CUDA program does more work than its hand-written port
    notes: str = ""

    def size_for(self, target: str) -> tuple[str, ...]:
        return tuple(self.sizes.get(target, self.size))


def _strings(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValueError(f"{where} must be a list of strings")
    return tuple(value)


def _check_suite(path: Path, key: str, suite) -> None:
    timers = suite.get("timers", {})
    if not isinstance(timers.get("cuda"), str):
        raise ValueError(f"{path}: suite {key!r} needs timers.cuda")
    re.compile(timers["cuda"])
    for target in TARGETS:
        side = suite.get(target)
        if side is None:
            continue
        for field in ("include", "defines", "sources"):
            _strings(side.get(field, []), f"{path}: suites.{key}.{target}.{field}")
        if not isinstance(side.get("timer"), str):
            raise ValueError(f"{path}: suites.{key}.{target} needs a 'timer' regex")
        re.compile(side["timer"], re.M)
    check = suite.get("check")
    if check is not None:
        re.compile(check["regex"])
        _strings(check.get("sides", []), f"{path}: suites.{key}.check.sides")


_PROGRAM_FIELDS = {"suite", "cuda", "size", "notes", "comparable", *TARGETS, *(f"size_{t}" for t in TARGETS)}


def _program(path: Path, name: str, entry, suites: dict) -> Program:
    if not isinstance(entry, dict):
        raise ValueError(f"{path}: programs.{name} is not a table")
    unknown = set(entry) - _PROGRAM_FIELDS
    if unknown:
        raise ValueError(f"{path}: programs.{name}: unknown field(s) {', '.join(sorted(unknown))}")
    for field in ("suite", "cuda", "size"):
        if field not in entry:
            raise ValueError(f"{path}: programs.{name}: missing {field}")
    if entry["suite"] not in suites:
        raise ValueError(f"{path}: programs.{name}: unknown suite {entry['suite']!r}")
    if not entry["cuda"].endswith(".cu"):
        raise ValueError(f"{path}: programs.{name}: cuda must be a .cu file")
    handwritten = {t: entry[t] for t in TARGETS if t in entry}
    if not handwritten:
        raise ValueError(f"{path}: programs.{name}: no hand-written counterpart ({' or '.join(TARGETS)})")
    for target, main in handwritten.items():
        if not isinstance(main, str) or not main.endswith(".c"):
            raise ValueError(f"{path}: programs.{name}: {target} must be a .c file")
        if target not in suites[entry["suite"]]:
            raise ValueError(f"{path}: programs.{name}: suite {entry['suite']!r} has no [{target}] settings")
    if not isinstance(entry.get("comparable", True), bool):
        raise ValueError(f"{path}: programs.{name}: comparable must be true or false")
    sizes = {t: _strings(entry[f"size_{t}"], f"{path}: programs.{name}.size_{t}")
             for t in TARGETS if f"size_{t}" in entry}
    return Program(name, entry["suite"], entry["cuda"], _strings(entry["size"], f"{path}: programs.{name}.size"),
                   handwritten, sizes, entry.get("comparable", True), str(entry.get("notes", "")))


def load_programs(path: Path = DEFAULT_TOML) -> tuple[dict, list[Program]]:
    """The [suites] table and the programs, sorted by name; raises ValueError for a malformed entry."""
    data, suites = load_suites(path, _check_suite)
    programs = [_program(path, name, entry, suites) for name, entry in data.get("programs", {}).items()]
    return suites, sorted(programs, key=lambda p: p.name.lower())


# ------------------------------------------------------------------------------------------- statistics

def ratio(handwritten: float | None, cutrans: float | None) -> float | None:
    """Hand-written time over cutrans time: > 1 means the translation is faster."""
    if not handwritten or not cutrans:
        return None
    return handwritten / cutrans


def geomean(values: Sequence[float | None]) -> float | None:
    kept = [v for v in values if v is not None and v > 0]
    if not kept:
        return None
    return math.exp(sum(math.log(v) for v in kept) / len(kept))


def median(values: Sequence[float]) -> float | None:
    return statistics.median(values) if values else None


def parse_seconds(regex: str, text: str) -> float | None:
    """The sum of every timer reading the program printed (a program may time several regions)."""
    found = re.findall(regex, text, re.M)
    return sum(float(v) for v in found) if found else None


def parse_check(regex: str | None, text: str) -> str:
    """'ok' when every self-check line reports 0 wrong results, 'FAIL' otherwise, '-' without a check."""
    if not regex:
        return "-"
    counts = re.findall(regex, text)
    if not counts:
        return "none"
    return "ok" if all(int(c) == 0 for c in counts) else "FAIL"


# ----------------------------------------------------------------------------------------------- builds

@dataclasses.dataclass
class Built:
    exe: Path | None
    cwd: Path
    env: dict
    error: str = ""


def _defines(values: Sequence[str]) -> list[str]:
    return [f"-D{v}" for v in values]


def _run_build(argv: Sequence[str], cwd: Path, env: dict | None = None) -> str:
    """Run one build command; '' when it worked, else the command's last lines."""
    rc, out, err = _run_group(list(argv), cwd, RUN_TIMEOUT, env)
    if rc == 0:
        return ""
    lines = [ln for ln in (err + out).splitlines() if "error" in ln][:4] or (err + out).splitlines()[-4:]
    return f"{Path(argv[0]).name} exited {rc}: " + " | ".join(lines)


def build_cutrans(root: Path, suites: dict, program: Program, target: str, work: Path) -> Built:
    """`cutrans convert` the CUDA version, then build it with the steps `cutrans verify` uses."""
    from translator.verify import build

    suite_dir = root / suites[program.suite]["folder"]
    source = suite_dir / program.cuda
    out = work / f"cutrans-{target}"
    cuda = suites[program.suite]["cuda"]
    includes = [str((suite_dir / d).resolve()) for d in cuda.get("include", [])]
    defines = [*cuda.get("defines", []), *program.size_for(target)]
    argv = [*cutrans_command(), "convert", str(source), "--to", target, "-o", str(out)]
    argv += [a for d in includes for a in ("-I", d)] + [a for d in defines for a in ("-D", d)]
    problem = _run_build(argv, source.parent)
    if problem:
        return Built(None, out, {}, problem)
    stem = source.stem
    flags = [f"-I{source.parent}", *(f"-I{d}" for d in includes), *_defines(defines)]
    try:
        steps, env = build.STEPS[target]([stem], flags, out)
    except Exception as exc:  # a CutransError naming the missing tool
        return Built(None, out, {}, str(exc))
    run_env = {**os.environ, **dict(env)}
    for step in steps:
        problem = _run_build(step.argv, out, run_env)
        if problem:
            return Built(None, out, {}, f"{step.what}: {problem}")
    return Built(out / stem, out, run_env)


def _handwritten_toolchain(target: str) -> tuple[list[str], list[str], dict] | str:
    """(compile flags, link flags, run environment) for the hand-written side, or why it cannot build."""
    from translator.verify import toolchain

    if target == "opencl":
        cl = toolchain.find_opencl()
        return cl if isinstance(cl, str) else (list(cl.cflags), list(cl.ldflags), dict(cl.env))
    omp = toolchain.find_openmp()
    return omp if isinstance(omp, str) else (list(omp.flags), list(omp.flags), {})


def build_handwritten(root: Path, suites: dict, program: Program, target: str, work: Path) -> Built:
    """Build the hand-written port with the toolchain the cutrans side used; it runs from its own folder
    (hand-written OpenCL hosts read their .cl file from the current folder)."""
    from translator.verify import toolchain

    suite_dir = root / suites[program.suite]["folder"]
    settings = suites[program.suite][target]
    main = suite_dir / program.handwritten[target]
    tools = _handwritten_toolchain(target)
    cc = toolchain.find_cc()
    if isinstance(tools, str) or isinstance(cc, str):
        return Built(None, main.parent, {}, tools if isinstance(tools, str) else cc)
    cflags, ldflags, env = tools
    exe = work / f"handwritten-{target}" / main.stem
    exe.parent.mkdir(parents=True, exist_ok=True)
    argv = [*cc.command, *HANDWRITTEN_CFLAGS[target], *cflags, f"-I{main.parent}",
            *(f"-I{suite_dir / d}" for d in settings.get("include", [])),
            *_defines([*settings.get("defines", []), *program.size_for(target)]),
            str(main), *(str(suite_dir / s) for s in settings.get("sources", [])), "-o", str(exe), *ldflags, "-lm"]
    run_env = {**os.environ, **env}
    problem = _run_build(argv, main.parent, run_env)
    return Built(None if problem else exe, main.parent, run_env, problem)


def build_build_timer(work: Path) -> Path | str:
    """The preloadable library that times clBuildProgram (BUILD_TIMER_SOURCE), or why it cannot be built."""
    from translator.verify import toolchain

    cc, cl = toolchain.find_cc(), toolchain.find_opencl()
    if isinstance(cc, str) or isinstance(cl, str):
        return cc if isinstance(cc, str) else cl
    work.mkdir(parents=True, exist_ok=True)
    (work / "build_timer.c").write_text(BUILD_TIMER_SOURCE)
    lib = work / "libbuild_timer.so"
    problem = _run_build([*cc.command, "-shared", "-fPIC", "-O2", *cl.cflags, "build_timer.c", "-o", lib.name,
                          "-ldl"], work)
    return problem or lib


# ---------------------------------------------------------------------------------------------- running

# Sides whose timed region contains the OpenCL program build, per target: cutrans's OpenCL runtime builds
# a program at its first launch (runtime_shims/opencl, get_program); hand-written hosts build it first.
BUILD_INSIDE_TIMER = {"opencl": ("cutrans",), "cpu": ()}

@dataclasses.dataclass
class Result:
    name: str
    target: str
    seconds: dict = dataclasses.field(default_factory=lambda: {s: [] for s in SIDES})
    checks: dict = dataclasses.field(default_factory=dict)   # side -> ok / FAIL / none / -
    errors: dict = dataclasses.field(default_factory=dict)   # side -> why it has no time
    build_seconds: dict = dataclasses.field(default_factory=lambda: {s: [] for s in SIDES})
    size: tuple = ()
    comparable: bool = True

    def median(self, side: str) -> float | None:
        return median(self.seconds[side])

    @property
    def ratio(self) -> float | None:
        if any(self.checks.get(s) == "FAIL" for s in SIDES):
            return None
        return ratio(self.median("handwritten"), self.median("cutrans"))

    def to_json(self) -> dict:
        d = dataclasses.asdict(self)
        d.update(median={s: self.median(s) for s in SIDES}, ratio=self.ratio)
        return d


def parse_build_seconds(stderr: str) -> float | None:
    found = re.findall(re.escape(BUILD_TIMER) + r"([0-9.]+)", stderr)
    return float(found[-1]) if found else None


def run_side(built: Built, timer: str) -> tuple[float | None, float | None, str, str]:
    """(seconds the program printed for its timed region, seconds in clBuildProgram when the build timer
    was preloaded, its stdout, why it failed)."""
    rc, out, err = _run_group([str(built.exe)], built.cwd, RUN_TIMEOUT, built.env)
    if rc is None:
        return None, None, out, f"ran past {RUN_TIMEOUT} s"
    if rc != 0:
        return None, None, out, f"exited {rc}: {err.strip()[-200:]}"
    seconds = parse_seconds(timer, out)
    return seconds, parse_build_seconds(err), out, "" if seconds is not None else "printed no timer reading"


def measure(root: Path, suites: dict, program: Program, target: str, repeat: int, work: Path,
            log=lambda msg: None, preload: Path | None = None) -> Result:
    result = Result(program.name, target, size=program.size_for(target), comparable=program.comparable)
    suite = suites[program.suite]
    timers = {"cutrans": suite["timers"]["cuda"], "handwritten": suite[target]["timer"]}
    check = suite.get("check", {})
    checked = {"cutrans": "cutrans" in check.get("sides", []), "handwritten": target in check.get("sides", [])}
    built = {"cutrans": build_cutrans(root, suites, program, target, work),
             "handwritten": build_handwritten(root, suites, program, target, work)}
    for side, b in built.items():
        if b.exe is None:
            result.errors[side] = "build: " + b.error
        elif preload:
            b.env = {**b.env, "LD_PRELOAD": str(preload)}
    sides = [s for s in SIDES if s not in result.errors]
    for index in range(repeat + 1):                    # run 0 warms caches and is not counted
        for side in (sides if index % 2 else sides[::-1]):
            if side in result.errors:
                continue
            seconds, build_seconds, out, problem = run_side(built[side], timers[side])
            if problem:
                result.errors[side] = problem
                continue
            if index == 0:
                result.checks[side] = parse_check(check.get("regex") if checked[side] else None, out)
                continue
            if side in BUILD_INSIDE_TIMER[target]:
                if build_seconds is None:
                    result.errors[side] = "the clBuildProgram timer reported nothing"
                    continue
                seconds -= build_seconds
            result.seconds[side].append(seconds)
            result.build_seconds[side].append(build_seconds)
        log(f"  {program.name} [{target}] run {index}/{repeat}: "
            + ", ".join(f"{s}={result.seconds[s][-1]:.4f}s" if result.seconds[s] and index else s
                        for s in sides))
    return result


# -------------------------------------------------------------------------------------------- rendering

def _fmt(value: float | None, spec: str) -> str:
    return "-" if value is None else format(value, spec)


def render_table(results: Sequence[Result], target: str) -> str:
    other = {"opencl": "hand-written OpenCL", "cpu": "hand-written OpenMP"}[target]
    subtracted = BUILD_INSIDE_TIMER[target]
    rows = [["program", "cutrans s", f"{other} s", "ratio", "check cutrans/hand",
             *(["build s subtracted"] if subtracted else []), "size / note"]]
    for r in sorted(results, key=lambda r: r.name.lower()):
        note = "; ".join(f"{s}: {e}" for s, e in r.errors.items())[:120] or " ".join(r.size)
        checks = "/".join(r.checks.get(s, "-") for s in SIDES)
        builds = [_fmt(median([b for s in subtracted for b in r.build_seconds[s] if b is not None]), ".3f")]
        rows.append([r.name + ("" if r.comparable else " *"), _fmt(r.median("cutrans"), ".4f"),
                     _fmt(r.median("handwritten"), ".4f"), _fmt(r.ratio, ".2f"), checks,
                     *(builds if subtracted else []), note])
    lines = _grid(rows)
    lines.append("")
    for label, chosen in (("all programs", results), ("programs doing the same work (no *)",
                                                      [r for r in results if r.comparable])):
        ratios = [r.ratio for r in chosen if r.ratio is not None]
        lines.append(f"geometric mean of hand-written/cutrans, {label}: {_fmt(geomean(ratios), '.3f')} "
                     f"over {len(ratios)} of {len(chosen)} (> 1: cutrans is faster)")
    if any(not r.comparable for r in results):
        lines.append("* the CUDA program does more work than its hand-written port (see the TOML's notes)")
    return "\n".join(lines)


# ------------------------------------------------------------------------------------------------- main

def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", type=Path, nargs="?", help="folder where the suites were extracted (see benchmarks/README.md)")
    ap.add_argument("--target", choices=TARGETS, help="required unless --render")
    ap.add_argument("--render", type=Path, metavar="JSON", help="print the table of a saved --json run again, with "
                    "the TOML's current 'comparable' flags and programs, and run nothing")
    ap.add_argument("--programs", type=Path, default=DEFAULT_TOML, help="the TOML (default: %(default)s)")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="only these programs")
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each side (default %(default)s)")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write every reading here")
    ap.add_argument("--keep", action="store_true", help="keep the build folder (its path goes to stderr)")
    ap.add_argument("--quiet", "-q", action="store_true", help="no progress lines on stderr")
    return ap.parse_args(argv)


def results_from_json(data: dict, programs: Sequence[Program]) -> list[Result]:
    """The results of a saved run, for the programs still in the TOML that still have this target."""
    known = {p.name: p for p in programs if data["target"] in p.handwritten}
    fields = {f.name for f in dataclasses.fields(Result)}
    results = []
    for row in data["results"]:
        if row["name"] in known:
            result = Result(**{k: v for k, v in row.items() if k in fields})
            result.size, result.comparable = tuple(result.size), known[row["name"]].comparable
            results.append(result)
    return results


def main(argv=None) -> int:
    args = parse_args(argv)
    suites, programs = load_programs(args.programs)
    if args.render:
        data = json.loads(args.render.read_text())
        print(render_table(results_from_json(data, programs), data["target"]))
        return 0
    if args.target is None or args.root is None:
        print("handwritten.py: ROOT and --target are required (or --render JSON)", file=sys.stderr)
        return 2
    programs = [p for p in programs if args.target in p.handwritten]
    if args.only:
        unknown = set(args.only) - {p.name for p in programs}
        if unknown:
            print(f"handwritten.py: unknown program(s) for {args.target}: {', '.join(sorted(unknown))}",
                  file=sys.stderr)
            return 2
        programs = [p for p in programs if p.name in args.only]
    root = args.root.resolve()
    if not root.is_dir() or args.repeat < 1:
        print(f"handwritten.py: {root} is not a folder" if args.repeat >= 1 else "--repeat must be >= 1",
              file=sys.stderr)
        return 2
    log = (lambda msg: None) if args.quiet else (lambda msg: print(msg, file=sys.stderr, flush=True))
    work = Path(tempfile.mkdtemp(prefix="cutrans-handwritten-"))
    results = []
    try:
        preload = build_build_timer(work / "build-timer") if BUILD_INSIDE_TIMER[args.target] else None
        if isinstance(preload, str):
            print(f"handwritten.py: cannot time clBuildProgram: {preload}", file=sys.stderr)
            return 2
        for program in programs:
            log(f"{program.name} [{args.target}] {' '.join(program.size_for(args.target))}")
            results.append(measure(root, suites, program, args.target, args.repeat, work / program.name, log,
                                   preload))
    finally:
        if args.keep:
            print(f"handwritten.py: kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)
    print(render_table(results, args.target))
    if args.json:
        args.json.write_text(json.dumps({"root": str(root), "target": args.target, "repeat": args.repeat,
                                         "command": " ".join(shlex.quote(a) for a in sys.argv),
                                         "results": [r.to_json() for r in results]}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
