"""Lambdas in device code (translator/frontend/lambdas.py): each becomes a device function whose captures
lead its parameters; by value a copy made where the lambda is, by reference a pointer where the body
writes the variable and the value at the call where it only reads it; what cannot be translated exactly
is refused with L002."""

from __future__ import annotations

import pytest

from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.types import Pointer, Scalar

I32 = Scalar("i32")


def _fn(module, name):
    return next(f for f in module.functions if f.name == name)


def _kernel(lower, body, params="float* o, float a"):
    module, diags = lower(f"__global__ void k({params}) {{\n{body}\n}}")
    return module, [d for d in diags if d.severity.name == "ERROR"]


def test_a_capture_by_value_is_copied_where_the_lambda_is_made(lower):
    module, errors = _kernel(lower, """
        float b = 2.0f;
        auto f = [=](float v) { return a * v + b; };
        b = 5.0f;
        o[0] = f(o[1]);""")
    assert not errors, errors
    lam = _fn(module, "k_lambda_4_18")
    assert [(p.name, str(p.type)) for p in lam.params] == [("a", "f32"), ("b", "f32"), ("v", "f32")]
    decls = [n for n in walk(_fn(module, "k")) if isinstance(n, N.VarDecl)]
    assert [d.name for d in decls] == ["b", "k_lambda_4_18_a", "k_lambda_4_18_b"]
    call = next(n for n in walk(_fn(module, "k")) if isinstance(n, N.Call))
    assert [a.name for a in call.args[:2]] == ["k_lambda_4_18_a", "k_lambda_4_18_b"]


def test_a_capture_by_reference_is_a_pointer_only_where_the_body_writes_it(lower):
    module, errors = _kernel(lower, """
        int hits = 0;
        auto bump = [&](float v) { if (v > a) hits += 1; return hits; };
        o[0] = bump(o[1]) + [&] { return a; }();""")
    assert not errors, errors
    bump = _fn(module, "k_lambda_4_21")
    assert [(p.name, str(p.type)) for p in bump.params] == [("a", "f32"), ("hits", str(Pointer(I32, "generic"))),
                                                           ("v", "f32")]
    call = next(n for n in walk(_fn(module, "k")) if isinstance(n, N.Call) and n.func == "k_lambda_4_21")
    assert isinstance(call.args[0], N.VarRef) and isinstance(call.args[1], N.UnOp) and call.args[1].op == "&"


@pytest.mark.parametrize("body, message", [
    ("int n = 0; auto f = [=]() mutable { return ++n; }; o[0] = f();", "mutable"),
    ("auto f = [m = 2](float v) { return v * m; }; o[0] = f(a);", "capture 'm = 2'"),
    ("auto f = [](auto v) { return v; }; o[0] = f(a);", "generic lambda"),
    ("float t[2] = {1, 2}; auto f = [=](int i) { return t[i]; }; o[0] = f(1);", "by value"),
    ("auto g = [=](float v) { return v * a; }; auto f = [&](float v) { return g(v); }; o[0] = f(a);",
     "another lambda"),
    ("auto f = [&]() { o = o + 1; }; f();", "assigns pointer 'o'"),
    ("auto f = [=](float v) { return v * a; }; auto g = f; o[0] = g(a);", "made elsewhere"),
])
def test_what_a_lambda_cannot_keep_exactly_is_refused(lower, body, message):
    _, errors = _kernel(lower, body)
    assert [d.code for d in errors] == ["L002"], errors
    assert message in errors[0].message


@pytest.mark.parametrize("body", [
    "float2 p = make_float2(1, 2); auto f = [&]() { p.y = a; }; f(); o[0] = p.y;",
    "float v[2] = {0, 0}; auto f = [&]() { v[1] = a; }; f(); o[0] = v[1];",
    "float s = 0; float* alias = &s; auto f = [&]() { *alias = a; return s; }; o[0] = f();",
    "float s = 0; auto g = [&](float& r) { r = a; }; auto f = [&]() { g(s); }; o[0] = s;",
])
def test_a_capture_the_lambda_may_change_is_passed_by_address(lower, body):
    """A member or array element written, a write through an alias the enclosing function took: pointers."""
    module, errors = _kernel(lower, body)
    if "g(s)" in body:                       # a lambda calling another lambda is refused, not guessed
        assert [d.code for d in errors] == ["L002"]
        return
    assert not errors, errors
    lam = next(f for f in module.functions if "_lambda_" in f.name)
    assert isinstance(lam.params[0].type, Pointer), [(p.name, str(p.type)) for p in lam.params]


def test_a_reference_the_enclosing_function_has_is_captured_as_what_it_refers_to(lower):
    """A `T&` parameter captured: by reference its pointer is passed on, read or written (two references may
    name one variable: `limit` must see the write through `pos` when both are `p`); by value a copy of the
    referent (ans-cuda's decoder captures its reference parameters)."""
    module, diags = lower("""
    __device__ void step(unsigned &pos, const unsigned &limit, unsigned* out) {
        auto advance = [&]() { pos += 1; return pos < limit; };
        auto seen = [=]() { return limit; };
        while (advance()) { out[pos] = seen(); }
    }
    __global__ void k(unsigned* out) { unsigned p = 0, l = 4; step(p, l, out); }""")
    assert not [d for d in diags if d.severity.name == "ERROR"], diags
    advance = next(f for f in module.functions if f.name.startswith("step_lambda_3"))
    pointer, const = str(Pointer(Scalar("u32"), "generic")), str(Pointer(Scalar("u32"), "generic", True))
    assert [(p.name, str(p.type)) for p in advance.params] == [("pos", pointer), ("limit", const)]
    seen = next(f for f in module.functions if f.name.startswith("step_lambda_4"))
    assert [(p.name, str(p.type)) for p in seen.params] == [("limit", "u32")]
    step = next(f for f in module.functions if f.name == "step")
    call = next(n for n in walk(step) if isinstance(n, N.Call) and n.func == advance.name)
    assert isinstance(call.args[0], N.VarRef) and call.args[0].name == "pos"     # the pointer, passed on


def test_a_lambda_passed_to_a_device_function_template_is_refused_by_name(lower):
    _, diags = lower("""
    template <class F> __device__ float apply(F f, float v) { return f(v) + 1.0f; }
    __global__ void k(float* o, float a) {
        auto sc = [=](float v) { return v * a; };
        o[0] = apply(sc, o[1]);
    }""")
    errors = [d for d in diags if d.severity.name == "ERROR"]
    assert [d.code for d in errors] == ["L002"]
    assert "a lambda passed to device function 'apply'" in errors[0].message


def test_a_lambda_a_macro_writes_is_refused_not_misread(lower):
    _, diags = lower("""
    #define SCALER(s) [=](float v) { return v * s; }
    __global__ void k(float* o, float a) { auto f = SCALER(a); o[0] = f(o[1]); }""")
    errors = [d for d in diags if d.severity.name == "ERROR"]
    assert [d.code for d in errors] == ["L002"], errors
    assert "macro" in errors[0].message
