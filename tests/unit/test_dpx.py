"""CUDA 12's DPX intrinsics (__vimax3_s32, __viaddmin_s16x2_relu, __vibmax_u32, ...): a small Python model of
their documented semantics, independent of the translator and of the emulation; the checksum table of
samples/dpx_intrinsics.cu, which the emulated (and every translated) run of the sample is compared to; and
the translator's table (translator/ir/dpx.py) and its generated helpers against the model.

`python tests/unit/test_dpx.py` prints the sample's kExpected table from the model."""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

import pytest

from translator.backends import simd_video as gen
from translator.diagnostics import CutransError
from translator.driver import backend_for, load_unit
from translator.ir.builtins import MATH, MATH_OPERANDS
from translator.ir.dpx import DPX

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "samples" / "dpx_intrinsics.cu"
CUDA_HEADER = Path("/usr/local/cuda-13.0/include/crt/device_functions.h")

# All of them, in the order of the sample's output slots. CUDA 12/13 crt/device_functions.h declares exactly
# these 36 (checked with grep there): the relu and 3-way forms exist for s32 and s16x2 only besides plain 3-way.
_FORMS = ("s32", "u32", "s16x2", "u16x2")
NAMES = (
    "__vimax_s32_relu", "__vimax_s16x2_relu", "__vimin_s32_relu", "__vimin_s16x2_relu",
    *(f"__vi{stem}_{form}" for stem in ("max3", "min3") for form in _FORMS),
    "__vimax3_s32_relu", "__vimax3_s16x2_relu", "__vimin3_s32_relu", "__vimin3_s16x2_relu",
    *(f"__vi{stem}_{form}" for stem in ("addmax", "addmin") for form in _FORMS),
    "__viaddmax_s32_relu", "__viaddmax_s16x2_relu", "__viaddmin_s32_relu", "__viaddmin_s16x2_relu",
    *(f"__vi{stem}_{form}" for stem in ("bmax", "bmin") for form in _FORMS),
)
THREE_OPERANDS = frozenset(n for n in NAMES if re.match(r"__vi(max3|min3|addmax|addmin)_", n))
WITH_PREDICATES = frozenset(n for n in NAMES if n.startswith(("__vibmax", "__vibmin")))

_LANE_OPS = {
    "max": lambda x, y, z: max(x, y),
    "min": lambda x, y, z: min(x, y),
    "max3": lambda x, y, z: max(max(x, y), z),
    "min3": lambda x, y, z: min(min(x, y), z),
    "addmax": None,     # needs the lane width: see model()
    "addmin": None,
    "bmax": lambda x, y, z: max(x, y),
    "bmin": lambda x, y, z: min(x, y),
}


