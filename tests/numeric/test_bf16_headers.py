"""The bfloat16 headers, checked bit for bit against a reference written here in Python with exact
fractions: runtime_shims/emulate/include/cuda_bf16.h (the emulation of CUDA's <cuda_bf16.h> behind every
reference run), runtime_shims/common/cutrans_bf16.h (the host side of OpenCL and CPU translations) and
runtime_shims/hip/cutrans_hip_bf16.h (what HIP output includes; on HIP before 6.2 it defines the API
itself, __host__ __device__).

One C++ program takes the three headers in turn. It converts all 65536 bfloat16s to float and to every
integer type (toward zero, saturating, NaN to 0 or 2^63 as CUDA does), rounds floats (every tie between two
bfloat16s, their neighbours, subnormals, the overflow threshold, NaNs), doubles (ties in float plus an offset
too small for float, so that going through float would round twice) and 64-bit integers once to bfloat16,
and applies the arithmetic, comparisons, max/min and math functions to edge and random operands, including
fused multiply-adds whose product is a bfloat16 tie and whose addend is tiny. The operators and the
__nv_bfloat162 forms must agree with the scalar functions (the program counts disagreements)."""

from __future__ import annotations

import functools
import math
import os
import random
import struct
import subprocess
from fractions import Fraction
from pathlib import Path

import pytest

from tests.conftest import ROOT, need
from translator.verify import toolchain
from translator.verify.hip_on_cpu import names_header

SHIMS = ROOT / "runtime_shims"

