"""The `cutrans` command.

Exit codes (STYLE.md rule 12): 0 translated or verified (warnings allowed); 1 error-level
diagnostics, warnings under --warnings-as-errors, or a verification mismatch; 2 usage,
configuration, environment or internal failure.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import traceback
from pathlib import Path

from translator import __version__, unsafe
from translator.diagnostics import CutransError, Diagnostic, Severity, error, render

EXIT_OK, EXIT_DIAGNOSTICS, EXIT_FAILURE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    """argparse that reports usage errors as a U001 diagnostic with exit code 2."""

    def error(self, message):
        self.print_usage(sys.stderr)
        print(error("U001", message, "cutrans").format(), file=sys.stderr)
        sys.exit(EXIT_FAILURE)


def _add_compiler_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("compiler options (as clang and nvcc take them)")
    g.add_argument("-I", dest="include_dirs", action="append", default=[], metavar="DIR", help="add an include folder")
    g.add_argument("-D", dest="defines", action="append", default=[], metavar="NAME[=VALUE]", help="define a macro")
    g.add_argument("-U", dest="undefines", action="append", default=[], metavar="NAME", help="undefine a macro")
    g.add_argument("-include", dest="pre_includes", action="append", default=[], metavar="FILE",
                   help="include FILE before the input")
    g.add_argument("-std", dest="std", default="c++17", metavar="STD", help="language standard (default c++17)")
    g.add_argument("--cuda-path", metavar="DIR", help="parse with a real CUDA toolkit instead of the stand-in headers")
    g.add_argument("--compiler-arg", dest="extra", action="append", default=[], metavar="ARG",
                   help="pass ARG to the parser unchanged (repeatable)")
    g.add_argument("--fmad", choices=("true", "false"), default="true",
                   help="contract a * b + c into fused multiply-adds in device code, as nvcc -fmad does "
                        "(default true, nvcc's default)")


def _add_output_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--output-format", choices=("text", "concise", "json"), default="text",
                   help="format of diagnostics (default text)")
    p.add_argument("--warnings-as-errors", action="store_true", help="exit 1 when any warning is reported")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="cutrans", description="Translate CUDA to HIP, OpenCL C and CPU C with OpenMP, "
                     "and verify that the translations compute what the original computes.")
    parser.add_argument("--version", action="version", version=f"cutrans {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    conv = sub.add_parser("convert", help="translate CUDA files to a target",
                          description="Translate each INPUT to the target; output goes to OUTDIR "
                          "(inputs are never modified).")
    conv.add_argument("inputs", nargs="+", metavar="INPUT", help=".cu/.cuh/.cpp files")
    conv.add_argument("--to", required=True, choices=("hip", "opencl", "cpu"), help="the target")
    where = conv.add_mutually_exclusive_group(required=True)
    where.add_argument("-o", "--output-dir", metavar="OUTDIR", help="folder for the output files")
    where.add_argument("--in-place", action="store_true",
                       help="hip only: replace each input with its translation, keeping the original as INPUT.orig")
    conv.add_argument("--hip-launch", choices=("chevron", "hipLaunchKernelGGL"), default="chevron",
                      help="hip: keep kernel<<<...>>> launches (default) or write hipLaunchKernelGGL calls")
    conv.add_argument("--offload-arch", metavar="ARCH", default=None,
                      help="hip: the AMD arch the output is for (default $CUTRANS_HIP_ARCH or gfx90a); on a wave64 "
                      "arch (gfx9*) code written for 32-lane warps is rewritten to keep them (see docs/hip.md)")
    conv.add_argument("--no-warp-rewrite", dest="warp_rewrite", action="store_false",
                      help="hip: leave warp intrinsics as written, whatever the arch's wavefront width")
    conv.add_argument("--all-branches", action="store_true",
                      help="hip: also rewrite the CUDA API names and includes in preprocessor branches that are "
                      "inactive in the configuration parsed (#if 0, #ifdef X without -DX); by default, like a "
                      "compiler, only the active configuration is translated and each inactive branch that "
                      "mentions CUDA APIs gets warning M005")
    conv.add_argument("--unsafe", action="append", default=[], metavar="REWRITE",
                      help="apply an opt-in rewrite that may change results, e.g. fast-math (nvcc -use_fast_math); "
                      "see translator/unsafe.py")
    _add_tensor_core_option(conv)
    conv.add_argument("--stats", action="store_true",
                      help="print converted and unconverted CUDA API references per API family")
    _add_compiler_options(conv)
    _add_output_options(conv)

    ver = sub.add_parser("verify", help="run the original and its translations, compare the numbers",
                         description="Program mode (PATH...): build and run the original program (real CUDA on "
                         "an NVIDIA GPU, else the CPU emulation in runtime_shims/emulate) and each translated "
                         "program with the same arguments; compare exit status and printed numbers. Kernel mode "
                         "(FILE --kernel NAME ..., or --project): run one kernel on synthesized inputs everywhere "
                         "and compare every buffer element by element. Exit 0 only if every target matches.")
    ver.add_argument("inputs", nargs="*", metavar="PATH", help="CUDA program(s): one .cu file each (with --link, "
                     "the source files of one program)")
    ver.add_argument("--link", action="store_true",
                     help="program mode: the PATHs (.cu and .cpp) are the sources of one program, each translated "
                     "and compiled on its own and linked together, as `nvcc a.cu b.cpp` builds them; the first "
                     "names the program")
    ver.add_argument("--targets", default="opencl,cpu", help="comma-separated targets (default opencl,cpu)")
    ver.add_argument("--reference", choices=("auto", "cuda", "emulate"), default="auto",
                     help="what the translations are compared with (default auto: real CUDA when an NVIDIA GPU "
                     "and nvcc are present, else the emulation)")
    ver.add_argument("--args", default="", help="the program's command line, as one shell-quoted string")
    ver.add_argument("--format", choices=("text", "json", "junit"), default="text", help="report format")
    ver.add_argument("--timeout", type=float, default=120.0, help="seconds each program may run (default 120)")
    ver.add_argument("--keep", action="store_true", help="keep the build folder and print its path")
    ver.add_argument("--rel-tol", type=float, default=None, help="relative tolerance for numbers")
    ver.add_argument("--abs-tol", type=float, default=None, help="absolute tolerance for numbers")
    ver.add_argument("--ignore", action="append", default=[], metavar="REGEX",
                     help="also ignore output lines matching REGEX (timing lines are ignored by default)")
    ver.add_argument("--strict", action="store_true", help="count 'unsupported' results as failures")
    ver.add_argument("--output-file", dest="output_files", action="append", default=[], metavar="NAME",
                     help="program mode: also compare the file NAME (relative to the working folder) that the "
                     "program writes; text tolerantly, binary byte for byte (repeatable)")
    ver.add_argument("--unsafe", action="append", default=[], metavar="REWRITE",
                     help="translate with an opt-in rewrite (e.g. fast-math) and compare the targets it applies to "
                     "with the wider bounds it declares, naming it as the reason")
    _add_tensor_core_option(ver)
    ver.add_argument("--device", metavar="SPEC", help="OpenCL device to run on: a platform:device index pair "
                     "or part of the device name (sets CUTRANS_OPENCL_DEVICE)")
    km = ver.add_argument_group("kernel mode", "run one kernel of FILE alone (see docs/verify.md)")
    km.add_argument("--kernel", metavar="NAME", help="the kernel to run (templates: 'name<float, 128>')")
    km.add_argument("--grid", metavar="X[,Y[,Z]]", help="grid dimensions")
    km.add_argument("--block", metavar="X[,Y[,Z]]", help="block dimensions")
    km.add_argument("--shared", type=int, default=0, metavar="BYTES", help="dynamic shared memory per block")
    km.add_argument("--arg", dest="kernel_args", action="append", default=[], metavar="DECL",
                    help="one per kernel parameter, in order: 'in float32[1024]', 'out int32[64,64] = zeros', "
                    "'float32 0.5'")
    km.add_argument("--seed", type=int, default=0, help="seed of the synthesized inputs (default 0)")
    km.add_argument("--max-ulp", type=int, default=None, help="float elements may differ by this many ulps")
    km.add_argument("--reason", default=None, help="why the tolerances are widened (required when they are)")
    km.add_argument("--project", nargs="?", const="pyproject.toml", metavar="PYPROJECT",
                    help="run the [[tool.cutrans.verify]] cases of PYPROJECT (default ./pyproject.toml)")
    km.add_argument("--case", dest="cases", action="append", default=[], metavar="NAME",
                    help="with --project: run only this case (repeatable)")
    km.add_argument("--list-cases", action="store_true", help="with --project: print the case names and stop")
    _add_compiler_options(ver)

    ir = sub.add_parser("ir", help="print the IR of a file's device code")
    ir.add_argument("input", metavar="FILE")
    ir.add_argument("--after", choices=("opencl", "cpu"), help="print the IR after that target's passes")
    _add_compiler_options(ir)

    demo = sub.add_parser("demo", help="translate every sample to all targets, verify, print a table")
    demo.add_argument("--samples", default=None, help="folder of samples (default: the project's samples/)")
    demo.add_argument("--format", choices=("text", "json", "junit"), default="text", help="report format")
    return parser


def compile_options(args):
    """Compiler options with folders made absolute: builds and runs happen in other folders."""
    from translator.frontend.clang_setup import CompileOptions
    absolute = lambda paths: [str(Path(p).resolve()) for p in paths]  # noqa: E731
    return CompileOptions(include_dirs=absolute(args.include_dirs), defines=args.defines,
                          undefines=args.undefines, pre_includes=absolute(args.pre_includes), std=args.std,
                          cuda_path=args.cuda_path, extra=args.extra, fmad=args.fmad == "true")


def _attach_args_value(argv: list[str]) -> list[str]:
    """`--args -n 5` means the program's arguments, though they start with a dash: keep them together."""
    out, i = [], 0
    while i < len(argv):
        if argv[i] == "--args" and i + 1 < len(argv):
            out.append(f"--args={argv[i + 1]}")
            i += 2
        else:
            out.append(argv[i])
            i += 1
    return out


