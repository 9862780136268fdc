"""Loading libclang and parsing one CUDA/HIP file hermetically (or with a real toolkit)."""

from __future__ import annotations

import ctypes
import dataclasses
import os
from pathlib import Path

from translator.diagnostics import CutransError, Diagnostic, Severity, error

SHIMS = Path(__file__).resolve().parents[2] / "runtime_shims"
STAND_IN_INCLUDE = SHIMS / "include"
# Parse-only declarations of CUDA's libraries (cuBLAS, cuRAND...): with a real toolkit, searched after it, for
# the libraries a partial install lacks.
LIBRARY_INCLUDE = STAND_IN_INCLUDE / "libraries"
# Portable definitions of the inline-PTX mma.sync forms cutrans translates (frontend/ptx.py): parsed with every
# CUDA file, so that the device code lowers a recognized asm statement as a call of one of them.
PTX_HELPERS = STAND_IN_INCLUDE / "cutrans_ptx_mma.h"
OPENMP_INCLUDE = STAND_IN_INCLUDE / "openmp"         # <omp.h> for host code: clang finds none of its own
CUDA_SUFFIXES = {".cu", ".cuh", ".cpp", ".cc", ".cxx", ".h", ".hpp", ".hip"}


@dataclasses.dataclass
class CompileOptions:
    """Compiler options as clang and nvcc take them (-I, -D, -U, -include, -std, and extra args)."""
    include_dirs: list[str] = dataclasses.field(default_factory=list)
    defines: list[str] = dataclasses.field(default_factory=list)
    undefines: list[str] = dataclasses.field(default_factory=list)
    pre_includes: list[str] = dataclasses.field(default_factory=list)
    std: str = "c++17"
    cuda_path: str | None = None
    extra: list[str] = dataclasses.field(default_factory=list)
    fmad: bool = True       # nvcc -fmad: device code contracts a * b + c into an fma (passes/contract_fma.py)

    def preprocessor_args(self) -> list[str]:
        args = [f"-I{d}" for d in self.include_dirs]
        args += [f"-D{d}" for d in self.defines] + [f"-U{u}" for u in self.undefines]
        for inc in self.pre_includes:
            args += ["-include", inc]
        return args

    def clang_args(self) -> list[str]:
        args = ["-x", "cuda", "--cuda-host-only", f"-std={self.std}", "-Wno-unknown-cuda-version",
                "-Wno-register",        # nvcc accepts `register` in C++17 (deprecated, ignored)
                "-nocudalib", "-D__CUTRANS__=1"]
        if self.cuda_path:
            args += [f"--cuda-path={self.cuda_path}", f"-idirafter{STAND_IN_INCLUDE / 'toolkit_gaps'}",
                     f"-idirafter{LIBRARY_INCLUDE}"]
            # CUDA 13 moved libcu++/CUB/Thrust (cuda/std/..., used by cooperative_groups.h) into include/cccl,
            # which nvcc searches itself and clang's CUDA driver does not
            cccl = Path(self.cuda_path) / "include" / "cccl"
            if cccl.is_dir():
                args.append(f"-isystem{cccl}")
        else:
            # nvcc includes cuda_runtime.h implicitly; so do we, from the stand-in headers
            args += ["-nocudainc", f"-isystem{STAND_IN_INCLUDE}", f"-isystem{LIBRARY_INCLUDE}", "-include",
                     "cuda_runtime.h"]
        args.append(f"-idirafter{OPENMP_INCLUDE}")
        return args + ["-include", str(PTX_HELPERS)] + self.preprocessor_args() + self.extra


_INDEX = None


def _index():
    global _INDEX
    if _INDEX is None:
        try:
            import clang.cindex as ci
            if hasattr(ci.Config, "libcxx_dir"):
                ci.Config.libcxx_dir = None   # its libc++ folder breaks glibc's math.h
            _decode_leniently(ci)
            _null_test_in_python(ci)
            _INDEX = ci.Index.create()
        except Exception as exc:  # the binding or the shared library is missing
            raise CutransError(error("P005", f"cannot load libclang: {exc}")) from None
    return _INDEX