PROGRAM = r"""
#include BF16_HEADER
#include <cstdio>
#include <cstring>
typedef BF16 T;
typedef BF162 T2;
static unsigned bits(T h) { return __bfloat16_as_ushort(h); }
static T from(unsigned u) { return __ushort_as_bfloat16((unsigned short)u); }
static unsigned fbits(float f) { unsigned u; std::memcpy(&u, &f, 4); return u; }
static long mismatches = 0;
static void same(T a, T b) { mismatches += bits(a) != bits(b); }
static void same2(T2 p, T lo, T hi) { same(__low2bfloat16(p), lo); same(__high2bfloat16(p), hi); }
static T flag(bool b) { return from(b ? 0x3f80u : 0u); }

static void pairs_agree(T a, T b, T c)
{
    const T2 p = make_bfloat162(a, c), q = __halves2bfloat162(b, a), r = __floats2bfloat162_rn(__bfloat162float(c), __bfloat162float(b));
    same2(__hadd2(p, q), __hadd(a, b), __hadd(c, a));
    same2(__hsub2(p, q), __hsub(a, b), __hsub(c, a));
    same2(__hmul2(p, q), __hmul(a, b), __hmul(c, a));
    same2(__h2div(p, q), __hdiv(a, b), __hdiv(c, a));
    same2(__hfma2(p, q, r), __hfma(a, b, c), __hfma(c, a, b));
    same2(__hmax2(p, q), __hmax(a, b), __hmax(c, a));
    same2(__hmin2(p, q), __hmin(a, b), __hmin(c, a));
    same2(__hneg2(p), __hneg(a), __hneg(c));
    same2(__habs2(p), __habs(a), __habs(c));
    same2(__heq2(p, q), flag(__heq(a, b)), flag(__heq(c, a)));
    same2(__hne2(p, q), flag(__hne(a, b)), flag(__hne(c, a)));
    same2(__hlt2(p, q), flag(__hlt(a, b)), flag(__hlt(c, a)));
    same2(__hle2(p, q), flag(__hle(a, b)), flag(__hle(c, a)));
    same2(__hgt2(p, q), flag(__hgt(a, b)), flag(__hgt(c, a)));
    same2(__hge2(p, q), flag(__hge(a, b)), flag(__hge(c, a)));
    same2(__hequ2(p, q), flag(__hequ(a, b)), flag(__hequ(c, a)));
    same2(__hneu2(p, q), flag(__hneu(a, b)), flag(__hneu(c, a)));
    same2(__hltu2(p, q), flag(__hltu(a, b)), flag(__hltu(c, a)));
    same2(__hleu2(p, q), flag(__hleu(a, b)), flag(__hleu(c, a)));
    same2(__hgtu2(p, q), flag(__hgtu(a, b)), flag(__hgtu(c, a)));
    same2(__hgeu2(p, q), flag(__hgeu(a, b)), flag(__hgeu(c, a)));
    same2(__hisnan2(p), flag(__hisnan(a)), flag(__hisnan(c)));
    mismatches += __hbeq2(p, q) != (__heq(a, b) && __heq(c, a));
    mismatches += __hbltu2(p, q) != (__hltu(a, b) && __hltu(c, a));
    mismatches += __hbgeu2(p, q) != (__hgeu(a, b) && __hgeu(c, a));
    mismatches += (p == q) != __hbeq2(p, q);
    mismatches += (p != q) != __hbneu2(p, q);
    mismatches += (p < q) != __hblt2(p, q);
    mismatches += (p >= q) != __hbge2(p, q);
    same2(p + q, __hadd(a, b), __hadd(c, a));
    same2(p * q, __hmul(a, b), __hmul(c, a));
    same2(-p, __hneg(a), __hneg(c));
    T2 s = p;
    s -= q;
    same2(s, __hsub(a, b), __hsub(c, a));
    s = p;
    s /= q;
    same2(s, __hdiv(a, b), __hdiv(c, a));
    s = p;
    ++s;
    same2(s, __hadd(a, from(0x3f80)), __hadd(c, from(0x3f80)));
    same2(__lowhigh2highlow(p), c, a);
    same2(__lows2bfloat162(p, q), a, b);
    same2(__highs2bfloat162(p, q), c, a);
    same2(__low2bfloat162(p), a, a);
    same2(__high2bfloat162(p), c, c);
    same2(__bfloat162bfloat162(b), b, b);
    same2(__float2bfloat162_rn(__bfloat162float(b)), __float2bfloat16(__bfloat162float(b)), __float2bfloat16(__bfloat162float(b)));
    const float2 f2 = __bfloat1622float2(p);
    mismatches += fbits(f2.x) != fbits(__low2float(p)) || fbits(f2.y) != fbits(__high2float(p));
    same2(__float22bfloat162_rn(f2), __float2bfloat16_rn(f2.x), __float2bfloat16_rn(f2.y));
    // scalar operators
    same(a + b, __hadd(a, b));
    same(a - b, __hsub(a, b));
    same(a * b, __hmul(a, b));
    same(a / b, __hdiv(a, b));
    same(-a, __hneg(a));
    T t = a;
    t += b;
    same(t, __hadd(a, b));
    t = a;
    t *= b;
    same(t, __hmul(a, b));
    t = a;
    const T old = t++;
    same(old, a);
    same(t, __hadd(a, from(0x3f80)));
    t = a;
    --t;
    same(t, __hsub(a, from(0x3f80)));
    mismatches += (a == b) != __heq(a, b);
    mismatches += (a != b) != __hneu(a, b);
    mismatches += (a < b) != __hlt(a, b);
    mismatches += (a <= b) != __hle(a, b);
    mismatches += (a > b) != __hgt(a, b);
    mismatches += (a >= b) != __hge(a, b);
}

int main()
{
    for (unsigned u = 0; u < 65536; ++u) {
        const T h = from(u);
        std::printf("%08x %d %u %d %u %lld %llu", fbits(__bfloat162float(h)), __bfloat162int_rz(h), __bfloat162uint_rz(h),
                    (int)__bfloat162short_rz(h), (unsigned)__bfloat162ushort_rz(h), __bfloat162ll_rz(h), __bfloat162ull_rz(h));
#ifdef WITH_MATH
        std::printf(" %04x %04x %04x %04x %04x", bits(hsqrt(h)), bits(hfloor(h)), bits(hceil(h)), bits(htrunc(h)), bits(hrint(h)));
        T2 m = __bfloat162bfloat162(h);
        same2(h2sqrt(m), hsqrt(h), hsqrt(h));
        same2(h2floor(m), hfloor(h), hfloor(h));
        same2(h2ceil(m), hceil(h), hceil(h));
        same2(h2trunc(m), htrunc(h), htrunc(h));
        same2(h2rint(m), hrint(h), hrint(h));
#endif
        std::printf("\n");
    }
    char kind;
    while (std::scanf(" %c", &kind) == 1) {
        if (kind == 'f') {
            unsigned u;
            std::scanf("%x", &u);
            float f;
            std::memcpy(&f, &u, 4);
            T assigned;
            assigned = f;
            std::printf("%04x %04x %04x %04x %04x\n", bits(__float2bfloat16(f)), bits(__float2bfloat16_rn(f)),
                        bits(__float2bfloat16_rz(f)), bits(T(f)), bits(assigned));
        } else if (kind == 'd') {
            unsigned long long u;
            std::scanf("%llx", &u);
            double d;
            std::memcpy(&d, &u, 8);
            T assigned;
            assigned = d;
            std::printf("%04x %04x %04x\n", bits(__double2bfloat16(d)), bits(T(d)), bits(assigned));
        } else if (kind == 'i') {
            long long v;
            std::scanf("%lld", &v);
            const unsigned long long w = (unsigned long long)v;
            T assigned;
            assigned = v;
            mismatches += bits(assigned) != bits(T(v));
            assigned = (int)v;
            mismatches += bits(assigned) != bits(__int2bfloat16_rn((int)v));
            std::printf("%04x %04x %04x %04x %04x %04x %04x %04x\n", bits(__ll2bfloat16_rn(v)), bits(T(v)), bits(__ull2bfloat16_rn(w)),
                        bits(T(w)), bits(__int2bfloat16_rn((int)v)), bits(__uint2bfloat16_rn((unsigned)w)),
                        bits(__short2bfloat16_rn((short)v)), bits(__ushort2bfloat16_rn((unsigned short)w)));
        } else {
            unsigned x, y, z;
            std::scanf("%x %x %x", &x, &y, &z);
            const T a = from(x), b = from(y), c = from(z);
            std::printf("%04x %04x %04x %04x %04x %04x %04x %04x %04x %d%d%d%d%d%d%d%d%d%d%d%d%d\n", bits(__hadd(a, b)), bits(__hsub(a, b)),
                        bits(__hmul(a, b)), bits(__hdiv(a, b)), bits(__hfma(a, b, c)), bits(__hmax(a, b)), bits(__hmin(a, b)),
                        bits(__hneg(a)), bits(__habs(a)), __heq(a, b), __hne(a, b), __hlt(a, b), __hle(a, b), __hgt(a, b),
                        __hge(a, b), __hequ(a, b), __hneu(a, b), __hltu(a, b), __hleu(a, b), __hgtu(a, b), __hgeu(a, b), __hisnan(a));
            pairs_agree(a, b, c);
        }
    }
    std::printf("mismatches %ld\n", mismatches);
    return 0;
}
"""

