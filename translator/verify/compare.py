"""Comparing what two programs printed: the reference's output against a translation's.

Each output is cut into lines; lines that match an ignore pattern (timings, by default) and blank lines are
dropped, and the remaining lines are paired in order. Each line is cut into tokens: numbers (integers,
decimals with or without an exponent, inf/infinity/nan with an optional sign) and words of other text
(split at whitespace, so runs of whitespace never matter). Paired tokens are compared by `ComparePolicy`:

* an integer in the reference must be the same integer in the translation, exactly;
* a decimal in the reference matches a number within `abs_tol` or within `rel_tol` relative to the
  reference (either bound suffices); nan matches nan (of either sign), inf matches inf of the same sign,
  and -0 matches 0;
* other text must be identical.

Printed numbers are compared as exact decimals, so a tolerance edge is not blurred by binary rounding
(1.00001 against 1.00000 differs by exactly 1e-5). stdout alone is compared; the exit statuses must match.

Why the default tolerances suit float32 programs that print with %f or %g: %g prints six significant
digits, so two float32 results one ulp apart (1.2e-7 relative) can print a unit apart in the sixth digit,
at most 1e-5 relative (1.00000 against 1.00001): rel_tol = 1e-5 is the smallest bound that absorbs that,
and it is still ~80 float32 ulps, room for a different summation order, FMA contraction or a libm that is
a few ulps off. %f prints six decimals, so values near zero (where a relative bound means nothing) can
differ by a unit in the sixth decimal: abs_tol = 1e-6.
"""

from __future__ import annotations

import dataclasses
import decimal
import re
import signal
from typing import Iterable, Iterator, NamedTuple

from translator.diagnostics import CutransError, error

DEFAULT_IGNORE_PATTERNS: tuple[str, ...] = (
    # A line in either output that matches one of these (case-insensitive `re.search`) is not compared.
    r"\b(?:run)?time\b",
    r"\btiming\b",
    r"\belapsed\b",
    r"\b[mun]?s(?:ec|ecs|econds?)\b",  # sec, secs, second(s), msec, usec, nsec
    r"\b(?:ms|us|ns)\b",
    r"\d(?:ms|us|ns)\b",  # 12ms
    r"\bGB/s\b",
    r"[A-Za-z]/s\b",  # any rate: GByte/s, Lookups/s, Mkeys/s (HeCBench dslash, rsbench)
    r"\bper second\b",
    r"\b[KMGTP]FLOP",  # GFLOP, GFLOPS, GFLOP/s, TFLOPS: rates (a plain FLOP count is compared)
    r"\bthroughput\b",
    r"\bspeed-?ups?\b",  # a ratio of two timings
    r"\bbandwidth\b",
)

_NUMBER = re.compile(
    r"(?<![\w.])[+-]?(?:"
    r"(?P<int>\d+)(?!\w|\.\d|\.[eE])"
    r"|(?:\d+\.\d*|\.\d+|\d+(?=[eE]))(?:[eE][+-]?\d+)?(?!\w)"
    r"|(?:inf(?:inity)?|nan)(?!\w)"
    r")",
    re.IGNORECASE,
)
_DECIMAL = decimal.Context(prec=60, Emax=decimal.MAX_EMAX, Emin=decimal.MIN_EMIN, traps=[])


class Token(NamedTuple):
    text: str
    kind: str  # "int" | "float" | "text"