def model(name: str, a: int, b: int, c: int | None = None) -> tuple[int, tuple[bool, ...]]:
    """CUDA's result and the predicates it writes, lane by lane, from the documentation's wording.

    a, b, c are 32-bit words (negative ints are taken modulo 2**32). The result of an s32 form is a signed
    int, of every other form an unsigned 32-bit word. The predicates: () for all but __vib*; (pred,) for the
    32-bit __vib*; (pred_hi, pred_lo) for the 16x2 ones, pred_hi from the high lane."""
    stem, sign, width, relu = re.fullmatch(r"__vi(max3|min3|max|min|addmax|addmin|bmax|bmin)_([su])(32|16x2)(_relu)?",
                                           name).groups()
    assert name in NAMES, name
    assert (c is not None) == (name in THREE_OPERANDS), f"{name} takes {3 if name in THREE_OPERANDS else 2} operands"
    bits = 32 if width == "32" else 16
    mask = (1 << bits) - 1

    def as_lane(v: int) -> int:           # the low `bits` bits, read as signed or unsigned
        v &= mask
        return v - (1 << bits) if sign == "s" and v >> (bits - 1) else v

    op = _LANE_OPS[stem] or (lambda x, y, z: (max if stem == "addmax" else min)(as_lane(x + y), z))
    result, preds = 0, []
    for k in range(32 // bits):
        x, y, z = (as_lane(w >> (k * bits)) if w is not None else 0 for w in (a, b, c))
        v = op(x, y, z)
        if relu:
            v = max(v, 0)
        if stem in ("bmax", "bmin"):
            preds.insert(0, x >= y if stem == "bmax" else x <= y)     # the high lane's comes first
        result |= (v & mask) << (k * bits)
    if width == "32" and sign == "s":
        result = as_lane(result)
    return result, tuple(preds)


# ---------------------------------------------------------------- the sample's table


def slots() -> list[tuple[str, str]]:
    """The sample's output slots per thread: (function, "result" | "pred"); a __vib* function's predicates
    follow its result in one slot (pred for 32 bits, pred_hi * 2 + pred_lo for 16x2)."""
    return [(n, kind) for n in NAMES for kind in (("result", "pred") if n in WITH_PREDICATES else ("result",))]


def thread_operands(words, thirds):
    """(a, b, c) of each thread of the sample: every (a, b) pair of `words`, c cycling through `thirds`."""
    n = len(words) * len(words)
    return [(words[i // len(words)], words[i % len(words)], thirds[i % len(thirds)]) for i in range(n)]


def slot_value(name: str, kind: str, a: int, b: int, c: int) -> int:
    """What the sample stores in a slot, as the 32-bit unsigned word it is in the output buffer."""
    result, preds = model(name, a, b, c if name in THREE_OPERANDS else None)
    if kind == "pred":
        return preds[0] if len(preds) == 1 else preds[0] * 2 + preds[1]
    return result & 0xFFFFFFFF


def expected_table(words, thirds) -> list[tuple[int, int]]:
    """Per slot: the 32-bit sum and the FNV-style mix ((mix ^ r) * 16777619) of its values over all threads."""
    table = []
    for name, kind in slots():
        total = mix = 0
        for a, b, c in thread_operands(words, thirds):
            r = slot_value(name, kind, a, b, c)
            total = (total + r) & 0xFFFFFFFF
            mix = ((mix ^ r) * 16777619) & 0xFFFFFFFF
        table.append((total, mix))
    return table


def format_table(table) -> str:
    """The rows of kExpected as the sample spells them, four entries a line."""
    cells = [f"{{0x{s:08x}u, 0x{m:08x}u}}" for s, m in table]
    return ",\n".join("    " + ", ".join(cells[i:i + 4]) for i in range(0, len(cells), 4))


def _words(source: str, array: str) -> list[int]:
    body = re.search(rf"\b{array}\[\]\s*=\s*\{{(.*?)\}};", source, re.S).group(1)
    return [int(w, 16) for w in re.findall(r"0x([0-9a-fA-F]+)u?", body)]


def sample_inputs(source: str | None = None):
    source = SAMPLE.read_text() if source is None else source
    return _words(source, "kWords"), _words(source, "kThird")


def print_expected_table() -> None:
    print(format_table(expected_table(*sample_inputs())))


# ---------------------------------------------------------------- tests


def test_names_are_cudas():
    assert len(NAMES) == len(set(NAMES)) == 36
    assert len(THREE_OPERANDS) == 24 and len(WITH_PREDICATES) == 8
    if CUDA_HEADER.exists():
        declared = set(re.findall(r"\b(__vi(?:max|min|addmax|addmin|bmax|bmin)3?_[su](?:32|16x2)(?:_relu)?) *\(",
                                  CUDA_HEADER.read_text(errors="replace")))
        assert declared == set(NAMES)


def test_documented_examples():
    # the sum wraps to INT_MIN before the comparison with c
    assert model("__viaddmax_s32", 0x7FFFFFFF, 1, 0) == (0, ())
    assert model("__viaddmin_s32", 0x7FFFFFFF, 1, 0) == (-(1 << 31), ())
    assert model("__viaddmin_s32_relu", 0x7FFFFFFF, 1, 0) == (0, ())
    assert model("__viaddmax_u32", 0xFFFFFFFF, 2, 0) == (1, ())
    # per lane: the low lane's 0x7fff + 1 wraps to -32768, the high lane's 1 + 1 stays 2
    assert model("__viaddmax_s16x2", 0x00017FFF, 0x00010001, 0xFFFFFFFF) == (0x0002FFFF, ())
    assert model("__viaddmin_u16x2", 0x0001FFFF, 0x00010001, 0xFFFFFFFF) == (0x00020000, ())
    # ties count as a; pred_hi is the high lane's
    assert model("__vibmax_s16x2", 0xFFFF00FF, 0xFFFFFF00) == (0xFFFF00FF, (True, True))
    assert model("__vibmax_s16x2", 0xFFFD00FF, 0xFFFE01FF) == (0xFFFE01FF, (False, False))
    assert model("__vibmax_u16x2", 0xFFFD00FF, 0x0001FF00) == (0xFFFDFF00, (True, False))
    assert model("__vibmin_s32", 2, 2) == (2, (True,))
    assert model("__vibmin_s32", -10, -30) == (-30, (False,))
    assert model("__vibmax_u32", 0x80000000, 1) == (0x80000000, (True,))
    assert model("__vibmax_s32", 0x80000000, 1) == (1, (False,))
    # ReLU clamps each lane below at 0, read as signed
    assert model("__vimax_s16x2_relu", 0x8000FFFF, 0x0001FFFE) == (0x00010000, ())
    assert model("__vimin_s32_relu", 5, 7) == (5, ()) and model("__vimin_s32_relu", 5, -7) == (0, ())
    assert model("__vimax3_s16x2_relu", 0x8000FFFF, 0x8001FFFE, 0x80020005) == (0x00000005, ())
    assert model("__vimin3_u16x2", 0x8000FFFF, 0x8001FFFE, 0x7FFF0005) == (0x7FFF0005, ())
    assert model("__vimin3_s16x2", 0x8000FFFF, 0x8001FFFE, 0x7FFF0005) == (0x8000FFFE, ())
    assert model("__vimax3_u32", 1, 0xFFFFFFFF, 2) == (0xFFFFFFFF, ()) and model("__vimax3_s32", 1, -1, 2) == (2, ())


def test_sample_calls_every_function_in_its_slot():
    source = SAMPLE.read_text()
    assert int(re.search(r"#define NSLOTS (\d+)", source).group(1)) == len(slots())
    calls = dict((int(k), f) for k, f in re.findall(r"o\[(\d+)\] = (__vi\w+)\(", source))
    assert calls == {k: name for k, (name, kind) in enumerate(slots()) if kind == "result"}
    labels = re.search(r"kNames\[NSLOTS\] = \{(.*?)\};", source, re.S).group(1)
    assert re.findall(r'"([^"]+)"', labels) == [n if kind == "result" else f"{n}.p" for n, kind in slots()]


def test_sample_expected_table_is_the_models():
    source = SAMPLE.read_text()
    words, thirds = sample_inputs(source)
    assert len(words) * len(words) <= 512 and len(thirds) >= 2
    body = re.search(r"kExpected\[NSLOTS\]\[2\] = \{(.*?)\};", source, re.S).group(1)
    pairs = re.findall(r"\{0x([0-9a-f]{8})u, 0x([0-9a-f]{8})u\}", body)
    assert [(int(s, 16), int(m, 16)) for s, m in pairs] == expected_table(words, thirds)



# ---------------------------------------------------------------- the translator's table and helpers

EDGE_WORDS = (0x00000000, 0xFFFFFFFF, 0x7FFFFFFF, 0x80000000, 0x7FFF8000, 0x80007FFF, 0xFFFF0001, 0x0001FFFE,
              0x00010001, 0x12345678)


def test_the_translators_table_has_exactly_cudas_names():
    assert set(DPX) == set(NAMES)
    stand_in = (ROOT / "runtime_shims/include/__cutrans_device.h").read_text()
    for name, op in DPX.items():
        assert MATH[name] == (name[2:], "i32" if "_s32" in name else "u32", "exact")
        assert op.arity == (3 if name in THREE_OPERANDS else 2) and bool(op.predicates) == (name in WITH_PREDICATES)
        assert re.search(rf"\b{name}\((unsigned )?int, ", stand_in), name
    assert MATH_OPERANDS["__vibmin_u16x2"] == ("u32", "u32", "", "")      # the predicate pointers keep their type
    assert gen.main(["--check"]) == 0       # the HIP compatibility header carries every helper


def test_helpers_compile_as_c_and_agree_with_the_model(tmp_path):
    """The generated C (the text the CPU and OpenCL preambles take), compiled, on edge words."""
    ops = list(DPX.values())

    def call(op):
        args = ", ".join(["a", "b", "c"][:op.arity] + ["&p", "&q"][:op.predicates])
        fmt, value = ("%d", "r") if op.lanes == "s32" else ("%u", "r")
        kind = "int" if op.lanes == "s32" else "unsigned int"
        return (f"    {{ {kind} r = {gen.helper_name(op)}({args}); printf(\"{fmt} %d %d\\n\", {value}, "
                f"(int)p, (int)q); p = q = 0; }}\n")
    source = ("#include <stdio.h>\n" + "".join(gen.helper_definition(op, "static inline", bool_type="_Bool")
                                              for op in ops) +
              "int main(void)\n{\n    unsigned int a, b, c;\n    _Bool p = 0, q = 0;\n"
              "    while (scanf(\"%u %u %u\", &a, &b, &c) == 3) {\n" + "".join(map(call, ops)) +
              "    }\n    return 0;\n}\n")
    (tmp_path / "t.c").write_text(source)
    try:
        subprocess.run(["cc", "-std=c99", "-Wall", "-Werror", "-fsanitize=undefined",
                        "-fno-sanitize-recover=undefined", "-o", str(tmp_path / "t"), str(tmp_path / "t.c")],
                       check=True, capture_output=True)
    except FileNotFoundError:
        pytest.skip("no C compiler (cc) to build the generated helpers")
    triples = [(a, b, c) for a, b in itertools.product(EDGE_WORDS, repeat=2) for c in EDGE_WORDS[::3]]
    out = subprocess.run([str(tmp_path / "t")], input="".join(f"{a} {b} {c}\n" for a, b, c in triples), text=True,
                         capture_output=True, check=True).stdout.splitlines()
    expected = []
    for a, b, c in triples:
        for op in ops:
            result, preds = model(op.cuda, a, b, c if op.arity == 3 else None)
            preds = (preds + (False, False))[:2] if len(preds) == 1 else preds or (False, False)
            expected.append(f"{result} {int(preds[0])} {int(preds[1])}")
    assert out == expected


def _device_text(path, backend: str) -> str:
    files = backend_for(backend).translate(load_unit(path), {}).files
    return next(data.decode() for name, data in files.items() if name.endswith((".cl", ".kernels.c")))


def test_a_predicate_in_private_memory_is_translated_and_one_elsewhere_refused_on_opencl(cuda_file):
    private = cuda_file("__global__ void k(int *o, int a, int b)\n"
                        "{\n    bool p;\n    o[0] = __vibmax_s32(a, b, &p);\n    o[1] = p;\n}\n")
    for backend, bool_type in (("opencl", "bool"), ("cpu", "_Bool")):
        text = _device_text(private, backend)
        assert f"int cutrans_vibmax_s32(unsigned int a, unsigned int b, {bool_type} *pred)" in text
        assert "cutrans_vibmax_s32(a, b, &p)" in text and "cutrans_vimax" not in text
    shared = cuda_file("__global__ void k(int *o, int a, int b)\n{\n    __shared__ bool p[32];\n"
                       "    o[0] = __vibmax_s32(a, b, &p[threadIdx.x]);\n}\n", name="shared.cu")
    with pytest.raises(CutransError) as exc:
        _device_text(shared, "opencl")
    assert exc.value.diagnostics[0].code == "B001" and "private" in exc.value.diagnostics[0].message
    assert "cutrans_vibmax_s32(a, b, &p[" in _device_text(shared, "cpu")


if __name__ == "__main__":
    print_expected_table()
