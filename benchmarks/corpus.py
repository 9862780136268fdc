#!/usr/bin/env python3
"""Measure cutrans on the public CUDA corpus (../shared/CORPUS.md, tiers a and b, and its reserves).

    python benchmarks/corpus.py /tmp/corpus                 # tiers a and b: the 47 programs the issues count
    python benchmarks/corpus.py /tmp/corpus --tier a --json results.json
    python benchmarks/corpus.py /tmp/corpus --tier r        # CORPUS.md's reserves (tier r), beyond the 47
    python benchmarks/corpus.py /tmp/corpus --tier h        # HeCBench programs beyond CORPUS.md (tier h)
    python benchmarks/corpus.py /tmp/corpus --tier abrh     # all of them
    python benchmarks/corpus.py /tmp/corpus --only reverse scan

ROOT is a folder holding the suites as benchmarks/README.md says how to extract them (one sub-folder per
suite, named as in the [suites] table of corpus_programs.toml). For each program the script runs

    cutrans verify <main.cu> --targets opencl,cpu,hip --format json --args "<args>" -I... -D...

from the program's own folder, under a wall-clock limit, at most two at a time, and prints one row per
program (reference | hip | opencl | cpu | first diagnostic of the targets that did not pass), the totals
per target, and a histogram of the diagnostics that blocked programs. Rows are sorted by tier and name;
timings go only to --json, so the table is the same from run to run for the same cutrans.

Cells: pass; agrees (printed what the reference printed, but the reference failed its own check or crashed,
so nothing is proven: not counted as a pass); transl (not verified: the reference ran out of time, and the
translation built; or the reference did not build, and the translation was only translated); FAIL (a
printed number or the exit status differs); error (could not be built or run); unsup (the translator
refused a construct); built (HIP compiled with hipcc but cannot run here: no AMD GPU); timeout; crash
(cutrans itself failed: internal error, traceback, no report); missing.
The reference column says how the CUDA emulation of the original ended: ok (exit 0, no FAIL printed),
FAIL (it printed a failing self-check), rc=N, error (did not build), timeout.

Nothing here needs more than the project's virtual environment and the extracted suites.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import dataclasses
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Iterable, Sequence

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
from translator.verify.program import BUILT_UNCOMPARED  # noqa: E402  (what verify says of a build it ran alone)

DEFAULT_TOML = HERE / "corpus_programs.toml"
TARGETS = ("hip", "opencl", "cpu")
MAX_WORKERS = 2
_KEPT = re.compile(r"kept working directory (\S+)")
_SELF_CHECK_FAIL = re.compile(r"\bFAIL(ED)?\b|Test failed")


# --------------------------------------------------------------------------------------------- programs

@dataclasses.dataclass(frozen=True)
class Program:
    name: str
    suite: str
    tier: str
    main: str                      # path inside the suite's folder
    link: tuple[str, ...] = ()     # the program's further sources, beside main (verify --link)
    args: str = ""
    include: tuple[str, ...] = ()  # folders inside the suite's folder
    defines: tuple[str, ...] = ()  # NAME or NAME=VALUE
    compiler_args: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()   # extra --ignore regexes
    timeout: int = 60              # seconds each run (reference, translation) may take
    wall: int = 0                  # seconds the whole verify may take; 0: derived from timeout
    notes: str = ""

    @property
    def wall_limit(self) -> int:
        return self.wall or 3 * self.timeout + 240


_FIELDS = {f.name for f in dataclasses.fields(Program)}
_REQUIRED = ("suite", "tier", "main")
# tier -> what it is: CORPUS.md's tiers (a) and (b) are the programs the issues count; (r) its reserves
TIERS = {"a": "tier (a)", "b": "tier (b)", "r": "CORPUS.md's reserves",
         "h": "HeCBench programs beyond CORPUS.md that a fix made translate (each entry's notes say which)"}
DEFAULT_TIERS = "ab"


def load_suites(path: Path, check_suite=None) -> tuple[dict, dict[str, dict]]:
    """A benchmark TOML and its non-empty [suites] table, each suite with a 'folder' string and passing
    `check_suite(path, key, suite)` when given; raises ValueError otherwise."""
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    suites = data.get("suites", {})
    if not isinstance(suites, dict) or not suites:
        raise ValueError(f"{path}: no [suites] table")
    for key, suite in suites.items():
        if not isinstance(suite, dict) or not isinstance(suite.get("folder"), str):
            raise ValueError(f"{path}: suite {key!r} needs a 'folder' string")
        if check_suite:
            check_suite(path, key, suite)
    return data, suites


def load_programs(path: Path = DEFAULT_TOML) -> tuple[dict[str, dict], list[Program]]:
    """The [suites] table and the programs of a corpus TOML; raises ValueError for a malformed entry."""
    data, suites = load_suites(path)
    programs, seen = [], set()
    for name, entry in data.get("programs", {}).items():
        if not isinstance(entry, dict):
            raise ValueError(f"{path}: programs.{name} is not a table")
        unknown = set(entry) - _FIELDS
        if unknown:
            raise ValueError(f"{path}: programs.{name}: unknown field(s) {', '.join(sorted(unknown))}")
        missing = [f for f in _REQUIRED if f not in entry]
        if missing:
            raise ValueError(f"{path}: programs.{name}: missing {', '.join(missing)}")
        if entry["suite"] not in suites:
            raise ValueError(f"{path}: programs.{name}: unknown suite {entry['suite']!r}")
        if entry["tier"] not in TIERS:
            raise ValueError(f"{path}: programs.{name}: tier must be one of {', '.join(TIERS)}")
        if not str(entry["main"]).endswith((".cu", ".cpp")):
            raise ValueError(f"{path}: programs.{name}: main must be a .cu or .cpp file")
        kwargs = dict(entry, name=name)
        for key in ("link", "include", "defines", "compiler_args", "ignore"):
            value = kwargs.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValueError(f"{path}: programs.{name}: {key} must be a list of strings")
            kwargs[key] = tuple(value)
        for key in ("timeout", "wall"):
            if not isinstance(kwargs.get(key, 1), int) or kwargs.get(key, 1) < 0:
                raise ValueError(f"{path}: programs.{name}: {key} must be a non-negative integer")
        try:
            shlex.split(kwargs.get("args", ""))
        except ValueError as exc:
            raise ValueError(f"{path}: programs.{name}: args: {exc}") from None
        if name in seen:
            raise ValueError(f"{path}: programs.{name} appears twice")
        seen.add(name)
        programs.append(Program(**kwargs))
    programs.sort(key=lambda p: (p.tier, p.name.lower()))
    return suites, programs


def main_path(root: Path, suites: dict, program: Program) -> Path:
    return root / suites[program.suite]["folder"] / program.main


def source_paths(root: Path, suites: dict, program: Program) -> list[Path]:
    """The program's source files: main, then the ones linked with it."""
    main = main_path(root, suites, program)
    return [main, *(main.parent / name for name in program.link)]