@dataclasses.dataclass(frozen=True)
class ComparePolicy:
    """How closely a translation's output must follow the reference's (see the module docstring)."""

    rel_tol: float = 1e-5
    abs_tol: float = 1e-6
    ignore_patterns: tuple[str, ...] = DEFAULT_IGNORE_PATTERNS
    max_recorded: int = 100  # mismatches kept in the result; all of them are counted
    _ignore: tuple[re.Pattern, ...] = dataclasses.field(default=(), init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name in ("rel_tol", "abs_tol"):
            _check_number(name, getattr(self, name), float)
        _check_number("max_recorded", self.max_recorded, int)
        object.__setattr__(self, "ignore_patterns", tuple(self.ignore_patterns))
        object.__setattr__(self, "_ignore", tuple(_compile_ignore(p) for p in self.ignore_patterns))

    def with_ignored(self, *patterns: str) -> ComparePolicy:
        """This policy, ignoring lines that match `patterns` as well."""
        return dataclasses.replace(self, ignore_patterns=self.ignore_patterns + patterns)

    def replace_ignored(self, patterns: Iterable[str]) -> ComparePolicy:
        """This policy, ignoring lines that match `patterns` instead (empty: compare every line)."""
        return dataclasses.replace(self, ignore_patterns=tuple(patterns))

    def ignores(self, line: str) -> bool:
        return any(pattern.search(line) for pattern in self._ignore)


def _check_number(name: str, value, kind: type) -> None:
    numeric = isinstance(value, (int, float) if kind is float else int) and not isinstance(value, bool)
    if not (numeric and 0 <= value < float("inf")):
        raise CutransError(error("U001", f"{name} must be a finite number >= 0, not {value!r}"))


def _compile_ignore(pattern: str) -> re.Pattern:
    try:
        return re.compile(pattern, re.IGNORECASE)
    except (re.error, TypeError) as exc:
        raise CutransError(error("U001", f"bad ignore pattern {pattern!r}: {exc}"))


DEFAULT_POLICY = ComparePolicy()


@dataclasses.dataclass(frozen=True)
class Mismatch:
    """One difference. Lines and tokens count from 1; a side that has no such line or token has None."""

    kind: str  # "number" | "text" | "missing-token" | "extra-token" | "missing-line" | "extra-line"
    expected_line: int | None
    actual_line: int | None
    token: int | None
    expected: str
    actual: str
    abs_diff: float | None = None
    rel_diff: float | None = None

    def position(self) -> str:
        line = f"line {self.expected_line}" if self.expected_line else f"actual line {self.actual_line}"
        if self.expected_line and self.actual_line and self.actual_line != self.expected_line:
            line += f" (actual line {self.actual_line})"
        return line if self.token is None else f"{line}, token {self.token}"

    def describe(self) -> str:
        text = f"{self.position()}: expected {self.expected or '(nothing)'!s}, got {self.actual or '(nothing)'!s}"
        if self.abs_diff is not None:
            text += f" (abs diff {self.abs_diff:.3g}, rel diff {self.rel_diff:.3g})"
        return text


def _severity(m: Mismatch) -> tuple[float, float]:
    return tuple(float("inf") if v != v else v for v in (m.rel_diff, m.abs_diff))


@dataclasses.dataclass(frozen=True)
class Comparison:
    """The outcome of one comparison. `worst` is the numeric mismatch with the largest relative
    difference (the earliest among equals), or None when no two numbers differ."""

    ok: bool
    count: int  # output mismatches, all of them
    mismatches: tuple[Mismatch, ...]  # the first `max_recorded` of them
    first: Mismatch | None
    worst: Mismatch | None
    expected_lines: int  # lines compared (after ignored and blank lines were dropped)
    actual_lines: int
    numbers: int  # number pairs compared
    exit_status: tuple[int, int] | None = None  # (expected, actual) when they differ

    def summary(self) -> str:
        """A few lines for humans: the verdict, the first and worst differences, the exit statuses."""
        if self.ok:
            return f"outputs match ({self.numbers} numbers on {self.expected_lines} lines)"
        lines = [f"{self.count} mismatch{'es' if self.count != 1 else ''} "
                 f"({self.numbers} numbers compared; reference {self.expected_lines} lines, "
                 f"translation {self.actual_lines} lines)"]
        if self.first:
            lines.append(f"first: {self.first.describe()}")
        if self.worst and self.worst is not self.first:
            lines.append(f"worst: {self.worst.describe()}")
        if self.actual_lines != self.expected_lines:
            lines.append(_line_count_text(self.expected_lines, self.actual_lines))
        if self.exit_status:
            expected, actual = (_status_text(s) for s in self.exit_status)
            lines.append(f"exit status: expected {expected}, got {actual}")
        return "\n".join(lines)


def _line_count_text(expected: int, actual: int) -> str:
    kind = "missing lines" if expected > actual else "extra lines"
    return f"{kind}: the translation printed {abs(expected - actual)} {'fewer' if expected > actual else 'more'}"


def _status_text(status: int) -> str:
    if status >= 0:
        return str(status)
    try:
        return f"{signal.Signals(-status).name} ({status})"
    except ValueError:
        return str(status)


def tokenize(line: str) -> list[Token]:
    """Numbers and whitespace-separated words of other text, in order."""
    tokens: list[Token] = []
    end = 0
    for match in _NUMBER.finditer(line):
        tokens += [Token(w, "text") for w in line[end:match.start()].split()]
        tokens.append(Token(match.group(), "int" if match.group("int") else "float"))
        end = match.end()
    tokens += [Token(w, "text") for w in line[end:].split()]
    return tokens


class _Line(NamedTuple):
    number: int  # 1-based, in the whole output
    text: str
    tokens: list[Token]


def _kept_lines(output: str, policy: ComparePolicy) -> list[_Line]:
    return [_Line(n, line.strip(), tokenize(line)) for n, line in enumerate(output.splitlines(), 1)
            if line.strip() and not policy.ignores(line)]


def _numbers_paired(expected: list[_Line], actual: list[_Line]) -> int:
    return sum(e.kind != "text" and a.kind != "text"
               for e_line, a_line in zip(expected, actual) for e, a in zip(e_line.tokens, a_line.tokens))


def _diffs(expected: decimal.Decimal, actual: decimal.Decimal) -> tuple[decimal.Decimal, decimal.Decimal]:
    if expected.is_nan() or actual.is_nan():
        nan = decimal.Decimal("nan")
        return nan, nan
    if expected.is_infinite() or actual.is_infinite():
        inf = decimal.Decimal("inf")
        return (decimal.Decimal(0),) * 2 if expected == actual else (inf, inf)
    diff = _DECIMAL.abs(_DECIMAL.subtract(actual, expected))
    if not expected:
        return diff, (decimal.Decimal(0) if not diff else decimal.Decimal("inf"))
    return diff, _DECIMAL.divide(diff, abs(expected))


def _numbers_match(e: Token, a: Token, diff: decimal.Decimal, rel: decimal.Decimal, policy: ComparePolicy) -> bool:
    if e.kind == "int":
        return a.kind == "int" and diff == 0
    if diff.is_nan():
        return decimal.Decimal(e.text).is_nan() and decimal.Decimal(a.text).is_nan()
    return diff <= decimal.Decimal(repr(policy.abs_tol)) or rel <= decimal.Decimal(repr(policy.rel_tol))


def _compare_tokens(e: Token, a: Token, lines: tuple[int, int], index: int,
                    policy: ComparePolicy) -> Mismatch | None:
    if e.kind == "text" or a.kind == "text":
        return None if e == a else Mismatch("text", *lines, index, e.text, a.text)
    diff, rel = _diffs(decimal.Decimal(e.text), decimal.Decimal(a.text))
    if _numbers_match(e, a, diff, rel, policy):
        return None
    return Mismatch("number", *lines, index, e.text, a.text, float(diff), float(rel))


def _compare_line(expected: _Line, actual: _Line, policy: ComparePolicy) -> Iterator[Mismatch]:
    lines = (expected.number, actual.number)
    e_tokens, a_tokens = expected.tokens, actual.tokens
    for index, (e, a) in enumerate(zip(e_tokens, a_tokens), 1):
        mismatch = _compare_tokens(e, a, lines, index, policy)
        if mismatch:
            yield mismatch
    for index in range(len(a_tokens) + 1, len(e_tokens) + 1):
        yield Mismatch("missing-token", *lines, index, e_tokens[index - 1].text, "")
    for index in range(len(e_tokens) + 1, len(a_tokens) + 1):
        yield Mismatch("extra-token", *lines, index, "", a_tokens[index - 1].text)


def _all_mismatches(expected: list[_Line], actual: list[_Line], policy: ComparePolicy) -> Iterator[Mismatch]:
    for e, a in zip(expected, actual):
        yield from _compare_line(e, a, policy)
    for line in expected[len(actual):]:
        yield Mismatch("missing-line", line.number, None, None, line.text, "")
    for line in actual[len(expected):]:
        yield Mismatch("extra-line", None, line.number, None, "", line.text)


def _is_worse(mismatch: Mismatch, worst: Mismatch | None) -> bool:
    return mismatch.kind == "number" and (worst is None or _severity(mismatch) > _severity(worst))


def compare_outputs(expected: str, actual: str, policy: ComparePolicy = DEFAULT_POLICY, *,
                    expected_status: int = 0, actual_status: int = 0) -> Comparison:
    """Compares a translation's output (`actual`) with the reference's (`expected`) under `policy`."""
    e_lines, a_lines = _kept_lines(expected, policy), _kept_lines(actual, policy)
    recorded: list[Mismatch] = []
    count, first, worst = 0, None, None
    for mismatch in _all_mismatches(e_lines, a_lines, policy):
        count += 1
        first = first or mismatch
        worst = mismatch if _is_worse(mismatch, worst) else worst
        if len(recorded) < policy.max_recorded:
            recorded.append(mismatch)
    status = None if expected_status == actual_status else (expected_status, actual_status)
    return Comparison(count == 0 and status is None, count, tuple(recorded), first, worst,
                      len(e_lines), len(a_lines), _numbers_paired(e_lines, a_lines), status)


def compare_runs(reference, translation, policy: ComparePolicy = DEFAULT_POLICY) -> Comparison:
    """compare_outputs on two run.RunResult objects: their stdout and their exit statuses."""
    return compare_outputs(reference.stdout, translation.stdout, policy,
                           expected_status=reference.returncode, actual_status=translation.returncode)
