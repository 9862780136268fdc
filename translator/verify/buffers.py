"""Kernel-mode data: synthesizing input buffers from a seed, and comparing output buffers element by element.

Comparison policy (issue "verify"):
* integers, and every field of an integer dtype, must be bit-identical;
* a float element matches when both are NaN, or both are the same infinity, or (for finite values) the
  distance in units in the last place is at most `max_ulp`, or the difference is within `abs_tol`, or
  within `rel_tol` of the reference's magnitude. -0 matches +0.
DEFAULT_TOLERANCE gives the bounds per dtype. max_ulp = 4 for float32/float64 because the OpenCL C
full profile allows built-ins such as sin, exp and log up to 4 ulp (CUDA's sinf: 2 ulp) while the
reference uses the host's libm; rel_tol/abs_tol are those of program mode (see compare.py) and absorb error
that grows through a few dependent operations. A case widens them only with a stated reason.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np

from translator.verify.kernel_spec import BufferArg, DType, Fill, Tolerance

DEFAULT_TOLERANCE: dict[str, Tolerance] = {
    "float16": Tolerance(max_ulp=1, rel_tol=1e-3, abs_tol=1e-5),
    "bfloat16": Tolerance(max_ulp=1, rel_tol=1e-2, abs_tol=1e-5),
    "float32": Tolerance(max_ulp=4, rel_tol=1e-5, abs_tol=1e-6),
    "float64": Tolerance(max_ulp=4, rel_tol=1e-12, abs_tol=1e-14),
}
_EXACT = Tolerance(max_ulp=0, rel_tol=0.0, abs_tol=0.0)
_RANDOM_INT_RANGE = {"int": (-100, 100), "uint": (0, 100)}
_FLOAT_SPECIALS = (0.0, -0.0, 1.0, -1.0, "min_subnormal", "-min_subnormal", "max", "-max", "inf", "-inf", "nan",
                   "tiny", 1e-3, 3.0e4)
_INT_SPECIALS = (0, 1, -1, "min", "max", 2, "min+1", "max-1")


def record_dtype(arg: BufferArg) -> np.dtype:
    """numpy's view of one element: the dtype itself, or a C-aligned struct of the record's fields."""
    if not arg.record:
        return np.dtype(arg.fields[0].numpy)
    return np.dtype({"names": [f"f{i}" for i in range(len(arg.fields))],
                     "formats": [f.numpy for f in arg.fields]}, align=True)


def _float_special(d: DType, name) -> float:
    if not isinstance(name, str):
        return name
    info = np.finfo(np.dtype(d.numpy)) if d.name != "bfloat16" else None
    sign = -1.0 if name.startswith("-") else 1.0
    key = name.lstrip("-")
    values = {"inf": np.inf, "nan": np.nan}
    if info is not None:
        values.update(min_subnormal=float(info.smallest_subnormal), max=float(info.max), tiny=float(info.tiny))
    return sign * values.get(key, 0.0)


def _int_special(d: DType, name) -> int:
    info = np.iinfo(np.dtype(d.numpy))
    table = {"min": info.min, "max": info.max, "min+1": info.min + 1, "max-1": info.max - 1}
    return table.get(name, name) if isinstance(name, str) else name


def _bf16_bits(values: np.ndarray) -> np.ndarray:
    """float32 values rounded to bfloat16 (nearest even), as the uint16 bit patterns."""
    bits = values.astype("<f4").view("<u4").astype(np.uint64)
    rounded = (bits + 0x7FFF + ((bits >> 16) & 1)) >> 16
    nan = np.isnan(values)
    return np.where(nan, 0x7FC0, rounded).astype("<u2")


def _field_values(d: DType, fill: Fill, count: int, rng: np.random.Generator) -> np.ndarray:
    """`count` values of one field, in the field's numpy dtype."""
    np_type = np.dtype(d.numpy)
    if d.kind == "float":
        values = _float_fill(d, fill, count, rng)
        return _bf16_bits(values) if d.name == "bfloat16" else values.astype(np_type)
    return _int_fill(d, fill, count, rng).astype(np_type)


def _float_fill(d: DType, fill: Fill, count: int, rng: np.random.Generator) -> np.ndarray:
    kind = fill.kind
    if kind == "random":
        return rng.uniform(-1.0, 1.0, count)
    if kind == "uniform":
        return rng.uniform(fill.low, fill.high, count)
    if kind == "special":   # every 2nd element a special value, in turn; the others random
        values = rng.uniform(-1.0, 1.0, count)
        specials = [_float_special(d, s) for s in _FLOAT_SPECIALS]
        picks = np.arange(0, count, 2)
        values[picks] = [specials[k % len(specials)] for k in range(len(picks))]
        return values
    return _common_fill(fill, count)