# ---- the Python reference: bfloat16 values as exact fractions, rounded once


def decode(h: int) -> float | Fraction:
    """A bfloat16's value: a Fraction when finite, else a float infinity or NaN."""
    sign = -1 if h & 0x8000 else 1
    exp, frac = (h >> 7) & 0xff, h & 0x7f
    if exp == 0xff:
        return math.nan if frac else sign * math.inf
    if exp == 0:
        return sign * Fraction(frac, 2 ** 133)
    return sign * Fraction(128 + frac, 128) * Fraction(2) ** (exp - 127)


def to_double(h: int) -> float:
    """A bfloat16 as a double (exact), keeping the sign of zero."""
    v = float(decode(h))
    return v if math.isnan(v) else math.copysign(v, -1.0 if h & 0x8000 else 1.0)


def floor_log2(x: Fraction) -> int:
    e = x.numerator.bit_length() - x.denominator.bit_length()
    return e if Fraction(2) ** e <= x else e - 1


@functools.cache
def round_bf16(x: Fraction, negative_zero: bool = False, toward_zero: bool = False) -> int:
    """x rounded once to a bfloat16 (to nearest even, or toward zero)."""
    sign = 0x8000 if x < 0 or (x == 0 and negative_zero) else 0
    x = abs(x)
    if x == 0:
        return sign
    e = max(floor_log2(x), -126)
    quantum = Fraction(2) ** (e - 7)
    n, rest = divmod(x, quantum)
    n = int(n)
    if not toward_zero and (rest > quantum / 2 or (rest == quantum / 2 and n % 2)):
        n += 1
    if n >= 128:                       # normal (n == 256 carries into the next binade)
        bits = ((e + 127) << 7) + n - 128
    else:
        bits = n
    if bits >= 0x7f80:
        bits = 0x7f7f if toward_zero else 0x7f80
    return sign | bits


