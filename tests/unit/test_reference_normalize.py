"""translator.verify.reference.normalize: the launch and extern __shared__ rewrite for the CPU emulation."""

from __future__ import annotations

import re

import pytest

from translator.diagnostics import CutransError
from translator.verify.reference import normalize, tokenize

BODY = "[&](auto&&... cuemu_args_) {{ ({callee})(cuemu_args_...); }}"


def launch(callee: str, config: str, args: str = "") -> str:
    tail = f", {args}" if args else ""
    body = BODY.format(callee=callee)
    return f'::cuemu::launch("{callee}", {body}, ::cuemu::config({config}){tail})'


@pytest.mark.parametrize("source, callee, config, args", [
    ("k<<<g, b>>>(x, y);", "k", "g, b", "x, y"),
    ("k<<<1, 1>>>();", "k", "1, 1", ""),
    ("k<<<g, b, shmem>>>(p);", "k", "g, b, shmem", "p"),
    ("k<<<g, b, 0, stream>>>(p);", "k", "g, b, 0, stream", "p"),
    ("ns::k<<<g, b>>>(p);", "ns::k", "g, b", "p"),
    ("::ns::k<<<g, b>>>(p);", "::ns::k", "g, b", "p"),
    ("k<float, 4><<<g, b>>>(p);", "k<float, 4>", "g, b", "p"),
    ("ns::k<A<B<int>>><<<g, b>>>(p);", "ns::k<A<B<int>>>", "g, b", "p"),
    ("k<(N > 2)><<<g, b>>>(p);", "k<(N > 2)>", "g, b", "p"),
    ("(*fp)<<<g, b>>>(p);", "(*fp)", "g, b", "p"),
    ("table.fn<<<g, b>>>(p);", "table.fn", "g, b", "p"),
    ("k<<<dim3(gx, gy), dim3(16, 16)>>>(p, f(a, b));", "k", "dim3(gx, gy), dim3(16, 16)", "p, f(a, b)"),
    ("k<<<n >> 8, 256>>>(p);", "k", "n >> 8, 256", "p"),
    ("k<<<(n + 255)>>8, 256>>>(p);", "k", "(n + 255)>>8, 256", "p"),
    ("k<<<g, std::min<int>(n, 1024)>>>(p);", "k", "g, std::min<int>(n, 1024)", "p"),
])
def test_launch_shapes(source, callee, config, args):
    assert normalize(source) == launch(callee, config, args) + ";"


@pytest.mark.parametrize("prefix", ["return ", "if (ok) ", "else ", "{ ", "; ", "x ? 0 : ("])
def test_callee_stops_at_the_previous_token(prefix):
    out = normalize(f"{prefix}k<<<1, 2>>>(p);")
    assert out.startswith(prefix + "::cuemu::launch(\"k\"")


def test_launch_inside_a_macro_argument_keeps_commas_protected():
    out = normalize("CHECK_LAUNCH((k<float, 2><<<g, b>>>(p, n)));")
    # every top-level comma of the macro argument sits inside parentheses
    arg = out[len("CHECK_LAUNCH("):-2]
    depth, top_commas = 0, 0
    for ch in arg:
        depth += ch == "("
        depth -= ch == ")"
        top_commas += ch == "," and depth == 0
    assert top_commas == 0
    assert "(k<float, 2>)(cuemu_args_...)" in out


SOURCES_WITH_NEWLINES = [
    "ns::k<float>\n  <<<grid,\n     block>>>\n  (a,\n   b);\n",
    "k<<<g, b>>>(\n);\n",
    "#define RUN(n) k<<<n, 32>>>( \\\n   p)\nRUN(4);\n",
    "k /* c */ <<< g /* d */, b >>> /* e */ (x /* f */);\n// k<<<1,1>>>()\n",
    "__global__ void f(){\n extern __shared__\n  float s[\n ];\n}\n",
]


@pytest.mark.parametrize("source", SOURCES_WITH_NEWLINES)
def test_newline_count_is_preserved(source):
    assert normalize(source).count("\n") == source.count("\n")


def test_arguments_stay_on_their_lines():
    source = "int main() {\n  k<<<1,\n      2>>>(alpha,\n           beta);\n}\n"
    out = normalize(source).split("\n")
    assert "alpha" in out[2] and "beta" in out[3] and "2)" in out[2]


@pytest.mark.parametrize("source", [
    'printf("k<<<1, 2>>>(x)");',
    "// k<<<1, 2>>>(x)\n",
    "/* k<<<1, 2>>>(x) */",
    'auto s = R"raw(k<<<1, 2>>>(x) )" )raw";',
    "char c = '<'; char d = '\\'';",
    'auto w = L"k<<<1,1>>>()"; auto u = u8"<<<";',
])
def test_strings_and_comments_are_untouched(source):
    assert normalize(source) == source


def test_literals_before_a_launch_do_not_hide_it():
    source = "int big = 1'000'000; char q = '\"'; k<<<1, 1>>>(big);"
    out = normalize(source)
    assert out.startswith("int big = 1'000'000; char q = '\"'; ::cuemu::launch(\"k\"")


def test_apostrophe_in_disabled_code_does_not_swallow_the_file():
    source = "#if 0\ndon't\n#endif\nk<<<1, 1>>>(p);\n"
    assert "::cuemu::launch(" in normalize(source)


def test_two_launches_and_a_nested_expression():
    out = normalize("a<<<1, 2>>>(x); b<<<3, 4>>>(f(y), z);")
    assert out == launch("a", "1, 2", "x") + "; " + launch("b", "3, 4", "f(y), z") + ";"


def test_template_shift_operator_outside_launch_is_left_alone():
    source = "std::vector<std::vector<int>> v; int y = x >> 3; Map<A<B<int>>> m;"
    assert normalize(source) == source