def _int_fill(d: DType, fill: Fill, count: int, rng: np.random.Generator) -> np.ndarray:
    info = np.iinfo(np.dtype(d.numpy))
    if fill.kind in ("random", "uniform"):
        lo, hi = _RANDOM_INT_RANGE[d.kind] if fill.kind == "random" else (fill.low, fill.high)
        lo, hi = max(int(np.ceil(lo)), int(info.min)), min(int(np.floor(hi)), int(info.max))
        return rng.integers(lo, hi, count, endpoint=True, dtype=np.int64 if d.kind == "int" else np.uint64)
    if fill.kind == "special":
        values = rng.integers(0, 100, count, endpoint=True).astype(object)
        specials = [_int_special(d, s) for s in _INT_SPECIALS if d.kind == "int" or not str(s).startswith(("-", "min"))]
        specials = [s for s in specials if info.min <= s <= info.max]
        for k, i in enumerate(range(0, count, 2)):
            values[i] = specials[k % len(specials)]
        return np.array([int(v) for v in values], dtype=np.dtype(d.numpy))
    return np.mod(_common_fill(fill, count), 2 ** d.bits) if fill.kind == "range" else _common_fill(fill, count)


def _common_fill(fill: Fill, count: int) -> np.ndarray:
    if fill.kind == "zeros":
        return np.zeros(count)
    if fill.kind == "ones":
        return np.ones(count)
    if fill.kind == "range":
        return np.arange(count, dtype=np.float64)
    return np.full(count, fill.low)          # constant


def synthesize(arg: BufferArg, index: int, seed: int) -> np.ndarray:
    """The initial contents of buffer argument `index`: the same bytes for a given (seed, index, declaration)."""
    rng = np.random.default_rng([seed, index])
    element = record_dtype(arg)
    out = np.zeros(arg.elements, dtype=element)
    if not arg.record:
        out[:] = _field_values(arg.fields[0], arg.fill, arg.elements, rng)
        return out
    for i, field in enumerate(arg.fields):
        out[f"f{i}"] = _field_values(field, arg.fill, arg.elements, rng)
    return out


def write_inputs(args, seed: int, folder: Path) -> dict[int, np.ndarray]:
    """Writes argN.bin for every buffer argument into `folder`; returns the arrays by argument index."""
    folder.mkdir(parents=True, exist_ok=True)
    arrays = {}
    for index, arg in enumerate(args):
        if isinstance(arg, BufferArg):
            arrays[index] = synthesize(arg, index, seed)
            arrays[index].tofile(folder / f"arg{index}.bin")
    return arrays


# ---------------------------------------------------------------------------------------------------- compare

def _ordered(bits: np.ndarray, width: int) -> np.ndarray:
    """Float bit patterns mapped to integers in value order, so ulp distance is a subtraction."""
    as_int = bits.astype(np.int64) if width < 64 else bits.view(np.int64)
    if width < 64:
        sign = np.int64(1) << (width - 1)
        as_int = np.where(as_int >= sign, as_int - (sign << 1), as_int)     # two's complement view
        return np.where(as_int < 0, -sign - as_int, as_int)
    return np.where(as_int < 0, np.iinfo(np.int64).min - as_int, as_int)


