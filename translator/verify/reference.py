"""The CPU reference of a CUDA program: its unmodified source, compiled by the host C++ compiler against
runtime_shims/emulate, which emulates the CUDA device runtime (one fiber per CUDA thread).

The only source change is mechanical and keeps every newline where it was, so compiler messages keep
their line numbers:
  * ``callee<<<grid, block[, shmem[, stream]]>>>(args)`` becomes
    ``cuemu::launch("callee", [&](auto&&... a) { (callee)(a...); }, cuemu::config(grid, block...), args)``;
    an argument that is a null pointer constant alone (``0``, ``NULL``) becomes ``::cuemu::zero_literal()``,
    and the kernel is then called through ``::cuemu::call_kernel`` (runtime_shims/emulate/.../scheduler.h)
  * ``extern __shared__ T name[];`` becomes ``__shared__ T *const name = ::cuemu::dynamic_shared();``
  * ``static __shared__`` loses its ``static``: ``__shared__`` is ``static thread_local`` there already
  * ``asm volatile("ptx" : "=f"(d) : "r"(a))`` whose template is PTX becomes
    ``::cuemu::inline_ptx("ptx", {::cuemu::ptx_out("=f", (d)), ::cuemu::ptx_in("r", (a))})``, which
    runtime_shims/emulate/include/cuemu/ptx.h carries out (the mma.sync forms) or refuses at run time

This module shares no code with the frontend, the IR or the backends: it is an independent oracle.
"""

from __future__ import annotations

import dataclasses
import functools
import os
import platform
import re
import shlex
import subprocess
from pathlib import Path

from translator.diagnostics import CutransError, error
from translator.verify import objcache, toolchain
from translator.verify.objcache import QUOTED_INCLUDE

EMULATE_INCLUDE = Path(__file__).resolve().parents[2] / "runtime_shims" / "emulate" / "include"

_LAUNCH_ARGS = "cuemu_args_"
_CONNECTORS = ("::", ".", "->")
_CLOSERS = {"(": ")", "[": "]", "{": "}"}
_ANGLE_WEIGHT = {"<": 1, ">": 1, ">>": 2, ">>>": 3}


# ---------------------------------------------------------------- lexing


@dataclasses.dataclass(frozen=True)
class Token:
    kind: str  # id | num | str | punct
    text: str
    start: int
    end: int


_LEXEMES = re.compile(
    r"""
    (?P<space>(?:\s|\\\n)+)
  | (?P<comment>//(?:[^\n\\]|\\.|\\\n)*|/\*.*?(?:\*/|\Z))
  | (?P<raw>(?:u8|[uUL])?R"(?P<delim>[^()\\\s"]{0,16})\()
  | (?P<str>(?:u8|[uUL])?"(?:[^"\\\n]|\\.|\\\n)*(?:"|$))
  | (?P<chr>(?:u8|[uUL])?'(?:[^'\\\n]|\\.)*(?:'|$))
  | (?P<id>[A-Za-z_$][A-Za-z0-9_$]*)
  | (?P<num>\.?[0-9](?:[eEpP][+-]|'[0-9A-Za-z_]|[0-9A-Za-z_.])*)
  | (?P<punct><<<|>>>|::|->|<<=|>>=|<<|>>|\#\#|.)
    """,
    re.VERBOSE | re.DOTALL | re.MULTILINE,
)


def tokenize(source: str) -> list[Token]:
    """C++ tokens of `source` with their offsets; comments and whitespace are dropped, and `<<<`/`>>>`
    are single tokens. Unterminated literals end at the end of their line (as inside `#if 0`)."""
    tokens: list[Token] = []
    pos = 0
    while pos < len(source):
        m = _LEXEMES.match(source, pos)
        kind = m.lastgroup
        end = m.end()
        if kind == "raw":
            close = source.find(f"){m.group('delim')}\"", end)
            end = len(source) if close < 0 else close + len(m.group("delim")) + 2
        if kind not in ("space", "comment"):
            tokens.append(Token("str" if kind in ("raw", "chr") else kind, source[pos:end], pos, end))
        pos = end
    return tokens