# ---------------------------------------------------------------------------------------------- running

@dataclasses.dataclass
class Outcome:
    name: str
    tier: str
    reference: str                     # ok / FAIL / rc=N / error / timeout / crash / missing / ?
    cells: dict[str, str]              # target -> pass / FAIL / error / unsup / built / timeout / crash
    diagnostics: dict[str, dict]       # target -> {"code", "message"} of the first diagnostic (non-pass only)
    command: str = ""
    seconds: float = 0.0
    cutrans_rc: int | None = None
    crash: str = ""                    # stderr of cutrans when it crashed or printed an internal error
    reference_tail: str = ""           # the last lines the reference printed
    raw: list = dataclasses.field(default_factory=list)

    def to_json(self) -> dict:
        return dataclasses.asdict(self)


def cutrans_command() -> list[str]:
    exe = Path(sys.executable).parent / "cutrans"
    if exe.exists():
        return [str(exe)]
    found = shutil.which("cutrans")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from translator.cli import main; sys.exit(main())"]


def verify_argv(root: Path, suites: dict, program: Program, targets: Sequence[str],
                reference: str = "auto", ignore: Sequence[str] = ()) -> list[str]:
    suite_dir = root / suites[program.suite]["folder"]
    argv = [*cutrans_command(), "verify", *map(str, source_paths(root, suites, program)),
            *(["--link"] if program.link else []), "--reference", reference,
            "--targets", ",".join(t for t in ("opencl", "cpu", "hip") if t in targets),
            "--format", "json", "--timeout", str(program.timeout), "--keep", f"--args={program.args}"]
    for inc in program.include:
        argv += ["-I", str((suite_dir / inc).resolve())]
    for define in program.defines:
        argv += ["-D", define]
    for arg in program.compiler_args:
        argv += ["--compiler-arg", arg]
    for regex in (*program.ignore, *ignore):
        argv += ["--ignore", regex]
    return argv


