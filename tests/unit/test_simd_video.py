"""The SIMD video intrinsics table (translator/ir/simd_video.py) against a small Python model of CUDA's
documented semantics, on words whose lanes are the edge values; and the places that must list every name."""

from __future__ import annotations

import itertools
import re
import subprocess
from pathlib import Path

import pytest

from translator.backends import simd_video as gen
from translator.driver import backend_for, load_unit
from translator.ir.builtins import MATH
from translator.ir.simd_video import LANE_OPS, SIMD_VIDEO, LaneOp

ROOT = Path(__file__).resolve().parents[2]

# CUDA 13 crt/device_functions.h declares exactly these (checked with grep there).
CUDA_STEMS = ("abs", "absss", "add", "addss", "addus", "avgs", "avgu", "cmpeq", "cmpges", "cmpgeu", "cmpgts",
              "cmpgtu", "cmples", "cmpleu", "cmplts", "cmpltu", "cmpne", "absdiffs", "absdiffu", "haddu", "maxs",
              "maxu", "mins", "minu", "neg", "negss", "sads", "sadu", "seteq", "setges", "setgeu", "setgts",
              "setgtu", "setles", "setleu", "setlts", "setltu", "setne", "sub", "subss", "subus")
EDGE_WORDS = (0x00000000, 0xFFFFFFFF, 0x7F80FF01, 0x807F01FF, 0x7FFF8000, 0x80007FFF, 0xFFFF0001, 0x0001FFFE,
              0xFE017F80, 0x12345678, 0x80808080, 0x7F7F7F7F)


def _round_half_away(s: int) -> int:
    return (abs(s) + 1) // 2 * (1 if s >= 0 else -1)


_CMP = {"eq": int.__eq__, "ne": int.__ne__, "ge": int.__ge__, "gt": int.__gt__, "le": int.__le__, "lt": int.__lt__}