# ---------------------------------------------------------------- edits


@dataclasses.dataclass(frozen=True)
class Edit:
    start: int
    end: int
    text: str


def _apply(source: str, edits: list[Edit]) -> str:
    out, pos = [], 0
    for edit in sorted(edits, key=lambda e: e.start):
        out.append(source[pos:edit.start])
        out.append(edit.text)
        pos = edit.end
    out.append(source[pos:])
    return "".join(out)


def _line_breaks(span: str) -> str:
    """The newlines (with their line-continuation backslashes) of a replaced span, so a rewrite keeps
    the line count and stays inside its macro definition."""
    return "".join(re.findall(r"\\?\n", span))


def _fail(message: str, source: str, offset: int, path: str) -> CutransError:
    line = source.count("\n", 0, offset) + 1
    col = offset - (source.rfind("\n", 0, offset) + 1) + 1
    return CutransError(error("V001", message, path, line, col))


def _match_forward(tokens: list[Token], i: int) -> int:
    """Index of the bracket closing tokens[i], or -1."""
    stack = []
    for j in range(i, len(tokens)):
        text = tokens[j].text
        if text in _CLOSERS:
            stack.append(_CLOSERS[text])
        elif stack and text == stack[-1]:
            stack.pop()
            if not stack:
                return j
    return -1


def _match_backward(tokens: list[Token], i: int, close: str, open_: str) -> int:
    depth = 0
    for j in range(i, -1, -1):
        text = tokens[j].text
        depth += text == close
        depth -= text == open_
        if depth == 0:
            return j
    return -1


# ---------------------------------------------------------------- inline PTX

_ASM_KEYWORDS = {"asm", "__asm__", "__asm"}
_ASM_QUALIFIERS = {"volatile", "__volatile__", "__volatile", "inline", "goto"}
_PTX_OPCODE = re.compile(r'^"\s*[a-z][a-z0-9_]*\.[a-z0-9_.:]+')     # mov.u32, mma.sync.aligned...; x86 has no dots


def _asm_operands(tokens: list[Token], source: str, first: int, last: int, make: str) -> list[str]:
    """`make("constraint", expr)` for each operand `"constraint"(expr)` of the section tokens[first:last]."""
    out, i = [], first
    while i < last:
        if tokens[i].kind == "str" and i + 1 < last and tokens[i + 1].text == "(":
            close = _match_forward(tokens, i + 1)
            expr = source[tokens[i + 1].end:tokens[close].start]
            out.append(f"::cuemu::{make}({tokens[i].text}, ({expr}))")
            i = close + 1
        else:
            i += 1
    return out


def _asm_edits(tokens: list[Token], source: str) -> list[Edit]:
    """`asm [volatile] ("ptx" : outputs : inputs [: clobbers])` whose template is PTX becomes
    `::cuemu::inline_ptx("ptx", {ptx_out(...)..., ptx_in(...)...})` (cuemu/ptx.h carries it out); asm whose
    template is not PTX (host assembly) is left alone."""
    edits: list[Edit] = []
    for i, tok in enumerate(tokens):
        if tok.kind != "id" or tok.text not in _ASM_KEYWORDS:
            continue
        j = i + 1
        while j < len(tokens) and tokens[j].text in _ASM_QUALIFIERS:
            j += 1
        if j >= len(tokens) or tokens[j].text != "(" or j + 1 >= len(tokens) or tokens[j + 1].kind != "str":
            continue
        if not _PTX_OPCODE.match(tokens[j + 1].text):
            continue
        close = _match_forward(tokens, j)
        if close < 0:
            continue
        k = j + 1
        while tokens[k].kind == "str":
            k += 1
        template = source[tokens[j + 1].start:tokens[k - 1].end]
        colons = [m for m in range(k, close) if tokens[m].text == ":" and _depth(tokens, j, m) == 1]
        bounds = colons + [close]
        outputs = _asm_operands(tokens, source, bounds[0] + 1, bounds[1], "ptx_out") if len(bounds) > 1 else []
        inputs = _asm_operands(tokens, source, bounds[1] + 1, bounds[2], "ptx_in") if len(bounds) > 2 else []
        text = f"::cuemu::inline_ptx({template}, {{{', '.join(outputs + inputs)}}})"
        around = source[tok.start:tokens[j + 1].start] + source[tokens[k - 1].end:tokens[close].end]
        edits.append(Edit(tok.start, tokens[close].end, text + _line_breaks(around)))   # the template keeps its own
    return edits


