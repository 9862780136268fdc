"""The bfloat16 conversion helpers the OpenCL and CPU translations call (templates/bf16_helpers.j2), built
with the C compiler and checked against exact rational arithmetic: int, double and float to bfloat16 round
once to nearest even (where a rounding through float first would round twice), __hfma's a * b + c rounds
once (where a double sum would drop a tiny addend), a NaN becomes CUDA's 0x7fff, and every bfloat16
converts to float and back unchanged."""

from __future__ import annotations

import math
import random
import shutil
import struct
import subprocess
from fractions import Fraction

import pytest

from translator.backends.program import render


def _round_bf16(value: Fraction) -> int:
    """The bits of the bfloat16 nearest `value` (ties to even), from exact arithmetic."""
    sign = 0x8000 if value < 0 else 0
    a = abs(value)
    if a == 0:
        return sign
    exponent = max(math.floor(math.log2(a)), -126)
    while Fraction(2) ** exponent > a and exponent > -126:
        exponent -= 1
    while Fraction(2) ** (exponent + 1) <= a:
        exponent += 1
    ulp = Fraction(2) ** (exponent - 7)
    q, r = divmod(a, ulp)
    q = int(q) + (1 if r > ulp / 2 or (r == ulp / 2 and int(q) % 2) else 0)
    v = q * ulp
    if v >= Fraction(2) ** 128:
        return sign | 0x7F80
    return sign | struct.unpack("<I", struct.pack("<f", float(v)))[0] >> 16


def _cases():
    rng = random.Random(7)
    ints = [0, 1, -1, 255, 257, 259, (1 << 24) + (1 << 16) + 1, -((1 << 24) + (1 << 16) + 1), 2 ** 31 - 1, -2 ** 31,
            (1 << 25) + (1 << 17), (1 << 25) + (1 << 17) + 1] + [rng.randrange(-2 ** 31, 2 ** 31) for _ in range(300)]
    ties = [1.00390625 + d for d in (0.0, 1e-12, -1e-12, 2 ** -40)] + [-1.01171875 - 1e-13, 3.3961e38, 3.3963e38,
                                                                        1e-45, 9.2e-41, -9.2e-41, 4.6e-41]
    doubles = ties + [rng.uniform(-4, 4) * 2.0 ** rng.randrange(-140, 128) for _ in range(300)]
    floats = [struct.unpack("<f", struct.pack("<f", d))[0] for d in doubles if abs(d) < 3.4e38]
    return ints, doubles, floats


def _bf16_value(bits: int) -> float:
    return struct.unpack("<f", struct.pack("<I", bits << 16))[0]


def _fma_cases():
    """(a, b, c) bfloat16 values: products on a bfloat16 tie with an addend that falls off a double sum,
    cancellations, subnormal results, overflow, and random finite triples."""
    rng = random.Random(11)
    cases = [(9.0, 29.0, 2.0 ** -100), (9.0, 29.0, -2.0 ** -100), (-9.0, 29.0, 2.0 ** -100), (9.0, 27.0, 2.0 ** -120),
             (1.0078125, 1.5, -2.0 ** -40), (3.0e38, 2.0, -1.0), (2.0 ** -70, 2.0 ** -70, 2.0 ** -133),
             (1.5, 1.5, -2.25), (2.0 ** -66, 2.0 ** -66, -(2.0 ** -133))]
    finite = [b for b in range(65536) if (b >> 7) & 0xFF != 0xFF]
    for _ in range(2000):
        a, b = (_bf16_value(rng.choice(finite)) for _ in range(2))
        tiny = _bf16_value(rng.choice(finite)) * 2.0 ** rng.randrange(-60, 0)
        c = _bf16_value(rng.choice(finite)) if rng.random() < 0.5 else struct.unpack(
            "<f", struct.pack("<I", struct.unpack("<I", struct.pack("<f", tiny))[0] & 0xFFFF0000))[0]
        cases.append((a, b, c))
    return cases


def test_conversion_helpers_round_once(tmp_path):
    cc = shutil.which("cc") or shutil.which("gcc")
    if cc is None:
        pytest.skip("no C compiler (cc/gcc) on PATH")
    ints, doubles, floats = _cases()
    fmas = _fma_cases()
    helpers = render("bf16_helpers.j2", qual="static ", as_uint="as_uint", as_float="as_float", as_ulong="as_ulong",
                     as_double="as_double", ulong="unsigned long long", features={"fp64"})
    program = tmp_path / "bf16.c"
    program.write_text(
        "#include <stdio.h>\n#include <string.h>\n"
        "static unsigned int as_uint(float f) { unsigned int u; memcpy(&u, &f, 4); return u; }\n"
        "static float as_float(unsigned int u) { float f; memcpy(&f, &u, 4); return f; }\n"
        "static unsigned long long as_ulong(double d) { unsigned long long u; memcpy(&u, &d, 8); return u; }\n"
        "static double as_double(unsigned long long u) { double d; memcpy(&d, &u, 8); return d; }\n" + helpers +
        f"static const int ints[] = {{{', '.join(f'(int){i}' for i in ints)}}};\n"
        f"static const double doubles[] = {{{', '.join(d.hex() for d in doubles)}}};\n"
        f"static const float floats[] = {{{', '.join(f.hex() + 'f' for f in floats)}}};\n"
        f"static const float fmas[][3] = {{{', '.join('{' + ', '.join(v.hex() + 'f' for v in t) + '}' for t in fmas)}}};\n"
        "int main(void) {\n"
        "    for (unsigned i = 0; i < sizeof ints / sizeof *ints; ++i) printf(\"%04x\\n\", cutrans_int_to_bf16(ints[i]));\n"
        "    for (unsigned i = 0; i < sizeof doubles / sizeof *doubles; ++i) printf(\"%04x\\n\", cutrans_double_to_bf16(doubles[i]));\n"
        "    for (unsigned i = 0; i < sizeof floats / sizeof *floats; ++i) printf(\"%04x\\n\", cutrans_float_to_bf16(floats[i]));\n"
        "    for (unsigned i = 0; i < sizeof fmas / sizeof *fmas; ++i) printf(\"%04x\\n\", cutrans_fma_bf16(fmas[i][0], fmas[i][1], fmas[i][2]));\n"
        "    for (unsigned b = 0; b < 65536; ++b) {\n"
        "        float f = cutrans_bf16_to_float((cutrans_bf16)b);\n"
        "        if (f == f && cutrans_float_to_bf16(f) != b) { printf(\"round trip %04x\\n\", b); }\n"
        "    }\n"
        "    printf(\"%04x\\n\", cutrans_float_to_bf16(as_float(0x7fc00001u)));\n"
        "    return 0;\n}\n")
    exe = tmp_path / "bf16"
    subprocess.run([cc, "-std=c99", "-O2", "-o", str(exe), str(program)], check=True)
    got = subprocess.run([str(exe)], check=True, capture_output=True, text=True).stdout.split()
    want = [f"{_round_bf16(Fraction(v)):04x}" for v in (*ints, *doubles, *floats)]
    want += [f"{_round_bf16(Fraction(a) * Fraction(b) + Fraction(c)):04x}" for a, b, c in fmas] + ["7fff"]
    assert got == want