def model(name: str, a: int, b: int) -> int:
    """CUDA's result, lane by lane, from the documentation's wording."""
    stem, lanes = re.fullmatch(r"__v(\w+)([24])", name).groups()
    bits = 16 if lanes == "2" else 8
    signed = stem == "neg" or (stem.endswith("s") and not stem.endswith("us"))    # abs, absss, addss, maxs...
    lo, hi = (-(1 << bits - 1), (1 << bits - 1) - 1) if signed else (0, (1 << bits) - 1)

    def lane(w, k):
        v = (w >> (k * bits)) & ((1 << bits) - 1)
        return v - (1 << bits) if signed and v >= 1 << (bits - 1) else v

    def sat(v):
        return min(hi, max(lo, v))

    base = re.sub(r"(ss|us|s|u)$", "", stem) if stem not in ("abs", "add", "sub", "neg") else stem
    ops = {"abs": lambda x, y: abs(x), "abs_s": lambda x, y: sat(abs(x)), "neg": lambda x, y: -x,
           "neg_s": lambda x, y: sat(-x), "add": lambda x, y: x + y, "add_s": lambda x, y: sat(x + y),
           "sub": lambda x, y: x - y, "sub_s": lambda x, y: sat(x - y), "hadd": lambda x, y: (x + y) // 2,
           "avg": lambda x, y: _round_half_away(x + y), "absdiff": lambda x, y: abs(x - y),
           "sad": lambda x, y: abs(x - y), "min": min, "max": max}
    ops.update({f"cmp{p}": (lambda f: lambda x, y: -1 if f(x, y) else 0)(f) for p, f in _CMP.items()})
    ops.update({f"set{p}": (lambda f: lambda x, y: 1 if f(x, y) else 0)(f) for p, f in _CMP.items()})
    key = base + ("_s" if stem.endswith(("ss", "us")) else "")
    values = [ops[key](lane(a, k), lane(b, k)) for k in range(32 // bits)]
    if base == "sad":
        return sum(values)
    return sum((v & ((1 << bits) - 1)) << (k * bits) for k, v in enumerate(values))


def evaluate(op: LaneOp, a: int, b: int) -> int:
    """What the generated C helper computes, evaluated from the table in Python (C's / truncates)."""
    expr, store, _ = LANE_OPS[op.op]
    mask = (1 << op.bits) - 1
    total = 0
    for i in range(0, 32, op.bits):
        x, y = ((w >> i) & mask for w in (a, b))
        if op.signed:
            x, y = (v - (1 << op.bits) if v >> (op.bits - 1) else v for v in (x, y))
        v = _c_eval(expr, x, y)
        if store == "sum":
            total += v
            continue
        if store == "sat":
            v = min(op.lane_range[1], max(op.lane_range[0], v))
        v = {"mask": mask if v else 0, "one": 1 if v else 0}.get(store, v & mask)
        total |= v << i
    return total & 0xFFFFFFFF


def _c_eval(expr: str, x: int, y: int) -> int:
    """A lane expression of the table (ternaries, comparisons, + and -, `(...) / 2`) with C's meaning."""
    py = re.sub(r"^\((.*)\) / 2$", r"_div2(\1)", expr)
    py = re.sub(r"\(([^()?]+) \? ([^():]+) : ([^()]+)\)", r"((\2) if (\1) else (\3))", py)
    py = re.sub(r"^([^?]+) \? ([^:]+) : (.+)$", r"(\2) if (\1) else (\3)", py)
    assert "?" not in py and "/" not in py, expr
    div2 = lambda v: int(v / 2)      # noqa: E731 - C's / truncates toward zero
    return int(eval(py, {"_div2": div2}, {"x": x, "y": y}))     # noqa: S307 - the table's own expressions


def test_the_table_has_exactly_cudas_names():
    assert sorted(SIMD_VIDEO) == sorted(f"__v{s}{n}" for s in CUDA_STEMS for n in "24")
    cuda_header = Path("/usr/local/cuda-13.0/include/crt/device_functions.h")
    if cuda_header.exists():
        declared = set(re.findall(r"\b(__v[a-z]+[24]) *\(", cuda_header.read_text(errors="replace")))
        assert declared == set(SIMD_VIDEO)


@pytest.mark.parametrize("name", sorted(SIMD_VIDEO))
def test_each_entry_matches_the_model_on_edge_words(name):
    op = SIMD_VIDEO[name]
    for a, b in itertools.product(EDGE_WORDS, repeat=2):
        assert evaluate(op, a, b) == model(name, a, b), f"{name}({a:#010x}, {b:#010x})"


def test_documented_examples():
    # the examples in CUDA's own comments
    assert model("__vcmpeq2", 0x1234ABA5, 0x1234ABA6) == 0xFFFF0000
    assert model("__vcmpgts4", 0x1234ABA5, 0x1234ABA6) == 0
    assert model("__vcmplts4", 0x1234ABA5, 0x1234ABA6) == 0x000000FF
    assert model("__vcmples2", 0x1234ABA5, 0x1234ABA6) == 0xFFFFFFFF
    # the edges the brief names: wrap against saturation, rounding, set against cmp, sad
    assert model("__vabs4", 0x80, 0) == 0x80 and model("__vabsss4", 0x80, 0) == 0x7F
    assert model("__vavgs4", 0xFF, 0x00) == 0xFF and model("__vavgs4", 0x01, 0x00) == 0x01   # -0.5 -> -1, 0.5 -> 1
    assert model("__vhaddu4", 0x01, 0x00) == 0 and model("__vavgu4", 0x01, 0x00) == 1
    assert model("__vseteq2", 0x12340000, 0x12340001) == 0x00010000
    assert model("__vsads4", 0x7F80, 0x807F) == 510


def test_emulation_stand_ins_and_hip_declare_every_name():
    emulation = (ROOT / "runtime_shims/emulate/include/cuemu/device_math.h").read_text()
    stand_in = (ROOT / "runtime_shims/include/__cutrans_device.h").read_text()
    for name, op in SIMD_VIDEO.items():
        assert MATH[name] == (op.func, "u32", "exact")
        assert re.search(rf"\b{name}\(unsigned int", stand_in), name
    # the emulation spells its names through token pasting: each stem with ##N
    for stem in CUDA_STEMS:
        assert f"__v{stem}##N" in emulation or (stem[:-1] in ("cmpge", "cmpgt", "cmple", "cmplt", "setge", "setgt",
                                                               "setle", "setlt")), stem
    assert gen.main(["--check"]) == 0


def test_helpers_compile_as_c_and_agree_with_the_table(tmp_path):
    """The generated C, compiled, on the edge words (the text the CPU and OpenCL preambles take)."""
    ops = list(SIMD_VIDEO.values())
    calls = "".join(f'    printf("%u\\n", {gen.helper_name(op)}({", ".join(["a", "b"][:op.arity])}));\n' for op in ops)
    source = ("#include <stdio.h>\n" + "".join(gen.helper_definition(op, "static inline") for op in ops) +
              "int main(void)\n{\n    unsigned int a, b;\n    while (scanf(\"%u %u\", &a, &b) == 2) {\n"
              + calls + "    }\n    return 0;\n}\n")
    (tmp_path / "t.c").write_text(source)
    try:
        subprocess.run(["cc", "-std=c99", "-Wall", "-Werror", "-o", str(tmp_path / "t"), str(tmp_path / "t.c")],
                       check=True, capture_output=True)
    except FileNotFoundError:
        pytest.skip("no C compiler (cc) to build the generated helpers")
    pairs = list(itertools.product(EDGE_WORDS, repeat=2))
    out = subprocess.run([str(tmp_path / "t")], input="".join(f"{a} {b}\n" for a, b in pairs), text=True,
                         capture_output=True, check=True).stdout.split()
    expected = [str(model(op.cuda, a, b)) for a, b in pairs for op in ops]
    assert out == expected


def _device_text(path, backend: str) -> str:
    files = backend_for(backend).translate(load_unit(path), {}).files
    return next(data.decode() for name, data in files.items() if name.endswith((".cl", ".kernels.c")))


def test_only_used_helpers_reach_the_preamble(cuda_file):
    kernel = cuda_file("__global__ void k(unsigned int *o, unsigned int a, unsigned int b)\n"
                       "{\n    o[0] = __vmaxs4(a, b);\n    o[1] = __vsetltu2(a, b);\n}\n")
    for backend in ("opencl", "cpu"):
        text = _device_text(kernel, backend)
        assert "cutrans_vmaxs4(" in text and "cutrans_vsetltu2(" in text
        assert len(re.findall(r"unsigned int cutrans_v\w+\(unsigned int a", text)) == 2, backend
    plain = cuda_file("__global__ void k(unsigned int *o, unsigned int a)\n{\n    o[0] = a;\n}\n")
    assert "cutrans_v" not in _device_text(plain, "opencl")
