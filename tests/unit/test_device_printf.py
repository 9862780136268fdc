"""Device printf: format parsing, string literals, the default promotions, each refusal, and the spelling
per target (OpenCL C has no 'll' and takes float arguments as they are)."""

from __future__ import annotations

import pytest

from translator.backends.cpu import CPUBackend
from translator.backends.opencl import OpenCLBackend
from translator.frontend.device_printf import FormatError, decode_literal, parse_format
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.printer import print_ir
from translator.ir.strings import c_string
from translator.ir.types import F32


def test_parse_format_reads_flags_width_precision_and_length():
    convs = parse_format("a %-8.3f b %05d %% %+e %lld %llu %hhx % i %#lx %.f %c %s")
    assert [c.text for c in convs] == ["%-8.3f", "%05d", "%+e", "%lld", "%llu", "%hhx", "% i", "%#lx", "%.f",
                                       "%c", "%s"]
    first = convs[0]
    assert (first.flags, first.width, first.precision, first.length, first.conv) == ("-", "8", "3", "", "f")
    assert convs[3].length == "ll" and convs[3].types == {"i64", "u64"}
    assert convs[8].precision == ""            # '%.f': precision 0, not absent
    assert (convs[1].flags, convs[1].width) == ("0", "5")
    assert convs[0].offset == 2 and convs[1].offset == 11


def test_percent_percent_reads_no_argument():
    assert parse_format("100%% done %%d") == []


@pytest.mark.parametrize("fmt, words", [
    ("%n", "writes through a pointer"),
    ("%p", "prints an address"),
    ("%a", "hexadecimal floating point"),
    ("%10A", "hexadecimal floating point"),
    ("%*d", "('*')"),
    ("%.*f", "('*')"),
    ("%ls", "length modifier 'l' with '%s'"),
    ("%lc", "length modifier 'l' with '%c'"),
    ("%Lf", "length modifier 'L'"),
    ("%zu", "length modifier 'z'"),
    ("%jd", "length modifier 'j'"),
    ("%hf", "length modifier 'h' with '%f'"),
    ("%'d", "the flag '''"),
    ("%y", "'%y' is not a conversion"),
    ("%8.3s", "a precision on '%s'"),
    ("%.2s", "a precision on '%s'"),
    ("abc %", "ends inside a conversion"),
])
def test_parse_format_refuses_what_the_targets_print_differently(fmt, words):
    with pytest.raises(FormatError) as info:
        parse_format(fmt)
    assert words in str(info.value)


def test_string_literals_decode_and_print_back():
    assert decode_literal(r'"a\tbc%dAA\n"') == "a\tbc%dAA\n"
    assert decode_literal(r'"\101\x42\\\"\?"') == 'AB\\"?'
    text = "tab\there \"q\" back\\slash\x01\n"
    assert decode_literal(c_string(text)) == text
    assert c_string("\x01" + "7") == '"\\0017"'      # a following digit never joins the escape
    with pytest.raises(FormatError, match="narrow"):
        decode_literal('L"wide"')
    with pytest.raises(FormatError, match="ASCII"):
        decode_literal('"caf\\303\\251"')


KERNEL = """
#include <cstdio>
__global__ void k(const float *v, short s, char c, long l, long long ll, unsigned long long ull, double d) {
    printf("%d %c %f %e %ld %lld %llu %g %s\\n", s, c, v[0], d, l, ll, ull, 2.5f, "text");
}
"""


def _printf(module) -> N.Printf:
    found = [n for f in module.functions for n in walk(f) if isinstance(n, N.Printf)]
    assert len(found) == 1
    return found[0]


def test_lowering_applies_the_default_promotions(lower):
    module, diags = lower(KERNEL)
    assert not diags
    p = _printf(module)
    assert p.format.value == "%d %c %f %e %ld %lld %llu %g %s\n"
    types = [a.type.name if hasattr(a.type, "name") else None for a in p.args]
    assert types == ["i32", "i32", "f64", "f64", "i64", "i64", "u64", "f64", None]
    assert isinstance(p.args[2], N.Cast) and p.args[2].value.type == F32
    assert isinstance(p.args[-1], N.StrLit) and p.args[-1].value == "text"
    assert 'printf("%d %c %f %e %ld %lld %llu %g %s\\n", ' in print_ir(module)


def _emit(backend, module) -> str:
    p = _printf(module)
    return backend.visit(p)[0]


def test_opencl_spells_ll_as_l_and_passes_floats_unpromoted(lower):
    module, _ = lower(KERNEL)
    text = _emit(OpenCLBackend(), module)
    assert text.startswith('printf("%d %c %f %e %ld %ld %lu %g %s\\n", ')
    assert "(double)v[0]" not in text and "v[0]" in text
    assert text.endswith('"text")')


def test_cpu_keeps_the_format_and_the_promotions(lower):
    module, _ = lower(KERNEL)
    backend = CPUBackend()
    text = _emit(backend, module)
    assert text.startswith('printf("%d %c %f %e %ld %lld %llu %g %s\\n", ')
    assert "(double)v[0]" in text
    assert "fp64" in backend.features


@pytest.mark.parametrize("body, words", [
    ('const char *f = "%d\\n"; printf(f, 1);', "a string literal in device code can only be printf's format"),
    ('printf("%s\\n", n ? "a" : "b");', "the argument of '%s' must be a string literal"),
    ('int r = printf("x\\n"); out[0] = r;', "printf's result differs"),
    ('printf("%d %d\\n", n);', "1 arguments"),
    ('printf("%d\\n", 1.5);', "'%d' reads i32 or u32, but this argument is f64"),
    ('printf("%f\\n", n);', "'%f' reads f64, but this argument is i32"),
    ('printf("%ld\\n", n);', "'%ld' reads i64 or u64"),
    ('printf("%d\\n", (long long)n);', "'%d' reads i32 or u32, but this argument is i64"),
    ('printf("%p\\n", out);', "'%p' prints an address"),
    ('printf("%n", &n);', "'%n' writes through a pointer"),
])
def test_refusals_carry_L010(lower, body, words):
    module, diags = lower("#include <cstdio>\n__global__ void k(int *out, int n) {\n    " + body + "\n}\n")
    assert [d.code for d in diags] == ["L010"], [d.format() for d in diags]
    assert words in diags[0].message
    assert diags[0].line == 3