def _report(diags: list[Diagnostic], fmt: str = "text") -> None:
    if diags:
        print(render(diags, fmt), file=sys.stderr)


def _is_usage(d: Diagnostic) -> bool:
    """Usage, configuration and environment problems (exit 2), as opposed to problems of the input (exit 1)."""
    return d.code.startswith("U") or d.code == "V005"


def _diag_exit(diags: list[Diagnostic], warnings_as_errors: bool = False) -> int:
    if any(d.severity >= Severity.ERROR and _is_usage(d) for d in diags):
        return EXIT_FAILURE
    worst = max((d.severity for d in diags), default=Severity.NOTE)
    if worst >= Severity.ERROR or (warnings_as_errors and worst >= Severity.WARNING):
        return EXIT_DIAGNOSTICS
    return EXIT_OK


def cmd_convert(args) -> int:
    from translator import stats
    from translator.driver import backup_path, convert_unit, load_unit, write_in_place, write_output
    if args.in_place and args.to != "hip":
        raise CutransError(error("U001", f"--in-place works with --to hip only: the {args.to} target writes "
                                 f"several files per input"))
    if args.all_branches and args.to != "hip":
        raise CutransError(error("U001", f"--all-branches works with --to hip only: the {args.to} target "
                                 f"translates the active configuration"))
    inputs = {Path(p).resolve() for p in args.inputs}
    all_diags: list[Diagnostic] = []
    file_stats = []
    for path in args.inputs:
        unit, ok = None, False
        try:
            if args.in_place:
                backup_path(path)          # before any work: an earlier backup is never overwritten
            unit = load_unit(path, compile_options(args))
            output, diags = convert_unit(unit, args.to, {"launch_syntax": args.hip_launch,
                                                          "offload_arch": args.offload_arch,
                                                          "warp_rewrite": args.warp_rewrite,
                                                          "all_branches": args.all_branches,
                                                          "unsafe": _rewrites(args)})
            if args.in_place:
                write_in_place(output, path)
            else:
                write_output(output, Path(args.output_dir), inputs)
            ok = True
        except CutransError as exc:
            diags = exc.diagnostics
        all_diags += diags
        if unit is not None:
            file_stats.append(stats.file_stats(unit, args.to, ok, rewritten=ok and args.all_branches))
    _report(all_diags, args.output_format)
    if args.stats:
        print(stats.render_json(file_stats) if args.output_format == "json" else stats.render_text(file_stats))
    return _diag_exit(all_diags, args.warnings_as_errors)