def _depth(tokens: list[Token], open_: int, at: int) -> int:
    """How many brackets are open at tokens[at], counting from tokens[open_] (itself an opening one)."""
    depth = 0
    for m in range(open_, at):
        text = tokens[m].text
        depth += text in _CLOSERS
        depth -= text in _CLOSERS.values()
    return depth


# ---------------------------------------------------------------- extern __shared__


def _extern_shared_edits(tokens: list[Token], source: str) -> list[Edit]:
    edits: list[Edit] = []
    for i, tok in enumerate(tokens):
        if tok.text == "extern" and i + 1 < len(tokens) and tokens[i + 1].text == "__shared__":
            edits.append(Edit(tok.start, tok.end, ""))
            edits.extend(_unsized_array_edits(tokens, i + 2, source))
    return edits


def _static_shared_edits(tokens: list[Token]) -> list[Edit]:
    """`static __shared__ T x;` (CUDA allows the storage class, HeCBench logprob writes it) or `__shared__
    static`: the emulation's __shared__ is `static thread_local` already, and g++ refuses `static` twice."""
    return [Edit(tok.start, tok.end, "") for i, tok in enumerate(tokens) if tok.text == "static"
            and any(0 <= j < len(tokens) and tokens[j].text == "__shared__" for j in (i - 1, i + 1))]


def _unsized_array_edits(tokens: list[Token], i: int, source: str) -> list[Edit]:
    """`name[]` -> `*const name` (or `(*const name)` before further dimensions), then an initializer
    at the end of each such declarator."""
    edits: list[Edit] = []
    depth, pending = 0, False
    for j in range(i, len(tokens)):
        text = tokens[j].text
        depth += text in _CLOSERS
        depth -= text in _CLOSERS.values()
        if depth == 0 and text in (",", ";"):
            if pending:
                edits.append(Edit(tokens[j].start, tokens[j].start, " = ::cuemu::dynamic_shared()"))
            if text == ";":
                return edits
            pending = False
        elif (tokens[j].kind == "id" and j + 2 < len(tokens) and tokens[j + 1].text == "["
              and tokens[j + 2].text == "]"):
            more = j + 3 < len(tokens) and tokens[j + 3].text == "["
            name = tokens[j].text
            breaks = _line_breaks(source[tokens[j].start:tokens[j + 2].end])
            edits.append(Edit(tokens[j].start, tokens[j + 2].end,
                              (f"(*const {name})" if more else f"*const {name}") + breaks))
            pending = True
    return edits


# ---------------------------------------------------------------- launches


def _callee_start(tokens: list[Token], i: int) -> int:
    """Index of the first token of the callee ending at tokens[i], or -1. A callee is a (possibly
    qualified) name, template-id, member access or parenthesized expression."""
    j = _term_start(tokens, i)
    while j > 0:
        k = j - 1
        if tokens[k].text == "template" and k > 0 and tokens[k - 1].text in _CONNECTORS:
            k -= 1
        if tokens[k].text not in _CONNECTORS:
            return j
        term = _term_start(tokens, k - 1)
        if term < 0:
            return k if tokens[k].text == "::" else -1
        j = term
    return j


def _term_start(tokens: list[Token], i: int) -> int:
    if i < 0:
        return -1
    text = tokens[i].text
    if tokens[i].kind == "id":
        return i
    if text == ")":
        return _match_backward(tokens, i, ")", "(")
    if text in (">", ">>", ">>>"):
        lt = _template_open(tokens, i)
        return lt - 1 if lt > 0 and tokens[lt - 1].kind == "id" else -1
    return -1


