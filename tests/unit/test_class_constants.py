"""Constants that device code reads through classes (frontend/lower.py): std::numeric_limits<T>'s
constexpr members and static constexpr data members (a type trait's `value`) become literals; what has no
literal value is refused with a diagnostic instead of an IR that reads an undeclared name."""

from __future__ import annotations

import math

from translator.ir import nodes as N
from translator.ir.base import walk

HEAD = "#include <limits>\n#include <type_traits>\n"


def _literals(module):
    return [n.value for n in walk(module.functions[-1]) if isinstance(n, (N.FloatLit, N.IntLit))]


def test_numeric_limits_fold_to_literals(lower):
    module, diags = lower(HEAD + """__global__ void k(float *f, int *i, double *d) {
        f[0] = std::numeric_limits<float>::infinity(); f[1] = std::numeric_limits<float>::lowest();
        i[0] = std::numeric_limits<int>::min(); d[0] = std::numeric_limits<double>::denorm_min();
        f[2] = std::numeric_limits<float>::quiet_NaN(); }""")
    assert not diags, diags
    values = [v for v in _literals(module) if v not in (0, 1, 2)]
    assert values[0] == math.inf and values[1] == -3.4028234663852886e38 and values[2] == -2 ** 31
    assert values[3] == 5e-324 and math.isnan(values[4])


def test_trait_values_and_static_constexpr_members_fold(lower):
    module, diags = lower(HEAD + """struct T { static constexpr int w = 7; };
        template <typename X> __device__ int f() { return std::is_same<X, float>::value * 10 + T::w; }
        __global__ void k(int *o) { o[0] = f<float>(); }""")
    assert not diags, diags
    values = [n.value for n in walk(module) if isinstance(n, (N.IntLit, N.BoolLit))]
    assert 7 in values and 10 in values
    assert not [n for n in walk(module) if isinstance(n, N.VarRef) and n.name == "value"]


def test_what_has_no_literal_is_refused(lower):
    _, diags = lower(HEAD + "__global__ void k(float *f) { f[0] = std::numeric_limits<float>::signaling_NaN(); }")
    assert [d.code for d in diags] == ["L003"] and "signaling_NaN" in diags[0].message
    _, diags = lower("struct S { static int count; };\n__global__ void k(int *o) { o[0] = S::count; }")
    assert [d.code for d in diags] == ["L001"] and "static data member 'S::count'" in diags[0].message


def test_math_h_constants_fold_and_a_nan_payload_is_refused(lower):
    module, diags = lower("#include <cmath>\n__global__ void k(float *f, double *d) {\n"
                          "f[0] = INFINITY; f[1] = -INFINITY; f[2] = NAN; d[0] = HUGE_VAL; }")
    assert not diags, diags
    values = _literals(module)
    assert values[1] == math.inf and values[3] == math.inf and math.isnan(values[5]) and values[7] == math.inf
    _, diags = lower('__global__ void k(float *f) { f[0] = __builtin_nanf("7"); }')
    assert [d.code for d in diags] == ["L003"] and "__builtin_nanf" in diags[0].message