def _float_view(d: DType, raw: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(values as float64, ordered integers for ulp distance) of one float field."""
    if d.name == "bfloat16":
        bits = raw.astype("<u2")
        values = (bits.astype("<u4") << 16).view("<f4").astype(np.float64)
    else:
        raw = np.ascontiguousarray(raw)
        values = raw.astype(np.float64)
        bits = raw.view({16: "<u2", 32: "<u4", 64: "<u8"}[d.bits])
    return values, _ordered(bits, d.bits)


@dataclasses.dataclass
class FieldDiff:
    bad: np.ndarray               # bool per element
    severity: np.ndarray          # larger is worse
    ulp: np.ndarray | None        # per element, for floats
    expected: np.ndarray
    actual: np.ndarray


def _compare_field(d: DType, expected: np.ndarray, actual: np.ndarray, tol: Tolerance) -> FieldDiff:
    if d.kind != "float":
        bad = expected != actual
        diff = np.abs(expected.astype(np.float64) - actual.astype(np.float64))
        return FieldDiff(bad, np.where(bad, diff, 0.0), None, expected, actual)
    e, e_ord = _float_view(d, expected)
    a, a_ord = _float_view(d, actual)
    both_nan = np.isnan(e) & np.isnan(a)
    with np.errstate(invalid="ignore", over="ignore"):
        finite = np.isfinite(e) & np.isfinite(a)
        ulp = np.where(finite, np.abs(e_ord.astype(np.float64) - a_ord.astype(np.float64)), np.nan)
        diff = np.abs(e - a)
        close = finite & ((ulp <= tol.max_ulp) | (diff <= tol.abs_tol) | (diff <= tol.rel_tol * np.abs(e)))
    same = (e == a) | both_nan            # same infinity; -0 == +0
    bad = ~(same | close)
    severity = np.where(bad, np.where(np.isnan(ulp), np.inf, ulp), 0.0)
    return FieldDiff(bad, severity, ulp, e, a)


def _text(value) -> str:
    if isinstance(value, (float, np.floating)):
        return repr(float(value)) if np.isfinite(value) else str(float(value))
    return str(int(value))


def tolerance_for(d: DType, overrides: dict) -> Tolerance:
    if d.kind != "float":
        return _EXACT
    base = DEFAULT_TOLERANCE[d.name]
    fields = {k: overrides[k] for k in ("max_ulp", "rel_tol", "abs_tol") if k in overrides}
    return dataclasses.replace(base, **fields, reason=overrides.get("reason") if fields else None)


def _point(arg: BufferArg, element: int, field: int, diff: FieldDiff) -> dict:
    index = list(np.unravel_index(element, arg.shape)) + ([field] if arg.record else [])
    ulp = None if diff.ulp is None or not np.isfinite(diff.ulp[element]) else int(diff.ulp[element])
    return {"index": [int(i) for i in index], "expected": _text(diff.expected[element]),
            "actual": _text(diff.actual[element]), "ulp": ulp}


def compare_buffer(name: str, arg: BufferArg, expected: np.ndarray, actual: np.ndarray, overrides: dict) -> dict:
    """The report's buffer record: element count, mismatches, tolerance, first and worst mismatch."""
    tolerances = [tolerance_for(f, overrides) for f in arg.fields]
    shown = next((t for t in tolerances if t.max_ulp or t.rel_tol or t.abs_tol), tolerances[0])
    record = {"name": name, "dtype": arg.dtype_name, "elements": arg.elements, "mismatches": 0,
              "tolerance": shown.to_json(), "first": None, "worst": None}
    first = worst = None          # (element, field) and (severity, element, field)
    expected, actual = expected.reshape(-1), actual.reshape(-1)
    for k, field in enumerate(arg.fields):
        e = expected[f"f{k}"] if arg.record else expected
        a = actual[f"f{k}"] if arg.record else actual
        diff = _compare_field(field, e, a, tolerances[k])
        bad = np.flatnonzero(diff.bad)
        if not len(bad):
            continue
        record["mismatches"] += len(bad)
        if first is None or (bad[0], k) < first[:2]:
            first = (int(bad[0]), k, diff)
        top = int(np.argmax(diff.severity))
        if worst is None or diff.severity[top] > worst[0]:
            worst = (float(diff.severity[top]), top, k, diff)
    if first:
        record["first"] = _point(arg, first[0], first[1], first[2])
        record["worst"] = _point(arg, worst[1], worst[2], worst[3])
    return record


def read_buffer(path: Path, arg: BufferArg) -> np.ndarray | str:
    """The buffer a harness wrote, or a reason it cannot be compared."""
    element = record_dtype(arg)
    try:
        data = np.fromfile(path, dtype=element)
    except (OSError, ValueError) as exc:
        return f"cannot read {path.name}: {exc}"
    if data.size != arg.elements:
        return f"{path.name} holds {data.size} elements, {arg.elements} were declared"
    return data


def describe(record: dict) -> str:
    """One line per mismatching buffer: count, first and worst index, values on both sides, ulp."""
    def point(p: dict) -> str:
        ulp = f", {p['ulp']} ulp" if p["ulp"] is not None else ""
        return f"[{', '.join(map(str, p['index']))}] expected {p['expected']}, got {p['actual']}{ulp}"
    return (f"{record['name']} ({record['dtype']}): {record['mismatches']} of {record['elements']} elements differ; "
            f"first {point(record['first'])}; worst {point(record['worst'])}")
