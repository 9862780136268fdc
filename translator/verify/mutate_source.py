"""The IR mutants of translator/verify/mutate.py, replayed as text edits on the HIP output.

The HIP backend does not emit device code from the IR: its output is the original source with
table-driven edits. An IR mutant therefore never reaches it, so each mutant is applied a second time,
as an edit of the `.hip` text at the mutated construct's source location:

    off-by-one-index  a[i]                -> a[(i) + 1]
    drop-barrier      __syncthreads()     -> ((void)0)
    shuffle-offset    __shfl_down_sync(m, v, d) -> __shfl_down_sync(m, v, (d) + 1)
    double-to-float   double acc = ...    -> float acc = ...
    atomic-to-plain   atomicAdd(p, v)     -> cutrans_plain_add(p, v)   (helper defined after the HIP include)

Locations are those of the original file. The HIP output keeps the original's lines except where it
inserts one (an extra #include), so an original line is found in the output by aligning the two texts
line by line; on a line the backend rewrote, the construct is searched for on the line instead of
trusting its column. Where the edit cannot be placed unambiguously, NotApplicable says why: an edit
is never silently skipped.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from pathlib import Path

from translator.backends.hip_warp import WARP32_NAMES
from translator.verify.reference import tokenize

HIP_INCLUDE = re.compile(r"^[ \t]*#[ \t]*include[ \t]*<hip/hip_runtime\.h>[^\n]*(\n|\Z)", re.M)
PLAIN_ADD = "cutrans_plain_add"
PLAIN_ADD_HELPER = (
    "// cutrans mutation test: atomicAdd replaced by a plain (non-atomic) read-modify-write\n"
    "template <typename T, typename U>\n"
    f"__device__ inline T {PLAIN_ADD}(T *p, U v) {{ T old = *p; *p = static_cast<T>(old + v); return old; }}\n")

# Which argument of each shuffle is the lane / delta / lane mask (0-based).
SHUFFLE_LANE_ARG = {
    "__shfl_sync": 2, "__shfl_up_sync": 2, "__shfl_down_sync": 2, "__shfl_xor_sync": 2,
    "__shfl": 1, "__shfl_up": 1, "__shfl_down": 1, "__shfl_xor": 1,
}
# HIP output for wave64 calls the 32-lane twins (translator/backends/hip_warp.py), with the same arguments.
SHUFFLE_LANE_ARG.update({WARP32_NAMES[name]: arg for name, arg in SHUFFLE_LANE_ARG.items() if name in WARP32_NAMES})
# Tokens that may stand between a declaration's `double` and the declared name.
_DECL_QUALIFIERS = {"const", "volatile", "register", "__restrict__", "restrict"}
_OPEN, _CLOSE = {"(": ")", "[": "]", "{": "}"}, {")", "]", "}"}


class NotApplicable(Exception):
    """The mutant has no unambiguous place in the HIP text; str() is the reason."""


@dataclasses.dataclass(frozen=True)
class SourceSite:
    operator: str
    file: str                 # base name of the file holding the construct
    line: int
    col: int
    subscript: int = 0        # off-by-one-index: subscripts before the mutated one in its postfix chain
    name: str = ""            # double-to-float: the declared variable ("" for a double operation)

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}:{self.col}"


def site_of(mutant) -> SourceSite:
    """The SourceSite of a translator.verify.mutate.Mutant."""
    if mutant.location == "<ir>":
        raise NotApplicable("the mutated construct has no source location")
    file, line, col = mutant.location.rsplit(":", 2)
    return SourceSite(mutant.operator, file, int(line), int(col), mutant.subscript, mutant.declared)


# -- tokens: translator.verify.reference.tokenize (comments, strings and raw strings skipped)

def matching(tokens: list, i: int) -> int:
    """Index of the bracket closing tokens[i] (one of ( [ {)."""
    stack = []
    for k in range(i, len(tokens)):
        t = tokens[k].text
        if t in _OPEN:
            stack.append(_OPEN[t])
        elif t in _CLOSE:
            if not stack or stack.pop() != t:
                raise NotApplicable(f"unbalanced '{t}' after the location")
            if not stack:
                return k
    raise NotApplicable(f"no '{_OPEN[tokens[i].text]}' closes the '{tokens[i].text}'")


def arguments(tokens: list, open_paren: int) -> list[tuple[int, int]]:
    """Token index ranges [first, last) of the arguments of the call whose `(` is at open_paren."""
    close, depth, args, first = matching(tokens, open_paren), 0, [], open_paren + 1
    for k in range(open_paren + 1, close):
        t = tokens[k].text
        depth += t in _OPEN
        depth -= t in _CLOSE
        if t == "," and depth == 0:
            args.append((first, k))
            first = k + 1
    return args + ([(first, close)] if first < close else [])


# -- where an original location lies in the HIP text

def _lines(text: str) -> list[str]:
    return text.split("\n")


def _nth_on_line(original: str, col: int, changed: str) -> int:
    """Column (0-based) in `changed` of the token at `col` (1-based) of `original`, found as the same
    occurrence of the same token text."""
    tokens = tokenize(original[col - 1:])
    if not tokens or tokens[0].start != 0:
        raise NotApplicable("the location is not at a token")
    token = tokens[0]
    edge = r"\b" if token.kind == "id" else ""
    before = [x.start() for x in re.finditer(edge + re.escape(token.text) + edge, original)]
    # the HIP text may spell the token as its wave64 twin (translator/backends/hip_warp.py)
    spelled = token.text if re.search(edge + re.escape(token.text) + edge, changed) else \
        WARP32_NAMES.get(token.text, token.text)
    after = [x.start() for x in re.finditer(edge + re.escape(spelled) + edge, changed)]
    if len(before) != len(after) or col - 1 not in before:
        raise NotApplicable(f"the HIP output rewrote this line and '{token.text}' cannot be matched on it")
    return after[before.index(col - 1)]


def hip_offset(original: str, hip: str, line: int, col: int) -> int:
    """Offset in `hip` of line:col (1-based) of `original`. Raises NotApplicable when the line has no
    counterpart in the HIP text."""
    old, new = _lines(original), _lines(hip)
    if not 1 <= line <= len(old):
        raise NotApplicable(f"line {line} is past the end of the file")
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if i1 <= line - 1 < i2 and (tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1)):
            target = j1 + (line - 1 - i1)
            column = col - 1 if tag == "equal" else _nth_on_line(old[line - 1], col, new[target])
            return sum(len(s) + 1 for s in new[:target]) + column
    raise NotApplicable(f"line {line} has no counterpart in the HIP output")


# -- the edits: (tokens, index of the token at the location, site) -> [(start, end, replacement)]

def _subscript(tokens, i, site):
    skip = site.subscript
    while i < len(tokens):
        t = tokens[i]
        if t.text == "[":
            close = matching(tokens, i)
            if skip == 0:
                if close == i + 1:
                    raise NotApplicable("empty subscript")
                lo, hi = tokens[i + 1].start, tokens[close - 1].end
                return [(lo, hi, None)]          # None: wrap as (x) + 1
            skip, i = skip - 1, close + 1
        elif t.text == "(":
            i = matching(tokens, i) + 1
        elif t.kind == "id" or t.text in (".", "->", "::"):
            i += 1
        else:
            break
    found = tokens[i].text if i < len(tokens) else "end of file"
    raise NotApplicable(f"no subscript follows the location ('{found}' ends the expression)")


def _barrier(tokens, i, site):
    if [t.text for t in tokens[i:i + 3]] != ["__syncthreads", "(", ")"]:
        raise NotApplicable(f"'{tokens[i].text}' at the location is not a __syncthreads() call")
    return [(tokens[i].start, tokens[i + 2].end, "((void)0)")]


def _shuffle(tokens, i, site):
    name = tokens[i].text
    if name not in SHUFFLE_LANE_ARG or i + 1 >= len(tokens) or tokens[i + 1].text != "(":
        raise NotApplicable(f"'{name}' at the location is not a shuffle call ({', '.join(SHUFFLE_LANE_ARG)})")
    args = arguments(tokens, i + 1)
    k = SHUFFLE_LANE_ARG[name]
    if k >= len(args) or args[k][0] == args[k][1]:
        raise NotApplicable(f"{name} has no argument {k + 1}")
    first, last = args[k]
    return [(tokens[first].start, tokens[last - 1].end, None)]


def _double(tokens, i, site):
    if not site.name:
        raise NotApplicable("a double operation, not a declaration: only a declaration's `double` is edited")
    if tokens[i].text != site.name:
        raise NotApplicable(f"'{tokens[i].text}' at the location is not the declared name '{site.name}'")
    k = i - 1
    while k >= 0 and tokens[k].text in _DECL_QUALIFIERS:
        k -= 1
    if k < 0 or tokens[k].text != "double" or (k > 0 and tokens[k - 1].text in ("long", "unsigned", "short")):
        raise NotApplicable(f"'{site.name}' is not declared with a plain `double` token right before it")
    depth, j = 0, i
    while j < len(tokens) and not (depth == 0 and tokens[j].text in (";", ")")):
        depth += (tokens[j].text in _OPEN) - (tokens[j].text in _CLOSE)
        if depth == 0 and tokens[j].text == ",":
            raise NotApplicable(f"the declaration of '{site.name}' declares other variables with the same `double`")
        j += 1
    return [(tokens[k].start, tokens[k].end, "float")]


def _atomic(tokens, i, site):
    if [t.text for t in tokens[i:i + 2]] != ["atomicAdd", "("]:
        raise NotApplicable(f"'{tokens[i].text}' at the location is not an atomicAdd call")
    return [(tokens[i].start, tokens[i].end, PLAIN_ADD)]


EDITS = {
    "off-by-one-index": _subscript,
    "drop-barrier": _barrier,
    "shuffle-offset": _shuffle,
    "double-to-float": _double,
    "atomic-to-plain": _atomic,
}


def _helper_edit(hip: str) -> tuple[int, int, str]:
    """Insert the plain-add helper after the HIP runtime include (where __device__ is defined)."""
    m = HIP_INCLUDE.search(hip)
    if not m:
        raise NotApplicable("no #include <hip/hip_runtime.h> to put the plain-add helper after")
    return (m.end(), m.end(), ("" if m[1] else "\n") + PLAIN_ADD_HELPER)


def apply_to_text(site: SourceSite, original: bytes, hip: bytes) -> bytes:
    """The HIP text with `site`'s mutation in it. Raises NotApplicable with the reason when the edit
    has no unambiguous place. Byte columns: both texts are read as latin-1 (one character per byte)."""
    if site.operator not in EDITS:
        raise NotApplicable(f"no source edit for operator {site.operator}")
    old, new = original.decode("latin-1"), hip.decode("latin-1")
    at = hip_offset(old, new, site.line, site.col)
    tokens = tokenize(new)
    index = next((k for k, t in enumerate(tokens) if t.start == at), None)
    if index is None:
        raise NotApplicable(f"{site.where} is not at a token of the HIP text (inside a comment or a token)")
    edits = EDITS[site.operator](tokens, index, site)
    if site.operator == "atomic-to-plain":
        edits.append(_helper_edit(new))
    for start, end, text in sorted(edits, key=lambda e: e[0], reverse=True):
        replacement = f"({new[start:end]}) + 1" if text is None else text
        new = new[:start] + replacement + new[end:]
    out = new.encode("latin-1")
    assert out != hip, f"the {site.operator} edit at {site.where} left the HIP text unchanged"
    return out


def hip_source_name(output) -> str:
    names = [n for n in output.files if n.endswith(".hip")]
    if len(names) != 1:
        raise NotApplicable(f"the HIP output has {len(names)} .hip files, expected one")
    return names[0]


def apply_to_output(mutant, unit, output):
    """A copy of the HIP `output` of the unmutated `unit` with `mutant` applied to its .hip file."""
    site = site_of(mutant)
    if site.file != Path(unit.path).name:
        raise NotApplicable(f"the construct is in {site.file}, not in the translated file {Path(unit.path).name}")
    name = hip_source_name(output)
    files = {**output.files, name: apply_to_text(site, unit.source, output.files[name])}
    return dataclasses.replace(output, files=files)


class SourceMutatedHip:
    """A HIP backend stand-in: `translate(unit, options)` gives the HIP output of the unmutated unit with
    the mutant applied as a source edit. Raises NotApplicable where it cannot be placed."""

    name = "hip"

    def __init__(self, mutant):
        self.mutant = mutant

    def translate(self, unit, options=None):
        from translator.driver import backend_for
        return apply_to_output(self.mutant, unit, backend_for("hip").translate(unit, options or {}))