def from_double(d: float, device: bool = False) -> int:
    """`device`: as an H100 converts in device code, a NaN keeping its sign and top payload bits (made
    quiet); the emulation's header serves device code. The host headers give the canonical NaN."""
    if math.isnan(d) and device:
        n = struct.unpack("<Q", struct.pack("<d", d))[0]
        return (n >> 48) & 0x8000 | 0x7fc0 | (n >> 45) & 0x3f
    if math.isnan(d):
        return 0x7fff
    if math.isinf(d):
        return 0xff80 if d < 0 else 0x7f80
    return round_bf16(Fraction(d), negative_zero=math.copysign(1, d) < 0)


@functools.cache
def arithmetic(x: int, y: int, z: int) -> list[int]:
    """__hadd, __hsub, __hmul, __hdiv, __hfma(x, y, z) of bfloat16 bits."""
    a, b, c = decode(x), decode(y), decode(z)
    fa, fb, fc = to_double(x), to_double(y), to_double(z)
    pair = isinstance(a, Fraction) and isinstance(b, Fraction)

    def result(exact, approximate: float) -> int:
        if exact is not None and exact != 0:
            return round_bf16(exact)
        return from_double(approximate)         # zeros (IEEE sign rules), infinities, NaN: exact in double

    if fb == 0:
        quotient = math.nan if fa == 0 or math.isnan(fa) else math.copysign(math.inf, fa) * math.copysign(1, fb)
    else:
        quotient = fa / fb
    return [result(a + b if pair else None, fa + fb), result(a - b if pair else None, fa - fb),
            result(a * b if pair else None, fa * fb), result(a / b if pair and b != 0 else None, quotient),
            result(a * b + c if pair and isinstance(c, Fraction) else None, fa * fb + fc)]   # fa * fb is exact


def is_nan(h: int) -> bool:
    return (h & 0x7fff) > 0x7f80


def maxmin(x: int, y: int) -> list[int]:
    if is_nan(x) and is_nan(y):
        return [0x7fff, 0x7fff]
    if is_nan(x) or is_nan(y):
        other = y if is_nan(x) else x
        return [other, other]
    a, b = decode(x), decode(y)
    if a == b:                                 # +0 and -0: max +0, min -0; otherwise the same bits
        return [x & y, x | y]
    return [x, y] if a > b else [y, x]


def compares(x: int, y: int) -> str:
    a, b = float(decode(x)), float(decode(y))
    unordered = math.isnan(a) or math.isnan(b)
    ordered = [a == b, a != b and not unordered, a < b, a <= b, a > b, a >= b]
    unord = [v or unordered for v in (a == b, a != b, a < b, a <= b, a > b, a >= b)]
    return "".join(str(int(v)) for v in ordered + unord + [is_nan(x)])


@functools.cache
def to_integer(h: int) -> list[int]:
    """__bfloat162{int,uint,short,ushort,ll,ull}_rz."""
    v = decode(h)
    ranges = [(-2 ** 31, 2 ** 31 - 1, 0), (0, 2 ** 32 - 1, 0), (-2 ** 15, 2 ** 15 - 1, 0), (0, 2 ** 16 - 1, 0),
              (-2 ** 63, 2 ** 63 - 1, -2 ** 63), (0, 2 ** 64 - 1, 2 ** 63)]
    out = []
    for low, high, nan in ranges:
        if isinstance(v, float):
            out.append(nan if math.isnan(v) else (high if v > 0 else low))
        else:
            out.append(min(max(math.trunc(v), low), high))
    return out


@functools.cache
def math_functions(h: int) -> list[int]:
    """hsqrt (sqrt of a double is correctly rounded and 53 >= 2 * 8 + 2 bits, so rounding it again is exact),
    hfloor, hceil, htrunc, hrint (integer results keep the operand's sign at zero)."""
    v = decode(h)
    if isinstance(v, float):
        if math.isnan(v):
            return [0x7fff] * 5
        return [0x7fff if v < 0 else h] + [h] * 4
    negative = bool(h & 0x8000)
    root = 0x7fff if v < 0 else (h if v == 0 else round_bf16(Fraction(math.sqrt(v))))
    rounded = [math.floor(v), math.ceil(v), math.trunc(v), round(v)]   # round(): halves to even
    return [root] + [round_bf16(Fraction(r), negative_zero=negative) for r in rounded]


# ---- inputs