def _template_open(tokens: list[Token], i: int) -> int:
    depth = 0
    j = i
    while j >= 0:
        text = tokens[j].text
        if text == ")":
            j = _match_backward(tokens, j, ")", "(")
            if j < 0:
                return -1
        elif text in _ANGLE_WEIGHT:
            depth += _ANGLE_WEIGHT[text] if text != "<" else -1
            if depth == 0:
                return j
        elif text in (";", "{", "}"):
            return -1
        j -= 1
    return -1


def _config_end(tokens: list[Token], i: int) -> int:
    """Index of the `>>>` closing the configuration that starts after tokens[i], or -1."""
    depth = 0
    for j in range(i + 1, len(tokens)):
        text = tokens[j].text
        depth += text in _CLOSERS
        depth -= text in _CLOSERS.values()
        if depth == 0 and text == ">>>":
            return j
        if depth < 0 or text == ";":
            return -1
    return -1


@dataclasses.dataclass(frozen=True)
class Launch:
    callee: tuple[int, int]  # token indices, inclusive
    open_: int  # `<<<`
    close: int  # `>>>`
    lparen: int
    rparen: int


def _find_launch(tokens: list[Token], i: int, source: str, path: str) -> Launch:
    where = tokens[i].start
    first = _callee_start(tokens, i - 1)
    if first < 0:
        raise _fail("cannot find the kernel named by this launch", source, where, path)
    close = _config_end(tokens, i)
    if close < 0:
        raise _fail("unterminated launch configuration: no matching '>>>'", source, where, path)
    if close + 1 >= len(tokens) or tokens[close + 1].text != "(":
        raise _fail("a launch configuration must be followed by the argument list", source, where, path)
    rparen = _match_forward(tokens, close + 1)
    if rparen < 0:
        raise _fail("unterminated argument list of a kernel launch", source, where, path)
    return Launch((first, i - 1), i, close, close + 1, rparen)


_NULL_LITERAL = re.compile(r"0[uUlL]*|NULL")


def _launch_arguments(launch: Launch, tokens: list[Token], source: str, path: str) -> str:
    """The launch's arguments, normalized; an argument that is a null pointer constant alone (`0`, `NULL`)
    becomes ::cuemu::zero_literal(), which converts to a pointer as the literal does: passed on as an int or
    a long, it would not (HeCBench idivide passes 0 for an int*). Left as written where an angle bracket
    stands between the parentheses, whose commas may then separate template arguments."""
    lparen, rparen = launch.lparen, launch.rparen
    top = [m for m in range(lparen + 1, rparen) if _depth(tokens, lparen, m) == 1]
    cuts = [m for m in top if tokens[m].text == ","]
    groups = list(zip([lparen, *cuts], [*cuts, rparen]))          # the tokens around each argument
    nulls = {a for a, b in groups if b == a + 2 and _NULL_LITERAL.fullmatch(tokens[a + 1].text)}
    if not nulls or any(tokens[m].text in ("<", ">", ">>") for m in top):
        return normalize(source[tokens[lparen].end:tokens[rparen].start], path)
    return ",".join(source[tokens[a].end:tokens[a + 1].start] + "::cuemu::zero_literal()"
                    + source[tokens[a + 1].end:tokens[b].start] if a in nulls
                    else normalize(source[tokens[a].end:tokens[b].start], path) for a, b in groups)


def _launch_text(launch: Launch, tokens: list[Token], source: str, path: str) -> str:
    first, last = launch.callee
    callee = source[tokens[first].start:tokens[last].end]
    name = " ".join(callee.split())
    gap1 = source[tokens[last].end:tokens[launch.open_].start]
    config = normalize(source[tokens[launch.open_].end:tokens[launch.close].start], path)
    gap2 = source[tokens[launch.close].end:tokens[launch.lparen].start]
    args = _launch_arguments(launch, tokens, source, path)
    comma = ", " if launch.rparen > launch.lparen + 1 else ""
    # the kernel is called through ::cuemu::call_kernel, which tries the arguments as they are and, where a
    # zero_literal cannot be passed so (a parameter whose template argument the literal deduces), as int 0
    call = (f"[&](auto&&... {_LAUNCH_ARGS}b) -> decltype(({callee})(static_cast<decltype({_LAUNCH_ARGS}b)&&>"
            f"({_LAUNCH_ARGS}b)...)) {{ ({callee})(static_cast<decltype({_LAUNCH_ARGS}b)&&>({_LAUNCH_ARGS}b)...); }}")
    body = (f"[&](auto&&... {_LAUNCH_ARGS}) {{ ::cuemu::call_kernel({call}, {_LAUNCH_ARGS}...); }}"
            if "::cuemu::zero_literal()" in args else f"[&](auto&&... {_LAUNCH_ARGS}) {{ ({callee})({_LAUNCH_ARGS}...); }}")
    return f'::cuemu::launch("{name}", {body}{gap1}, ::cuemu::config({config}){gap2}{comma}{args})'