def cmd_ir(args) -> int:
    from translator.driver import load_unit
    from translator.ir.printer import print_ir
    unit = load_unit(args.input, compile_options(args))
    errors = [d for d in unit.diagnostics if d.severity >= Severity.ERROR]
    _report(unit.diagnostics)
    if errors:
        return EXIT_DIAGNOSTICS
    module = unit.module
    if args.after:
        from translator.passes import run_pipeline
        module = run_pipeline(module, args.after)
    sys.stdout.write(print_ir(module))
    return EXIT_OK


def _policy(args):
    from translator.verify.compare import DEFAULT_POLICY, ComparePolicy
    policy = DEFAULT_POLICY
    if args.rel_tol is not None or args.abs_tol is not None:
        policy = ComparePolicy(rel_tol=args.rel_tol if args.rel_tol is not None else policy.rel_tol,
                               abs_tol=args.abs_tol if args.abs_tol is not None else policy.abs_tol,
                               ignore_patterns=policy.ignore_patterns)
    return policy.with_ignored(*args.ignore) if args.ignore else policy


def _render_results(results, fmt: str) -> str:
    from translator.verify import report
    return {"text": report.render_text, "json": report.render_json, "junit": report.render_junit}[fmt](results)


def _targets(text: str) -> list[str]:
    from translator.driver import TARGETS
    targets = [t.strip() for t in text.split(",") if t.strip()]
    unknown = [t for t in targets if t not in TARGETS + ("cuda",)]
    if unknown or not targets:
        raise CutransError(error("U001", f"unknown target(s) {', '.join(unknown) or '(none)'}; "
                                 f"choose from {', '.join(TARGETS + ('cuda',))}"))
    return targets