EDGES = [0x0000, 0x8000, 0x0001, 0x8001, 0x007f, 0x0080, 0x0081, 0x00ff, 0x3f80, 0xbf80, 0x3f81, 0x3fff, 0x4000, 0x4040,
         0x7f7f, 0xff7f, 0x7f7e, 0x7f80, 0xff80, 0x7fc0, 0x7f81, 0xffff, 0x7fff, 0x0100, 0x3400, 0x4b00, 0x4b80, 0x3f00,
         0x4110, 0x41e8, 0x2000, 0x5f00]


def f32(bits: int) -> float:
    return struct.unpack("<f", struct.pack("<I", bits))[0]


def fbits(x: float) -> int:
    """The bits of x rounded to float (to nearest even)."""
    return struct.unpack("<I", struct.pack("<f", x))[0]


def float_inputs(rng: random.Random) -> list[int]:
    """Float bit patterns: every tie between neighbouring finite bfloat16s (and the tie above the largest),
    the floats just beside each tie, subnormals, NaNs of both signs, random floats."""
    out = []
    for h in range(0x0000, 0x7f80):
        for sign in (0, 0x80000000):
            tie = sign | (h << 16) | 0x8000
            out += [tie, tie - 1, tie + 1, sign | (h << 16)]
    out += [0x7f800000, 0xff800000, 0x7fc00000, 0xffc00001, 0x7f800001, 0x7fffffff, 0x00000001, 0x80000001, 0x007fffff]
    out += [rng.getrandbits(32) for _ in range(20000)]
    return out


def double_inputs(rng: random.Random) -> list[float]:
    """Doubles next to bfloat16 ties by less than float can hold: through float they would round twice."""
    out = []
    for _ in range(6000):
        h = rng.randrange(0, 0x7f7f)
        tie = float(decode(h) + (decode(h + 1) - decode(h)) / 2)
        nudge = tie * 2.0 ** -rng.randrange(26, 60) if tie else 2.0 ** -160
        out += [tie + nudge, tie - nudge, -(tie + nudge), tie]
    top = float(decode(0x7f7f) + (Fraction(2) ** 128 - decode(0x7f7f)) / 2)
    out += [top, math.nextafter(top, 0), math.nextafter(top, math.inf), 1e300, -1e300, 1e-300, -1e-300, 0.0, -0.0,
            math.inf, -math.inf, math.nan, 2.0 ** -134, math.nextafter(2.0 ** -134, 1), 3.0 * 2.0 ** -135,
            float(Fraction(0xffffff01, 2 ** 32))]
    out += [rng.uniform(-1e6, 1e6) for _ in range(3000)] + [rng.uniform(-1, 1) * 2.0 ** rng.randrange(-140, 128)
                                                           for _ in range(3000)]
    return out


def integer_inputs(rng: random.Random) -> list[int]:
    out = [0, 1, -1, 255, 256, 257, 258, 259, 32767, -32768, 65535, 2 ** 31 - 1, -2 ** 31, 2 ** 63 - 1, -2 ** 63]
    for shift in range(0, 56):
        for base in (257, 259, 383, 385, 511):
            out += [base << shift, (base << shift) + 1, (base << shift) - 1, -(base << shift) - 1]
    out += [rng.getrandbits(64) - 2 ** 63 for _ in range(2000)]
    out += [rng.getrandbits(rng.randrange(1, 40)) for _ in range(2000)]
    return [v for v in out if -2 ** 63 <= v < 2 ** 63]


@functools.cache
def integer_expected(v: int) -> list[int]:
    def wrap(value: int, width: int, signed: bool) -> int:
        value &= (1 << width) - 1
        return value - (1 << width) if signed and value >> (width - 1) else value
    w = v & (2 ** 64 - 1)
    return [round_bf16(Fraction(v)), round_bf16(Fraction(v)), round_bf16(Fraction(w)), round_bf16(Fraction(w)),
            round_bf16(Fraction(wrap(v, 32, True))), round_bf16(Fraction(wrap(v, 32, False))),
            round_bf16(Fraction(wrap(v, 16, True))), round_bf16(Fraction(wrap(v, 16, False)))]


