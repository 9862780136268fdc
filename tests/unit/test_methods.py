"""Methods of structs with data (translator/frontend/methods.py): each becomes a device function whose first
parameter is the object, by value for a const method that returns a value and through a pointer otherwise;
what cannot be translated exactly is refused with L003."""

from __future__ import annotations

import pytest

from translator.ir import nodes as N
from translator.ir.base import walk

VEC = """
struct V {
    float x, y;
    __device__ float sum() const { return x + this->y; }
    __device__ void add(float k) { x += k; y += k; }
    __device__ V &operator*=(float k) { x *= k; y *= k; return *this; }
    __device__ V operator-(const V &o) const { V r = {x - o.x, y - o.y}; return r; }
    __device__ float *first() { return &x; }
    __device__ const V *self_address() const { return this; }
    __device__ bool same(const V &o) const { return this == &o; }
    static __device__ float zero() { return 0.0f; }
};
struct W {
    float x;
    virtual __device__ float v() const { return x; }
};
"""


def _lower(lower, body):
    module, diags = lower(VEC + f"__global__ void k(V *o, float a) {{\n{body}\n}}")
    return module, [d for d in diags if d.severity.name == "ERROR"]


def _fn(module, name):
    return next(f for f in module.functions if f.name == name)


def _calls(fn):
    return [n for n in walk(fn) if isinstance(n, N.Call)]


def test_a_const_method_gets_a_copy_and_any_other_a_pointer(lower):
    module, errors = _lower(lower, "V v = o[0];\nv.add(a);\no[1].add(v.sum());\n(v - o[2]).sum();")
    assert not errors, errors
    assert [(p.name, str(p.type)) for p in _fn(module, "V_sum").params] == [("self", "struct V")]
    assert [str(p.type) for p in _fn(module, "V_add").params] == ["struct V*generic", "f32"]
    add, add2, sum_, sum2, sub = _calls(_fn(module, "k"))             # pre-order: a call before its arguments
    assert [c.func for c in (add, add2, sum_, sum2, sub)] == ["V_add", "V_add", "V_sum", "V_sum", "V_operator_sub"]
    assert isinstance(add.args[0], N.UnOp) and add.args[0].op == "&"                        # &v
    assert isinstance(add2.args[0], N.UnOp) and isinstance(add2.args[0].operand, N.Index)   # &o[1]
    assert isinstance(sum_.args[0], N.VarRef) and sum2.args[0] is sub                       # copies


def test_members_named_alone_or_through_this_are_the_objects(lower):
    module, errors = _lower(lower, "o[0].add(o[1].sum());")
    assert not errors, errors
    members = [n for n in walk(_fn(module, "V_add")) if isinstance(n, N.Member)]
    assert all(isinstance(m.base, N.UnOp) and m.base.op == "*" for m in members)      # (*self).x
    members = [n for n in walk(_fn(module, "V_sum")) if isinstance(n, N.Member)]
    assert all(isinstance(m.base, N.VarRef) and m.base.name == "self" for m in members)


def test_an_operator_returning_this_is_a_void_function_called_as_a_statement(lower):
    module, errors = _lower(lower, "V v = o[0];\nv *= a;\no[0] = v;")
    assert not errors, errors
    fn = _fn(module, "V_operator_mul_assign")
    assert str(fn.ret) == "void"
    assert [s for s in walk(fn) if isinstance(s, N.Return)][0].value is None


def test_a_pointer_object_is_passed_as_it_is(lower):
    module, errors = _lower(lower, "V *p = &o[3];\np->add(1.0f);\no[0].x = p->sum();")
    assert not errors, errors
    add = next(c for c in _calls(_fn(module, "k")) if c.func == "V_add")
    assert isinstance(add.args[0], N.VarRef) and add.args[0].name == "p"


def test_a_static_method_is_a_function_without_an_object(lower):
    module, errors = _lower(lower, "o[0].x = V::zero();")
    assert not errors, errors
    zero = _fn(module, "V_zero")
    assert zero.params == []
    call = next(c for c in _calls(_fn(module, "k")) if c.func == "V_zero")
    assert call.args == []


@pytest.mark.parametrize("body, message", [
    ("(o[0] - o[1]).add(a);", "called here on a temporary"),
    ("V v = o[0];\no[1] = (v *= a);", "returns a reference, whose value is used"),
    ("o[0].same(o[1]);", "uses 'this' as an address"),
    ("W w;\no[0].x = w.v();", "virtual method"),
])
def test_what_cannot_be_translated_exactly_is_refused(lower, body, message):
    _, errors = _lower(lower, body)
    assert errors and errors[0].code == "L003" and message in errors[0].message, errors


CTOR = """
struct C {
    float re, im;
    __device__ C() : re(0.0f), im(1.0f) {}
    __device__ C(float r, float i) : re(r), im(i) { if (r < 0.0f) { im = -i; return; } re += 1.0f; }
    __device__ float sum() const { return re + im; }
};
struct Holder { C c; };
"""


def _construct(lower, body):
    module, diags = lower(CTOR + f"__global__ void k(float *o, float a) {{\n{body}\n}}")
    return module, [d for d in diags if d.severity.name == "ERROR"]


def test_a_constructor_makes_the_object_and_returns_it(lower):
    module, errors = _construct(lower, "C d;\nC e(a, 2.0f);\nC f = C(3.0f, a);\no[0] = d.sum() + e.sum() + f.sum();")
    assert not errors, errors
    make = _fn(module, "C_C_float_float")
    assert make.params[0].name == "r" and str(make.ret) == "struct C"
    first, *_, last = make.body.stmts
    assert isinstance(first, N.VarDecl) and first.name == "self" and first.init is None
    assert isinstance(last, N.Return) and last.value.name == "self"
    early = [r for r in walk(make) if isinstance(r, N.Return)]
    assert len(early) == 2 and all(r.value.name == "self" for r in early)      # `return;` returns the object
    inits = [d.init for d in walk(_fn(module, "k")) if isinstance(d, N.VarDecl)]
    assert [i.func for i in inits] == ["C_C", "C_C_float_float", "C_C_float_float"]   # `C d;` runs C()


@pytest.mark.parametrize("body, message", [
    ("C cs[4];\no[0] = cs[0].sum();", "an array of 'C'"),
    ("Holder h;\no[0] = h.c.sum();", "is a struct with a constructor"),
])
def test_constructions_that_run_per_element_are_refused(lower, body, message):
    _, errors = _construct(lower, body)
    assert errors and errors[0].code == "L003" and message in errors[0].message, errors