def test_normalize_is_idempotent():
    source = "k<<<1, 2>>>(x);\nextern __shared__ float s[];\n"
    once = normalize(source)
    assert normalize(once) == once


@pytest.mark.parametrize("source, expected", [
    ("extern __shared__ float s[];", " __shared__ float *const s = ::cuemu::dynamic_shared();"),
    ("extern __shared__ __align__(16) unsigned char raw[];",
     " __shared__ __align__(16) unsigned char *const raw = ::cuemu::dynamic_shared();"),
    ("extern __shared__ T cache[];", " __shared__ T *const cache = ::cuemu::dynamic_shared();"),
    ("extern __shared__ float tile[][33];",
     " __shared__ float (*const tile)[33] = ::cuemu::dynamic_shared();"),
    ("extern __shared__ int a[], b[];",
     " __shared__ int *const a = ::cuemu::dynamic_shared(), *const b = ::cuemu::dynamic_shared();"),
])
def test_extern_shared_becomes_a_pointer(source, expected):
    assert normalize(source) == expected


def test_static_shared_and_extern_functions_are_untouched():
    source = "__shared__ float s[64];\nextern int f(int a[]);\nextern \"C\" void g();\n"
    assert normalize(source) == source


@pytest.mark.parametrize("source, line, col, words", [
    ("int x;\n  k<<<1, 2(p);\n", 2, 4, "no matching '>>>'"),
    ("x = <<<1, 2>>>(p);", 1, 5, "cannot find the kernel"),
    ("k<<<1, 2>>>;", 1, 2, "argument list"),
    ("k<<<1, 2>>>(p;", 1, 2, "unterminated argument list"),
])
def test_malformed_launch_is_a_v001_diagnostic(source, line, col, words):
    with pytest.raises(CutransError) as info:
        normalize(source, "prog.cu")
    diag = info.value.diagnostics[0]
    assert (diag.code, diag.path, diag.line, diag.col) == ("V001", "prog.cu", line, col)
    assert words in diag.message


def test_tokenizer_recognizes_launch_brackets_and_skips_comments():
    texts = [t.text for t in tokenize("k<<<a,b>>>(x); // <<<\n/* >>> */ y >> 1;")]
    assert texts == ["k", "<<<", "a", ",", "b", ">>>", "(", "x", ")", ";", "y", ">>", "1", ";"]


def test_tokenizer_offsets_cover_the_token_text():
    source = 'int a = 0x1p-3f + 1.5e+2; auto s = "x\\"y";'
    for tok in tokenize(source):
        assert source[tok.start:tok.end] == tok.text
    assert any(re.fullmatch(r"0x1p-3f", t.text) for t in tokenize(source))


# ---------------------------------------------------------------- inline PTX


def test_ptx_asm_becomes_an_inline_ptx_call_keeping_lines():
    source = ('asm volatile("mma.sync.aligned.m16n8k8.row.col.f32.f16.f16.f32 "\n'
              '             "{%0,%1,%2,%3}, {%4,%5}, {%6}, {%0,%1,%2,%3};"\n'
              '             : "+f"(c[0]), "+f"(c[1]), "+f"(f(c, 2)), "+f"(c[3])\n'
              '             : "r"(a[i + 1]), "r"(a1), "r"(b0));\n')
    out = normalize(source)
    assert out.count("\n") == source.count("\n")
    assert out.startswith('::cuemu::inline_ptx("mma.sync.aligned.m16n8k8.row.col.f32.f16.f16.f32 "\n'
                          '             "{%0,%1,%2,%3}, {%4,%5}, {%6}, {%0,%1,%2,%3};", {')
    assert '::cuemu::ptx_out("+f", (f(c, 2)))' in out and '::cuemu::ptx_in("r", (a[i + 1]))' in out
    assert out.index("ptx_out") < out.index("ptx_in") and out.replace("\n", "").endswith("});")


@pytest.mark.parametrize("source", [
    'asm("mov.u32 %0, %%laneid;" : "=r"(lane));',
    '__asm__ __volatile__("ld.global.nc.f32 %0, [%1];" : "=f"(v) : "l"(p));',
])
def test_any_ptx_template_is_rewritten(source):
    assert "::cuemu::inline_ptx(" in normalize(source)


@pytest.mark.parametrize("source", [
    'asm volatile("pause");',                          # host assembly: no dotted opcode
    'asm volatile("rdtsc" : "=a"(lo), "=d"(hi));',
    'int asm_count = 2;',
])
def test_host_assembly_and_lookalikes_stay(source):
    assert normalize(source) == source


@pytest.mark.parametrize("args, passed", [
    ("p, 0, NULL", ["p", " ::cuemu::zero_literal()", " ::cuemu::zero_literal()"]),
    ("f(0, 1), 0u", ["f(0, 1)", " ::cuemu::zero_literal()"]),
    ("0L", ["::cuemu::zero_literal()"]),
])
def test_a_null_pointer_constant_argument_is_passed_as_a_zero_literal(args, passed):
    out = normalize(f"k<<<g, b>>>({args});")
    assert out.endswith(f"::cuemu::config(g, b), {','.join(passed)});")
    assert "::cuemu::call_kernel(" in out and "-> decltype((k)(" in out


@pytest.mark.parametrize("args", ["p, n", "f(0), x", "Pair<1, 0>{}, 0", "p,\n 10"])
def test_other_arguments_are_passed_as_written(args):
    assert normalize(f"k<<<g, b>>>({args});") == launch("k", "g, b", args) + ";"


def test_zero_literal_arguments_keep_their_lines():
    source = "k<<<g, b>>>(p,\n  0,\n  NULL);"
    assert normalize(source).count("\n") == 2