def _launch_edits(tokens: list[Token], source: str, path: str) -> list[Edit]:
    edits: list[Edit] = []
    i = 0
    while i < len(tokens):
        if tokens[i].text != "<<<":
            i += 1
            continue
        launch = _find_launch(tokens, i, source, path)
        start = tokens[launch.callee[0]].start
        if edits and start < edits[-1].end:
            raise _fail("overlapping kernel launches", source, tokens[i].start, path)
        edits.append(Edit(start, tokens[launch.rparen].end, _launch_text(launch, tokens, source, path)))
        i = launch.rparen + 1
    return edits


def normalize(source: str, path: str = "<input>") -> str:
    """Rewrite CUDA launches and `extern __shared__` arrays so that g++ with runtime_shims/emulate
    accepts the source. Strings and comments are untouched and the newline count is unchanged.
    Raises CutransError (V001) on a launch it cannot take apart."""
    asm_done = _apply(source, _asm_edits(tokenize(source), source))
    tokens = tokenize(asm_done)
    shared_done = _apply(asm_done, _extern_shared_edits(tokens, asm_done) + _static_shared_edits(tokens))
    return _apply(shared_done, _launch_edits(tokenize(shared_done), shared_done, path))


# ---------------------------------------------------------------- building


def _compiler() -> list[str]:
    return shlex.split(os.environ.get("CXX", "c++")) or ["c++"]


_ERROR_LINE = re.compile(r"(.+?):(\d+):(\d+): (?:fatal )?error: ")


def _first_errors(stderr: str, source_paths, limit: int = 5) -> tuple[str, int, int, str]:
    """Location of the first compiler error, preferring one in the program's own sources (a path or a
    list of them), and up to `limit` error lines as text."""
    own_paths = [source_paths] if isinstance(source_paths, str) else list(source_paths)
    errors = [ln for ln in stderr.splitlines() if _ERROR_LINE.match(ln)]
    text = "\n".join(errors[:limit]) or stderr.strip()[-2000:] or "(no output)"
    own = [ln for ln in errors if any(ln.startswith(p + ":") for p in own_paths)]
    m = _ERROR_LINE.match((own or errors or [""])[0])
    if m:
        return m.group(1), int(m.group(2)), int(m.group(3)), text
    return own_paths[0], 0, 0, text


def _x86() -> bool:
    return platform.machine().lower() in ("x86_64", "amd64", "i686", "i386")


@functools.cache
def _x86_without_fma() -> bool:
    """An x86 processor without FMA instructions (then GCC has nothing to contract into), read from /proc."""
    if not _x86():
        return False
    try:
        flags = next((ln for ln in Path("/proc/cpuinfo").read_text().splitlines() if ln.startswith("flags")), "")
    except OSError:
        return False
    return "fma" not in flags.split()


def contraction_flags(fmad: bool) -> tuple[str, ...]:
    """nvcc's -fmad=true in device code (CUEMU_FMAD in cuemu/qualifiers.h): functions marked __global__ or
    __device__ are compiled with GCC's contraction, on x86 with -mfma so that there is an fma to contract
    to. An x86 processor without FMA cannot run such code: there the emulation does not contract."""
    if not fmad or _x86_without_fma():
        return ()
    return ("-DCUEMU_FMAD", "-Wno-attributes", *(("-mfma",) if _x86() else ()))


