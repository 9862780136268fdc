"""Template arguments of a member function template, deduced from its specialization's parameter types or from
its arguments' types (translator/frontend/deduction.py)."""

from __future__ import annotations

import pytest

from translator.frontend.deduction import deduce


@pytest.mark.parametrize("names, patterns, actuals, want", [
    # PyTorch's forwarding Max called on two lvalues, and on an lvalue and a literal
    (["T", "U"], ["T &&", "U &&"], ["float &", "float &"], {"T": "float &", "U": "float &"}),
    (["T", "U"], ["T &&", "U &&"], ["const int &", "float &&"], {"T": "const int &", "U": "float"}),
    (["T"], ["const T &"], ["const double &"], {"T": "double"}),
    (["T"], ["T"], ["unsigned int"], {"T": "unsigned int"}),
    (["V"], ["const V *"], ["const float *"], {"V": "float"}),
    (["T"], ["W<T>", "int"], ["W<short>", "int"], {"T": "short"}),
    # an argument's type, as CUB calls an operator (two `X &`): a reference binds it, a value decays it
    (["T"], ["const T &", "const T &"], ["float &", "float &"], {"T": "float"}),
    (["T"], ["T &"], ["const int &"], {"T": "const int"}),
    (["T"], ["T"], ["const float &"], {"T": "float"}),
    # the same parameter told twice, alike
    (["T"], ["T", "const T &"], ["float", "const float &"], {"T": "float"}),
])
def test_deduced(names, patterns, actuals, want):
    assert deduce(names, patterns, actuals) == want


@pytest.mark.parametrize("names, patterns, actuals", [
    (["R", "T"], ["T"], ["float"]),                               # R only in the result: not told
    (["T"], ["T", "T"], ["float", "int"]),                         # told two ways
    (["T"], ["ns::T"], ["ns::T"]),                                 # a qualified name is another name
    (["T", "U"], ["Pair<T, U>"], ["Pair<int, int>"]),              # two names in one parameter are not split
    (["T"], ["W<T>"], ["V<float>"]),                               # the text around the name must agree
])
def test_not_deduced(names, patterns, actuals):
    assert deduce(names, patterns, actuals) is None