def _kernel_cases(args) -> list:
    """The kernel-mode cases the command line asks for: --project's tables, or one case from --kernel."""
    from translator.verify.kernel_spec import case_from_table, load_project
    if args.project is not None:
        if args.inputs or args.kernel:
            raise CutransError(error("U001", "--project runs the cases of a pyproject.toml; give no PATH or --kernel"))
        cases = load_project(args.project)
        missing = sorted(set(args.cases) - {c.name for c in cases})
        if missing:
            raise CutransError(error("U003", f"no case named {', '.join(missing)} in {args.project} (see "
                                     f"--list-cases)", args.project))
        return [c for c in cases if not args.cases or c.name in args.cases]
    if len(args.inputs) != 1:
        raise CutransError(error("U001", "--kernel verifies one kernel of one FILE"))
    table = {"file": args.inputs[0], "kernel": args.kernel, "grid": args.grid or "", "block": args.block or "",
             "shared": args.shared, "args": args.kernel_args, "seed": args.seed}
    for key in ("max_ulp", "rel_tol", "abs_tol", "reason"):
        if getattr(args, key) is not None:
            table[key] = getattr(args, key)
    missing = [f"--{k}" for k in ("grid", "block") if not getattr(args, k)]
    if missing:
        raise CutransError(error("U001", f"kernel mode needs {' and '.join(missing)}"))
    return [case_from_table(table, Path.cwd(), "<command line>")]


def _kernel_mode(args) -> bool:
    """True for kernel mode (--kernel or --project); checks that the options belong to the chosen mode."""
    if args.project is not None or args.kernel:
        if args.output_files:
            raise CutransError(error("U001", "--output-file belongs to program mode; kernel mode compares every "
                                     "buffer"))
        if args.link:
            raise CutransError(error("U001", "--link belongs to program mode; kernel mode runs one kernel of one "
                                     "FILE"))
        return True
    stray = [o for o, v in (("--arg", args.kernel_args), ("--grid", args.grid), ("--block", args.block),
                            ("--case", args.cases), ("--max-ulp", args.max_ulp)) if v]
    if stray:
        raise CutransError(error("U001", f"{', '.join(stray)} belong(s) to kernel mode: add --kernel NAME or "
                                 f"--project"))
    if not args.inputs:
        raise CutransError(error("U001", "verify needs a PATH, FILE --kernel NAME, or --project"))
    return False