# a * b + c with a = b = 1 + 2^-12 and c = -(1 + 2^-11): a * b = 1 + 2^-11 + 2^-24 rounds to 1 + 2^-11, so the sum
# is 0 when rounded twice and 2^-24 when fused
_CONTRACTION_PROBE = """#include <cuemu/qualifiers.h>
#include <cstdio>
__device__ __attribute__((noinline)) float fused(float a, float b, float c) { return a * b + c; }
int main() { volatile float a = 1.0f + 0x1p-12f, c = -(1.0f + 0x1p-11f); std::printf("%a\\n", fused(a, a, c)); }
"""


@functools.cache
def contraction_note() -> str:
    """"" when the emulation's compiler contracts device code as CUEMU_FMAD asks (or no contraction is asked
    for: an x86 without FMA), else a sentence for reports: then the emulation computes as nvcc -fmad=false
    does. Seen on a GPU machine whose g++ left `optimize("fp-contract=fast")` without effect."""
    flags = contraction_flags(True)
    if not flags:
        return ""
    import tempfile
    with tempfile.TemporaryDirectory(prefix="cutrans-fma-") as tmp:
        source, exe = Path(tmp) / "probe.cpp", Path(tmp) / "probe"
        source.write_text(_CONTRACTION_PROBE)
        try:
            subprocess.run([*_compiler(), "-std=c++17", "-O2", "-ffp-contract=off", *flags, f"-I{EMULATE_INCLUDE}",
                            str(source), "-o", str(exe)], capture_output=True, check=True, timeout=120)
            printed = subprocess.run([str(exe)], capture_output=True, text=True, timeout=30).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""                  # the program's own build reports a compiler that does not work
    if printed == "0x1p-24":
        return ""
    return (f"the emulation's compiler ({' '.join(_compiler())}) does not contract device code, so the reference "
            f"rounds a * b + c twice where nvcc fuses it (as with --fmad=false): results may differ in the last bits")


def compile_flags(source_dir: Path, *, include_dirs=(), defines=(), extra_flags=(), fmad: bool = True) -> list[str]:
    """The compiler and flags that compile the normalized copies of a program: emulation headers first, then
    the main source's own directory, then the caller's include directories. Host code never contracts;
    device code contracts as nvcc -fmad=`fmad` does. Type punning through pointers (a float4 read as half2s,
    HeCBench relu) works under nvcc, so the host compiler may not assume strict aliasing either."""
    return [
        *_compiler(), "-std=c++17", "-O2", "-fno-strict-aliasing", "-ffp-contract=off", *contraction_flags(fmad), "-x", "c++",
        f"-I{EMULATE_INCLUDE}", f"-I{source_dir}", *(f"-I{d}" for d in include_dirs),
        *(f"-D{d}" for d in defines), "-include", "cuda_runtime.h", *extra_flags,
    ]


# after the sources: what links them (the output path follows)
LINK_FLAGS = ("-x", "none", "-lm")


def compile_command(copies, exe_path: Path, source_dir: Path, **flags) -> list[str]:
    """The compiler command that builds the normalized copies (one path, or the sources of one program,
    each compiled on its own and linked together) into `exe_path`; `flags` as compile_flags takes them."""
    copies = [copies] if isinstance(copies, (str, Path)) else list(copies)
    return [*compile_flags(source_dir, **flags), *map(str, copies), *LINK_FLAGS, "-o", str(exe_path)]


def _local_header(name: str, including: Path, roots: tuple) -> tuple[Path, Path] | None:
    """(header, the root it is under) for `#include "name"` in file `including`: next to that file first,
    then in each root, as the compiler looks (the roots being on its -I path); None outside the roots."""
    for base in (including.parent, *roots):
        header = (base / name).resolve()
        root = next((r for r in roots if r in header.parents), None)
        if root is not None and header.is_file():
            return header, root
    return None