def _run_group(argv: list[str], cwd: Path, timeout: float, env: dict | None = None) -> tuple[int | None, str, str]:
    """Run argv in its own process group; on timeout kill that group. (rc or None on timeout, out, err)."""
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                            start_new_session=True, stdin=subprocess.DEVNULL)
    try:
        out, err = proc.communicate(timeout=timeout)
        return proc.returncode, out.decode(errors="replace"), err.decode(errors="replace")
    except subprocess.TimeoutExpired:
        with _suppress():
            os.killpg(proc.pid, signal.SIGKILL)
        out, err = proc.communicate()
        return None, out.decode(errors="replace"), err.decode(errors="replace")


class _suppress:
    def __enter__(self):
        return self

    def __exit__(self, *exc):
        return exc[0] is not None and issubclass(exc[0], (ProcessLookupError, PermissionError))


def _first_diag(result: dict) -> dict:
    diags = result.get("diagnostics") or []
    errors = [d for d in diags if d.get("severity") in ("error", "fatal")] or diags
    if errors:
        return {"code": errors[0].get("code", ""), "message": errors[0].get("message", "")}
    status = result.get("status")
    detail = result.get("detail", "")
    code = ""
    m = re.search(r"\[([A-Z]\d{3})\]", detail)
    if m:
        code = m.group(1)
    elif status == "fail":
        code = "V003"
    return {"code": code, "message": detail}


UNPROVEN = "agrees"


def _cell(result: dict) -> str:
    status = result.get("status", "?")
    detail = result.get("detail", "")
    if status == "pass":
        return "pass"
    if status == "unsupported" and not result.get("diagnostics") and "compiled" in detail:
        return "built"
    if "V004" in detail or "time limit" in detail:
        return "timeout"
    if any(d.get("code") == "U002" for d in result.get("diagnostics") or []):
        return "crash"
    return {"fail": "FAIL", "error": "error", "unsupported": "unsup"}.get(status, status)


def _reference_status(results: list[dict], kept: Path | None, program: Program, cwd: Path) -> tuple[str, str]:
    """How the emulated original ended, and the tail of what it printed."""
    if any(d.get("code") == "V001" for r in results for d in r.get("diagnostics") or []):
        return "error", ""
    if any("reference run timed out" in r.get("detail", "") for r in results):
        return "timeout", ""
    exe = kept / "reference" / "program" if kept else None
    if not exe or not exe.exists():
        return "?", ""
    rc, out, err = _run_group([str(exe), *shlex.split(program.args)], cwd, program.timeout)
    tail = "\n".join((out.strip().splitlines() or [""])[-6:])
    if rc is None:
        return "timeout", tail
    if _SELF_CHECK_FAIL.search(out):
        return "FAIL", tail
    if rc != 0:
        return f"rc={rc}", tail + ("\n" + err.strip()[-300:] if err.strip() else "")
    return "ok", tail


