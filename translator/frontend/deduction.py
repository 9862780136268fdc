"""The type arguments of a call of a member function template, deduced from the types of its parameters.

libclang reports no template arguments of a method template's specialization (clang_Cursor_getNumTemplateArguments
answers -1 for a method), only the specialization's parameter types. A functor's operator is usually written so that
those types give the arguments back:

    template <typename T, typename U> R operator()(T &&t, const U &u) const;     called with (float &, const int &)

Each parameter of the template whose type names exactly one template parameter is matched against the actual type,
as C++ spellings (canonical on the actual side): the text around the name must agree, and the name stands for the
rest (`const U &` against `const int &` gives U = int; `W<T>` against `W<float>` gives T = float). A forwarding
reference `T &&` gives T = `X &` for an lvalue of type X and T = X for an rvalue, as C++ deduces it. The actual may
also be an argument's type rather than a parameter's (CUB calls an operator with two `X &`): `T` takes X without
its reference and top-level const, and `const T &` takes X where X is not const. A name that no
parameter gives, or two parameters that give different types, leaves the instance undeducible: the caller refuses it.
"""

from __future__ import annotations

import re


def _split(pattern: str, name: str) -> tuple[str, str] | None:
    """The text before and after the single whole-word `name` in `pattern`, or None."""
    found = list(re.finditer(rf"(?<![\w:]){re.escape(name)}(?!\w)", pattern))
    if len(found) != 1:
        return None
    return pattern[:found[0].start()], pattern[found[0].end():]


def _one(pattern: str, actual: str, name: str) -> str | None:
    """What `name` stands for when `pattern` (a parameter's declared type) is `actual`; None when it does not tell."""
    if pattern == f"{name} &&":                                     # a forwarding reference
        return actual if actual.endswith(" &") else actual.removesuffix(" &&")
    if pattern == name:                                             # by value: the argument's type, decayed
        return _unqualified(_referred(actual))
    if pattern.endswith(" &") and not pattern.endswith("&&"):       # `const T &` binds `X &` with T = X
        inner, referred = pattern[:-2], _referred(actual)
        if inner.startswith("const ") and not referred.startswith("const "):
            inner = inner.removeprefix("const ")
        return _match(inner, referred, name)
    return _match(pattern, actual, name)


def _match(pattern: str, actual: str, name: str) -> str | None:
    """`name`'s part of `actual` where the rest of `pattern` is spelled alike around it; None where it is not."""
    parts = _split(pattern, name)
    if parts is None:
        return None
    before, after = parts
    if not actual.startswith(before) or not actual.endswith(after) or len(actual) <= len(before) + len(after):
        return None
    return actual[len(before):len(actual) - len(after)].strip()


def _referred(actual: str) -> str:
    return actual.removesuffix(" &&").removesuffix(" &")


def _unqualified(actual: str) -> str:
    return re.sub(r"^(const |volatile )+", "", actual)


def deduce(names: list[str], patterns: list[str], actuals: list[str]) -> dict[str, str] | None:
    """The type each of the template parameters `names` stands for, given the declared parameter types `patterns`
    and the specialization's `actuals`; None when one is not told or is told two ways."""
    found: dict[str, str] = {}
    for pattern, actual in zip(patterns, actuals):
        named = [n for n in names if _split(pattern, n) is not None]
        if len(named) != 1:
            continue
        value = _one(pattern, actual, named[0])
        if value is None:
            continue
        if found.setdefault(named[0], value) != value:
            return None
    return found if all(n in found for n in names) else None