def _decode_leniently(ci) -> None:
    """The binding decodes every string libclang returns as strict UTF-8, so a Latin-1 byte in a comment
    or a string literal (a copyright sign in a licence header) raised UnicodeDecodeError. Bytes that are
    not UTF-8 become lone surrogates instead ('surrogateescape'), and the backends encode them back
    to the same bytes."""
    interop = getattr(ci, "c_interop_string", None)
    if interop is None or getattr(interop, "_cutrans_lenient", False):
        return

    def value(self):
        raw = ctypes.c_char_p.value.__get__(self)
        return None if raw is None else raw.decode("utf-8", "surrogateescape")
    interop.value = property(value)
    interop._cutrans_lenient = True


def _null_test_in_python(ci) -> None:
    """Since libclang 18 the binding guards every cursor method with `is_null()`, a call into libclang
    (clang_equalCursors against the null cursor) that took a seventh of a parse's Python time. The same
    test read from the cursor's fields: libclang's null cursor is kind CXCursor_InvalidFile with no data,
    and clang_equalCursors compares the kind and the three data words (it ignores data[1] only of
    declarations, which the null cursor is not)."""
    cursor = ci.Cursor
    if getattr(cursor, "_cutrans_null_test", False) or not hasattr(cursor, "is_null"):
        return
    null = ci.conf.lib.clang_getNullCursor()
    kind, data = null._kind_id, tuple(null.data)
    if any(data):
        return                      # not the null cursor this test assumes: keep the binding's own

    def is_null(self) -> bool:
        return self._kind_id == kind and tuple(self.data) == data
    cursor.is_null = is_null
    cursor._cutrans_null_test = True


def _clang_diag(d, path: str) -> Diagnostic | None:
    import clang.cindex as ci
    sev = {ci.Diagnostic.Warning: Severity.WARNING, ci.Diagnostic.Error: Severity.ERROR,
           ci.Diagnostic.Fatal: Severity.ERROR}.get(d.severity)
    if sev is None:
        return None
    loc = d.location
    where = loc.file.name if loc.file else path
    return Diagnostic(sev, "P002", d.spelling, where, loc.line, loc.column)


def check_input(path: str) -> bytes:
    p = Path(path)
    if not p.is_file():
        raise CutransError(error("P001", f"no such file: '{path}'", path))
    if p.suffix.lower() not in CUDA_SUFFIXES:
        raise CutransError(error("P004", f"'{p.name}' is not a CUDA, HIP or C++ source file "
                                 f"(expected one of {', '.join(sorted(CUDA_SUFFIXES))})", path))
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise CutransError(error("P001", f"cannot read '{path}': {exc.strerror}", path)) from None
    if b"\0" in data[:4096]:
        raise CutransError(error("P004", f"'{p.name}' is a binary file, not CUDA source", path))
    return data


def parse(path: str, options: CompileOptions | None = None):
    """Parse `path`; return (translation unit, source bytes, warnings). Errors raise CutransError."""
    import clang.cindex as ci
    options = options or CompileOptions()
    source = check_input(path)
    try:
        tu = _index().parse(path, args=options.clang_args(),
                            options=ci.TranslationUnit.PARSE_DETAILED_PROCESSING_RECORD)
    except ci.TranslationUnitLoadError as exc:
        raise CutransError(error("P005", f"libclang failed to parse the file: {exc}", path)) from None
    diags = [x for x in (_clang_diag(d, path) for d in tu.diagnostics) if x]
    errors = [d for d in diags if d.severity == Severity.ERROR]
    if errors:
        raise CutransError(*errors)
    return tu, source, diags


def in_main_file(cursor, path: str) -> bool:
    f = cursor.location.file
    return f is not None and os.path.samefile(f.name, path) if f else False