def run_program(root: Path, suites: dict, program: Program, targets: Sequence[str],
                reference: str = "auto", ignore: Sequence[str] = ()) -> Outcome:
    path = main_path(root, suites, program)
    if not path.is_file():
        return Outcome(program.name, program.tier, "missing", {t: "missing" for t in targets}, {})
    argv = verify_argv(root, suites, program, targets, reference, ignore)
    command = f"cd {shlex.quote(str(path.parent))} && " + " ".join(shlex.quote(a) for a in argv if a != "--keep")
    env = dict(os.environ, CUTRANS_DEBUG="1")
    start = time.monotonic()
    rc, out, err = _run_group(argv, path.parent, program.wall_limit, env)
    seconds = time.monotonic() - start
    kept_match = _KEPT.search(err)
    kept = Path(kept_match.group(1)) if kept_match else None
    outcome = Outcome(program.name, program.tier, "?", {}, {}, command, round(seconds, 1), rc)
    try:
        if rc is None:
            outcome.reference = "?"
            outcome.cells = {t: "timeout" for t in targets}
            outcome.diagnostics = {t: {"code": "", "message": f"the whole verify ran past {program.wall_limit} s"}
                                   for t in targets}
            return outcome
        try:
            results = json.loads(out[out.index("{"):])["results"] if "{" in out else None
        except (ValueError, KeyError):
            results = None
        internal = "U002" in err or "Traceback" in err
        if results is None:
            outcome.reference = "crash" if internal or rc else "?"
            outcome.cells = {t: "crash" for t in targets}
            outcome.crash = err.strip()[-4000:]
            first = next((ln for ln in err.splitlines() if "U002" in ln or "error" in ln), err.strip()[:200])
            outcome.diagnostics = {t: {"code": "U002" if internal else "", "message": first} for t in targets}
            return outcome
        if internal:
            outcome.crash = err.strip()[-4000:]
        outcome.raw = results
        by_target = {r.get("target"): r for r in results}
        for t in targets:
            r = by_target.get(t)
            if r is None:
                outcome.cells[t] = "?"
                continue
            outcome.cells[t] = _cell(r)
            if outcome.cells[t] not in ("pass", "built"):
                outcome.diagnostics[t] = _first_diag(r)
            if any(d.get("code") == "U002" for d in r.get("diagnostics") or []):
                outcome.crash = (outcome.crash + "\n" + r.get("detail", "")).strip()
        outcome.reference, outcome.reference_tail = _reference_status(results, kept, program, path.parent)
        if outcome.reference.startswith(("FAIL", "rc=")):
            # the original failed its own check or crashed: a translation that does the same proves nothing
            outcome.cells = {t: UNPROVEN if c == "pass" else c for t, c in outcome.cells.items()}
        if outcome.reference == "timeout":
            # verify still builds each translation when the reference runs out of time: "transl" when it built
            for t in targets:
                if BUILT_UNCOMPARED in by_target.get(t, {}).get("detail", ""):
                    outcome.cells[t] = "transl"
                    outcome.diagnostics.pop(t, None)
        if outcome.reference == "error":
            # verify translates nothing when the reference does not build; say how far translation alone gets
            for t in targets:
                outcome.cells[t], diag = convert_only(root, suites, program, t)
                outcome.diagnostics.pop(t, None)
                if diag:
                    outcome.diagnostics[t] = diag
                if outcome.cells[t] == "crash":
                    outcome.crash = (outcome.crash + "\n" + diag.get("message", "")).strip()
        return outcome
    finally:
        if kept and kept.is_dir() and kept.name.startswith("cutrans-"):
            shutil.rmtree(kept, ignore_errors=True)


def convert_only(root: Path, suites: dict, program: Program, target: str) -> tuple[str, dict | None]:
    """`cutrans convert` alone: ("transl", None) when it translates, else the cell and first diagnostic."""
    suite_dir = root / suites[program.suite]["folder"]
    path = main_path(root, suites, program)
    out_dir = Path(tempfile.mkdtemp(prefix="cutrans-corpus-"))
    argv = [*cutrans_command(), "convert", *map(str, source_paths(root, suites, program)), "--to", target,
            "-o", str(out_dir), "--output-format", "json"]
    for inc in program.include:
        argv += ["-I", str((suite_dir / inc).resolve())]
    for define in program.defines:
        argv += ["-D", define]
    for arg in program.compiler_args:
        argv += ["--compiler-arg", arg]
    try:
        rc, out, err = _run_group(argv, path.parent, 300, dict(os.environ, CUTRANS_DEBUG="1"))
    finally:
        shutil.rmtree(out_dir, ignore_errors=True)
    if rc is None:
        return "timeout", {"code": "", "message": "cutrans convert ran past 300 s"}
    if rc == 0:
        return "transl", None
    diags = []
    if "{" in err:
        try:
            diags = json.loads(err[err.index("{"):err.rindex("}") + 1]).get("diagnostics", [])
        except ValueError:
            diags = []
    errors = [d for d in diags if d.get("severity") in ("error", "fatal")]
    if not errors:
        return "crash", {"code": "U002" if ("U002" in err or "Traceback" in err) else "",
                         "message": err.strip()[-2000:] or f"cutrans convert exited {rc}"}
    first = {"code": errors[0].get("code", ""), "message": errors[0].get("message", "")}
    if first["code"] == "U002":
        return "crash", {"code": "U002", "message": err.strip()[-2000:]}
    unsupported = all(d.get("code", "").startswith(("L", "M", "B001")) for d in errors)
    return ("unsup" if unsupported else "error"), first