def _copy_local_headers(path: Path, source: str, workdir: Path, roots: tuple, seen: set) -> None:
    """Normalized copies of the headers that `source` includes with quotes from the program's own
    folders (`roots`: the main file's, and for translated HIP the original program's), at the same
    relative paths under `workdir`, next to the normalized main file: a quoted include looks next to the
    including file first, so the compiler takes the copies (kernels and launches in a program's own
    headers need the same rewrite as in its main file)."""
    for name in QUOTED_INCLUDE.findall(source):
        found = _local_header(name, path, roots)
        if found is None or found[0] in seen:
            continue
        header, root = found
        seen.add(header)
        text = header.read_text(encoding="utf-8", errors="surrogateescape")
        target = workdir / header.relative_to(root)
        target.parent.mkdir(parents=True, exist_ok=True)
        quoted = str(header).replace("\\", "\\\\").replace('"', '\\"')
        target.write_text(f'#line 1 "{quoted}"\n' + normalize(text, str(header)),
                          encoding="utf-8", errors="surrogateescape")
        _copy_local_headers(header, text, workdir, roots, seen)


def _normalized_copy(source_path: Path, workdir: Path, roots: tuple, code: str, what: str) -> Path:
    """The normalized copy of one source in `workdir` (`<name>.cuemu.cpp`), with its local headers."""
    try:
        source = source_path.read_text(encoding="utf-8", errors="surrogateescape")
    except OSError as exc:
        raise CutransError(error(code, f"cannot read the source of {what}: {exc.strerror}", str(source_path)))
    copy = workdir / f"{source_path.name}.cuemu.cpp"
    quoted = str(source_path).replace("\\", "\\\\").replace('"', '\\"')
    copy.write_text(f'#line 1 "{quoted}"\n' + normalize(source, str(source_path)),
                    encoding="utf-8", errors="surrogateescape")
    _copy_local_headers(source_path, source, workdir, roots, set())
    return copy


def build_reference(source_path, exe_path, *, include_dirs=(), defines=(), extra_flags=(), workdir,
                    code: str = "V001", what: str = "the CPU emulation reference", header_roots=(),
                    fmad: bool = True, also=()) -> None:
    """Compile the CUDA program at `source_path` for the CPU emulation into `exe_path`; `also` are further
    source files of the same program (.cu or .cpp), each compiled on its own and linked with it, as
    `nvcc main.cu other.cpp` does. The normalized copies go into `workdir`, with their local headers (from
    each source's folder and `header_roots`); the inputs are never modified. Raises CutransError (`code`,
    V001 unless the caller builds something else against the emulation, named by `what`) on failure."""
    source_path, exe_path, workdir = Path(source_path), Path(exe_path), Path(workdir)
    sources = [source_path, *map(Path, also)]
    clash = first_duplicate([p.name for p in sources])
    if clash:
        raise CutransError(error(code, f"two sources of {what} have the same file name '{clash}'", str(source_path)))
    workdir.mkdir(parents=True, exist_ok=True)
    extra_roots = tuple(Path(r).resolve() for r in header_roots)
    copies = [_normalized_copy(p, workdir, (p.resolve().parent, *extra_roots), code, what) for p in sources]
    extra_flags = (*extra_flags, *toolchain.host_openmp_flags(workdir))      # a program that includes <omp.h>
    flags = dict(include_dirs=include_dirs, defines=defines, extra_flags=extra_flags, fmad=fmad)
    source_dir = source_path.resolve().parent
    objcache.cached_program(compile_flags(source_dir, **flags), list(LINK_FLAGS), copies, exe_path,
                            workdir, lambda: _compile(compile_command(copies, exe_path, source_dir, **flags),
                                                      sources, code, what))


def _compile(cmd: list[str], sources: list[Path], code: str, what: str) -> None:
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=600)
    except FileNotFoundError:
        raise CutransError(error(code, f"the C++ compiler '{cmd[0]}' was not found (set CXX)", str(sources[0])))
    except subprocess.TimeoutExpired:
        raise CutransError(error(code, f"the build of {what} ran past 600 s", str(sources[0])))
    if done.returncode != 0:
        path, line, col, text = _first_errors(done.stderr, [str(p) for p in sources])
        raise CutransError(error(code, f"{what} did not build:\n{text}", path, line, col))


def first_duplicate(names) -> str | None:
    """The first name that occurs twice in `names` (files that would overwrite each other), or None."""
    seen = set()
    for name in names:
        if name in seen:
            return name
        seen.add(name)
    return None