def _output_files(names: list[str]) -> list[str]:
    for name in names:
        path = Path(name)
        if not name or path.is_absolute() or ".." in path.parts:
            raise CutransError(error("U001", f"--output-file {name!r}: give a path inside the working folder"))
    return names


def _add_tensor_core_option(parser) -> None:
    parser.add_argument("--tensor-core", choices=tuple(unsafe.TENSOR_CORE_MODES), default="portable",
                        help="hip: how nvcuda::wmma runs: portable (default: exact, ordinary arithmetic on any AMD "
                        "GPU) or intrinsics (mma_sync on the MFMA matrix cores of gfx908/gfx90a/gfx940+, an unsafe "
                        "rewrite: the hardware rounds its sums its own way; see docs/tensor_cores.md)")


def _rewrites(args) -> tuple[str, ...]:
    """The unsafe rewrites asked for, by --unsafe and by --tensor-core."""
    return unsafe.check([*args.unsafe, *unsafe.TENSOR_CORE_MODES[args.tensor_core]])


def cmd_verify(args) -> int:
    from translator.verify.report import exit_code
    targets = _targets(args.targets)
    rewrites = _rewrites(args)
    if args.device:
        os.environ["CUTRANS_OPENCL_DEVICE"] = args.device      # read by runtime_shims/opencl at start-up
    results = []
    if _kernel_mode(args):
        from translator.verify.kernel import verify_kernel
        cases = _kernel_cases(args)
        if args.list_cases:
            print("\n".join(c.name for c in cases))
            return EXIT_OK
        for case in cases:
            results += verify_kernel(case, targets, options=compile_options(args), timeout=args.timeout,
                                     keep=args.keep, reference=args.reference, unsafe_rewrites=rewrites)
    else:
        from translator.verify.program import verify_program
        try:
            program_args = shlex.split(args.args)
        except ValueError as exc:
            raise CutransError(error("U001", f"--args is not a valid shell-quoted string: {exc}")) from None
        programs = [args.inputs] if args.link else [[path] for path in args.inputs]
        for path, *also in programs:
            results += verify_program(path, targets, options=compile_options(args), program_args=program_args,
                                      timeout=args.timeout, keep=args.keep, policy=_policy(args),
                                      reference=args.reference, output_files=_output_files(args.output_files),
                                      unsafe_rewrites=rewrites, also=also)
    print(_render_results(results, args.format))
    return exit_code(results, strict=args.strict)


def cmd_demo(args) -> int:
    from translator.verify.demo import run_demo
    return run_demo(args.samples, args.format)


COMMANDS = {"convert": cmd_convert, "verify": cmd_verify, "ir": cmd_ir, "demo": cmd_demo}


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(_attach_args_value(sys.argv[1:] if argv is None else argv))
    try:
        return COMMANDS[args.command](args)
    except CutransError as exc:
        _report(exc.diagnostics, getattr(args, "output_format", "text"))
        worst = max(d.severity for d in exc.diagnostics)
        usage = all(_is_usage(d) for d in exc.diagnostics)
        return EXIT_FAILURE if usage or worst < Severity.ERROR else EXIT_DIAGNOSTICS
    except BrokenPipeError:        # the reader went away (`cutrans ... | head`): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("cutrans: interrupted", file=sys.stderr)
        return EXIT_FAILURE
    except Exception as exc:  # an internal error: say so plainly, never a bare traceback
        if os.environ.get("CUTRANS_DEBUG"):
            traceback.print_exc()
        print(error("U002", f"internal error: {type(exc).__name__}: {exc} (set CUTRANS_DEBUG=1 for the "
                    f"traceback, and please report it)", "cutrans").format(), file=sys.stderr)
        return EXIT_FAILURE


if __name__ == "__main__":
    sys.exit(main())