def run_all(root: Path, suites: dict, programs: Iterable[Program], targets: Sequence[str], jobs: int,
            progress=None, reference: str = "auto", max_workers: int = MAX_WORKERS,
            ignore: Sequence[str] = ()) -> list[Outcome]:
    programs = list(programs)
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, min(jobs, max_workers))) as pool:
        futures = {pool.submit(run_program, root, suites, p, targets, reference, ignore): p for p in programs}
        outcomes = []
        for fut in concurrent.futures.as_completed(futures):
            outcome = fut.result()
            outcomes.append(outcome)
            if progress:
                progress(outcome)
    return sort_outcomes(outcomes)


def sort_outcomes(outcomes: Iterable[Outcome]) -> list[Outcome]:
    return sorted(outcomes, key=lambda o: (o.tier, o.name.lower()))


# -------------------------------------------------------------------------------------------- rendering

_QUOTED = re.compile(r"'[^']*'|\u2018[^\u2019]*\u2019|\"[^\"]*\"|`[^`]*`")
_LOCATION = re.compile(r"^\S+?:\d+(:\d+)?:\s*")


def _message_line(message: str) -> str:
    """The informative line of a diagnostic message: for 'building X failed:' the compiler's first error."""
    lines = [ln.strip() for ln in message.strip().splitlines() if ln.strip()]
    if not lines:
        return ""
    first = lines[0]
    if first.endswith(":") and len(lines) > 1:
        err = next((ln for ln in lines[1:] if re.search(r"\berror\b", ln)), lines[1])
        first = first.rstrip(":") + ": " + _LOCATION.sub("", err)
    return " ".join(first.split())


def diagnostic_text(diag: dict, width: int = 70) -> str:
    text = (diag.get("code", "") + " " + _message_line(diag.get("message", ""))).strip()
    return text if len(text) <= width else text[:width - 3].rstrip() + "..."


def diagnostic_key(diag: dict, width: int = 110) -> str:
    """A diagnostic with names and numbers blanked, so that the same kind of problem counts once."""
    line = _QUOTED.sub("'_'", _message_line(diag.get("message", "")))
    line = re.sub(r"\b\d+\b", "N", line)
    line = re.sub(r";? did you mean '_'\??", "", line)
    text = (diag.get("code", "") + " " + line).strip()
    return text if len(text) <= width else text[:width - 3].rstrip() + "..."


def _notes(outcome: Outcome, targets: Sequence[str], width: int) -> str:
    groups: dict[str, list[str]] = {}
    for t in targets:
        diag = outcome.diagnostics.get(t)
        if diag:
            groups.setdefault(diagnostic_text(diag, width), []).append(t)
    return "; ".join(f"{'/'.join(ts)}: {text}" for text, ts in groups.items())