def operand_triples(rng: random.Random) -> list[tuple[int, int, int]]:
    """Edge operands in all pairs, random ones, operands of close exponents (sums that cancel and round),
    and fused multiply-adds whose product is a tie between two bfloat16s with an addend far below it."""
    out = [(a, b, c) for a in EDGES for b in EDGES for c in (0x0000, 0x8000, 0x0001, 0x3f80, 0xff80, 0x7fc0)]
    out += [(rng.getrandbits(16), rng.getrandbits(16), rng.getrandbits(16)) for _ in range(6000)]
    for _ in range(6000):
        e = rng.randrange(1, 254)
        near = [(rng.getrandbits(1) << 15) | (min(max(e + rng.randrange(-9, 10), 0), 254) << 7) | rng.getrandbits(7)
                for _ in range(3)]
        out.append(tuple(near))
    ties = 0
    while ties < 3000:
        a, b = rng.randrange(0x3f80, 0x4000), rng.randrange(0x3f80, 0x4000)
        product = decode(a) * decode(b)
        quantum = Fraction(2) ** (floor_log2(product) - 7)
        if product % quantum != quantum / 2:       # not a tie between two bfloat16s
            continue
        tiny = rng.choice([0x0001, 0x2000, 0x0c00, 0x3000]) | rng.choice([0, 0x8000])
        out.append((a | rng.choice([0, 0x8000]), b, tiny))
        ties += 1
    return out


# ---- running the program