def _grid(rows: list[list[str]]) -> list[str]:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    out = [" | ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows]
    out.insert(1, "-+-".join("-" * w for w in widths))
    return out


def render_table(outcomes: Sequence[Outcome], targets: Sequence[str] = TARGETS, width: int = 70) -> str:
    outcomes = sort_outcomes(outcomes)
    rows = [["tier", "program", "reference", *targets, "first diagnostic of the targets that did not pass"]]
    for o in outcomes:
        rows.append([o.tier, o.name, o.reference, *(o.cells.get(t, "?") for t in targets),
                     _notes(o, targets, width)])
    lines = _grid(rows)

    present = [o for o in outcomes if o.reference != "missing"]
    lines.append("")
    lines.append(f"Totals over {len(present)} programs run"
                 + (f" ({len(outcomes) - len(present)} missing)" if len(present) != len(outcomes) else "") + ":")
    for column in ("reference", *targets):
        counts = Counter(o.reference if column == "reference" else o.cells.get(column, "?") for o in present)
        lines.append(f"  {column:<9} " + ", ".join(f"{k} {counts[k]}" for k in sorted(counts)))

    histogram = blocking_histogram(outcomes, targets)
    lines.append("")
    lines.append("Diagnostics that blocked programs (programs counted once per diagnostic kind):")
    if not histogram:
        lines.append("  (none)")
    for key, (count, names, where) in histogram:
        lines.append(f"  {count:>3}  {key}  [{'/'.join(sorted(where))}: {', '.join(names)}]")

    missing = [o.name for o in outcomes if o.reference == "missing"]
    if missing:
        lines.append("")
        lines.append(f"Missing from the given folder ({len(missing)}): {', '.join(missing)}")
    crashes = [o for o in outcomes if o.crash or "crash" in o.cells.values()]
    if crashes:
        lines.append("")
        lines.append("cutrans crashed or reported an internal error (U002) on: "
                     + ", ".join(o.name for o in crashes) + " (details in --json)")
    return "\n".join(lines)


def blocking_histogram(outcomes: Sequence[Outcome], targets: Sequence[str] = TARGETS):
    """[(key, (program count, program names, targets))], most programs first, then by key."""
    programs: dict[str, set[str]] = defaultdict(set)
    where: dict[str, set[str]] = defaultdict(set)
    for o in outcomes:
        if o.reference == "missing":
            continue
        for t in targets:
            diag = o.diagnostics.get(t)
            if diag and o.cells.get(t) not in ("pass", "built"):
                key = diagnostic_key(diag)
                programs[key].add(o.name)
                where[key].add(t)
    items = [(k, (len(v), sorted(v, key=str.lower), where[k])) for k, v in programs.items()]
    return sorted(items, key=lambda kv: (-kv[1][0], kv[0]))


# ----------------------------------------------------------------------------------------------- main

def _tiers(letters: str) -> str:
    if not letters or set(letters) - set(TIERS):
        raise argparse.ArgumentTypeError(f"tiers are letters among {''.join(TIERS)}, e.g. 'ab' or 'r'")
    return letters


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", type=Path, help="folder where the suites were extracted (see benchmarks/README.md)")
    ap.add_argument("--programs", type=Path, default=DEFAULT_TOML, help="the corpus TOML (default: %(default)s)")
    ap.add_argument("--tier", default=DEFAULT_TIERS, type=_tiers,
                    help=f"the tiers to run, as letters ({', '.join(f'{k}: {v}' for k, v in TIERS.items())}; "
                         f"default %(default)s)")
    ap.add_argument("--only", nargs="+", metavar="NAME", help="only these programs")
    ap.add_argument("--targets", default=",".join(TARGETS), help="comma-separated (default: %(default)s)")
    ap.add_argument("--jobs", "-j", type=int, default=MAX_WORKERS,
                    help=f"parallel verifies (at most {MAX_WORKERS}, or the cores with --reference cuda)")
    ap.add_argument("--reference", choices=("auto", "cuda", "emulate"), default="auto",
                    help="what verify compares with (default auto: real CUDA where an NVIDIA GPU and nvcc exist)")
    ap.add_argument("--ignore", action="append", default=[], metavar="REGEX",
                    help="also ignore output lines matching REGEX in every program (e.g. the lines that describe "
                    "the device, which differ between a real GPU and the emulated one)")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write the raw results here")
    ap.add_argument("--quiet", "-q", action="store_true", help="no progress lines on stderr")
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    suites, programs = load_programs(args.programs)
    programs = [p for p in programs if p.tier in args.tier]
    if args.only:
        unknown = set(args.only) - {p.name for p in programs}
        if unknown:
            print(f"corpus.py: unknown program(s): {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        programs = [p for p in programs if p.name in args.only]
    targets = [t.strip() for t in args.targets.split(",") if t.strip()]
    if not targets or set(targets) - set(TARGETS):
        print(f"corpus.py: targets must be among {', '.join(TARGETS)}", file=sys.stderr)
        return 2
    root = args.root.resolve()
    if not root.is_dir():
        print(f"corpus.py: {root} is not a folder", file=sys.stderr)
        return 2
    missing = [p.name for p in programs if not main_path(root, suites, p).is_file()]
    if missing:
        print(f"corpus.py: missing from {root} ({len(missing)} of {len(programs)}): {', '.join(missing)}",
              file=sys.stderr)

    def progress(o: Outcome) -> None:
        if not args.quiet:
            cells = " ".join(f"{t}={o.cells.get(t, '?')}" for t in targets)
            print(f"[{o.seconds:6.1f} s] {o.name}: reference={o.reference} {cells}", file=sys.stderr, flush=True)

    # On this project's 2-core machines two verifies at a time is the most that keeps time limits honest;
    # a GPU machine running the reference on real CUDA has the cores for more.
    workers = (os.cpu_count() or MAX_WORKERS) if args.reference == "cuda" else MAX_WORKERS
    outcomes = run_all(root, suites, programs, targets, args.jobs, progress, args.reference, workers, args.ignore)
    print(render_table(outcomes, targets))
    if args.json:
        args.json.write_text(json.dumps({"root": str(root), "targets": targets,
                                         "programs": [o.to_json() for o in outcomes]}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