def _run(exe: Path, stdin: str) -> list[str]:
    run = subprocess.run([str(exe)], input=stdin, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stderr[-2000:]
    return run.stdout.splitlines()


def _check_output(lines: list[str], inputs, with_math: bool, device: bool = False) -> None:
    floats, doubles, integers, triples = inputs
    assert lines[-1] == "mismatches 0", f"operators or bfloat162 forms disagree with the scalar functions: {lines[-1]}"
    head, rest = lines[:65536], lines[65536:-1]
    bad = []
    for h, line in enumerate(head):
        fields = line.split()
        value, want = f32(int(fields[0], 16)), decode(h)
        if not (value == want or (math.isnan(value) and isinstance(want, float) and math.isnan(want))):
            bad.append(("to float", hex(h), fields[0]))
        if [int(v) for v in fields[1:7]] != to_integer(h):
            bad.append(("to integers", hex(h), fields[1:7], to_integer(h)))
        if with_math and [int(v, 16) for v in fields[7:12]] != math_functions(h):
            bad.append(("math", hex(h), fields[7:12], [hex(v) for v in math_functions(h)]))
    assert not bad, bad[:8]
    position = 0
    for u in floats:
        got = [int(v, 16) for v in rest[position].split()]
        position += 1
        x = f32(u)
        want = from_double(x)
        toward_zero = want if math.isnan(x) or math.isinf(x) else round_bf16(Fraction(x), math.copysign(1, x) < 0, True)
        if got != [want, want, toward_zero, want, want]:
            bad.append(("float", hex(u), [hex(g) for g in got], hex(want), hex(toward_zero)))
    for d in doubles:
        got = [int(v, 16) for v in rest[position].split()]
        position += 1
        if got != [from_double(d, device)] * 3:
            bad.append(("double", d.hex(), [hex(g) for g in got], hex(from_double(d, device))))
    for v in integers:
        got = [int(x, 16) for x in rest[position].split()]
        position += 1
        if got != integer_expected(v):
            bad.append(("integer", v, [hex(g) for g in got], [hex(e) for e in integer_expected(v)]))
    for x, y, z in triples:
        fields = rest[position].split()
        position += 1
        negated, absolute = (0x7fff, 0x7fff) if is_nan(x) else (x ^ 0x8000, x & 0x7fff)
        want = [*arithmetic(x, y, z), *maxmin(x, y), negated, absolute]
        if [int(v, 16) for v in fields[:9]] != want or fields[9] != compares(x, y):
            bad.append(("arithmetic", hex(x), hex(y), hex(z), fields, [hex(w) for w in want], compares(x, y)))
    assert position == len(rest)
    assert not bad, f"{len(bad)} differences, first: {bad[:6]}"


@pytest.fixture(scope="module")
def inputs():
    rng = random.Random(16)
    return float_inputs(rng), double_inputs(rng), integer_inputs(rng), operand_triples(rng)


def _stdin(inputs) -> str:
    floats, doubles, integers, triples = inputs
    parts = [f"f {u:x}" for u in floats]
    parts += [f"d {struct.unpack('<Q', struct.pack('<d', d))[0]:x}" for d in doubles]
    parts += [f"i {v}" for v in integers]
    parts += [f"a {x:x} {y:x} {z:x}" for x, y, z in triples]
    return "\n".join(parts) + "\n"


def test_inputs_include_cases_that_rounding_twice_gets_wrong(inputs):
    """The double and fused multiply-add cases are meaningful: rounding through float (doubles), or through a
    double sum (fma), gives a different bfloat16 for many of them."""
    _, doubles, _, triples = inputs
    twice = [d for d in doubles if abs(d) < 3e38 and from_double(d) != from_double(f32(fbits(d)))]
    assert len(twice) > 1000
    naive = [t for t in triples[-3000:] if arithmetic(*t)[4] != from_double(float(decode(t[0])) * float(decode(t[1]))
                                                                             + float(decode(t[2])))]
    assert len(naive) > 100


@pytest.mark.toolchain("c++")
@pytest.mark.parametrize("header", ["emulate", "host"])
def test_bf16_header_matches_the_exact_reference(header, inputs, tmp_path):
    cxx = need("cpu", toolchain.find_cxx())
    source = tmp_path / "bf16.cpp"
    source.write_text(PROGRAM)
    exe = tmp_path / "bf16"
    if header == "emulate":
        flags = [f"-I{SHIMS / 'emulate' / 'include'}", '-DBF16_HEADER="cuda_bf16.h"', "-DWITH_MATH",
                 "-fno-strict-aliasing", "-ffp-contract=off"]
    else:
        flags = [f"-I{SHIMS / 'common'}", '-DBF16_HEADER="cutrans_bf16.h"']
    build = subprocess.run([*cxx.command, "-std=c++17", "-O1", "-Wall", "-DBF16=__nv_bfloat16",
                            "-DBF162=__nv_bfloat162", *flags, str(source), "-o", str(exe)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-4000:]
    _check_output(_run(exe, _stdin(inputs)), inputs, with_math=header == "emulate", device=header == "emulate")


HIP_DEVICE_PROGRAM = r"""
#include "cutrans_hip_bf16.h"
__global__ void kernel(__hip_bfloat16 *out, const __hip_bfloat162 *in, double d, long long l)
{
    __shared__ __hip_bfloat16 tile[64];
    const int i = threadIdx.x;
    const __hip_bfloat162 p = in[i];
    tile[i] = __hfma(p.x, p.y, __float2bfloat16(1.0f)) + hsqrt(p.x) - __double2bfloat16(d) * __hip_bfloat16(l);
    __syncthreads();
    __hip_bfloat162 q = __hmax2(p, __lowhigh2highlow(p)) * __floats2bfloat162_rn(2.0f, 3.0f);
    q += __heq2(p, q);
    ++q;
    out[i] = tile[63 - i] / q.x - (q != p ? __hmin(q.y, -q.x) : __habs(q.y))
             + __int2bfloat16_rn(__bfloat162int_rz(q.x));
    if (__hbgeu2(p, q) && out[i] < tile[i]) {
        out[i] = __ll2bfloat16_rn(__bfloat162ll_rz(tile[i]))
                 + hrint(__ushort_as_bfloat16(__bfloat16_as_ushort(out[i])));
    }
    const float2 f = __bfloat1622float2(h2floor(q));
    out[i] += __float2bfloat16_rz(f.x + __high2float(q)) + __uint2bfloat16_rn((unsigned)l);
}
void launch_host_side(__hip_bfloat16 *out, __hip_bfloat162 *in)
{
    kernel<<<1, 64>>>(out, in, 0.5, 3);
}
int main()
{
    __hip_bfloat16 a = 1.5f, b = 3;
    a *= b;
    a++;
    __hip_bfloat162 p = make_bfloat162(a, b);
    p = -p;
    return __bfloat16_as_ushort(__hfma(a, p.x, b)) == 0;
}
"""


def _hip_arches() -> list[str]:
    """gfx90a (wave 64) and a wave-32 RDNA target the installed device libraries support."""
    available = set()
    for folder in toolchain.HIP_BITCODE_DIRS:
        available |= {"gfx" + lib.stem.rsplit("_", 1)[-1] for lib in Path(folder).glob("oclc_isa_version_*.bc")}
    wave32 = [a for a in ("gfx1100", "gfx1030") if a in available][:1]
    return [a for a in ("gfx90a",) if a in available] + wave32


@pytest.mark.toolchain("hipcc")
def test_hip_header_compiles_for_device_and_host(tmp_path):
    """The fallback definitions (HIP before 6.2) compile in kernels and host code for wave 64 and wave 32."""
    hip = need("hip", toolchain.find_hipcc())
    source = tmp_path / "bf16.hip"
    source.write_text(HIP_DEVICE_PROGRAM)
    arches = _hip_arches()
    assert len(arches) == 2, f"device libraries for gfx90a and a wave-32 target are missing: {arches}"
    for arch in arches:
        build = subprocess.run([*hip.command, f"--offload-arch={arch}", "-Wall", "-Werror", f"-I{SHIMS / 'hip'}", "-c",
                                str(source), "-o", str(tmp_path / f"{arch}.o")],
                               capture_output=True, text=True, env={**os.environ, **dict(hip.env)}, timeout=600)
        assert build.returncode == 0, f"{arch}: {build.stderr[-4000:]}"


@pytest.mark.toolchain("hipcc")
def test_hip_header_host_functions_match_the_exact_reference(inputs, tmp_path):
    """The host side of cutrans_hip_bf16.h, built by hipcc and run here (no HIP runtime call is made)."""
    hip = need("hip", toolchain.find_hipcc())
    source = tmp_path / "bf16.hip"
    source.write_text(PROGRAM)
    exe = tmp_path / "bf16"
    build = subprocess.run([*hip.command, *hip.flags, "-O1", f"-I{SHIMS / 'hip'}", '-DBF16_HEADER="cutrans_hip_bf16.h"',
                            "-DBF16=__hip_bfloat16", "-DBF162=__hip_bfloat162", "-DWITH_MATH", "-ffp-contract=off",
                            str(source), "-o", str(exe)],
                           capture_output=True, text=True, env={**os.environ, **dict(hip.env)}, timeout=600)
    assert build.returncode == 0, build.stderr[-4000:]
    try:
        lines = _run(exe, _stdin(inputs))
    except OSError as error:   # pragma: no cover - a HIP runtime that cannot even load here
        pytest.skip(f"hipcc built the host test but it cannot run here: {error}")
    _check_output(lines, inputs, with_math=True)


@pytest.mark.toolchain("c++")
def test_hip_header_uses_the_emulation_when_hip_runs_on_the_cpu(tmp_path):
    """In the CPU build of HIP output (translator/verify/hip_on_cpu.py) HIP's bfloat16 names are macros for
    CUDA's, and cutrans_hip_bf16.h takes the stand-in <hip/hip_bf16.h>, i.e. the emulation's cuda_bf16.h."""
    cxx = need("cpu", toolchain.find_cxx())
    names = tmp_path / "names"
    names.mkdir()
    renames = {"__hip_bfloat16": "__nv_bfloat16", "__hip_bfloat162": "__nv_bfloat162",
               "__hip_bfloat16_raw": "__nv_bfloat16_raw", "__hip_bfloat162_raw": "__nv_bfloat162_raw"}
    header = names_header()
    header += "".join(f"#ifndef {hip}\n#define {hip} {cuda}\n#endif\n" for hip, cuda in renames.items())
    (names / "cuemu_hip_names.h").write_text(header)
    source = tmp_path / "bf16.cpp"
    source.write_text(HIP_DEVICE_PROGRAM.replace("kernel<<<1, 64>>>(out, in, 0.5, 3);", "kernel(out, in, 0.5, 3);")
                      + "static_assert(sizeof(__hip_bfloat16) == 2 && alignof(__hip_bfloat162) == 4, \"layout\");\n"
                      + "#ifndef CUTRANS_HIP_NATIVE_BF16\n#error the stand-in was not used\n#endif\n")
    build = subprocess.run([*cxx.command, "-std=c++17", "-fsyntax-only", "-DCUEMU_WARP_SIZE=64", f"-I{names}",
                            f"-I{SHIMS / 'emulate' / 'hip'}", f"-I{SHIMS / 'emulate' / 'include'}",
                            f"-I{SHIMS / 'hip'}", "-x", "c++", str(source)],
                           capture_output=True, text=True, timeout=600)
    assert build.returncode == 0, build.stderr[-4000:]
