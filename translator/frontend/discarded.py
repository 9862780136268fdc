"""The substatements of `if constexpr` that a template instance discards.

C++ never instantiates the branch of an `if constexpr` whose condition is false once the template's arguments
are known; host code relies on it (`if constexpr (std::is_same_v<T, __half>) k<__half><<<g, b>>>(...)`
launches a kernel on arguments that only type-check for one T). An instance parsed as a plain function
(translator.frontend.templates) would check every branch, so its copy leaves the discarded ones out: a
first parse of the copy tells each condition's value, and the copy parsed for good has each discarded
substatement blanked to a null statement (Instantiator._copy).
"""

from __future__ import annotations

import clang.cindex as ci

from translator.frontend.evaluate import evaluate

K = ci.CursorKind


def constexpr_ifs(function) -> list:
    """(statement, condition, then, else or None) for each `if constexpr (condition)` in `function` (a cursor),
    in source order; one with an init-statement or a condition variable is left out (kept whole)."""
    return [parts for c in function.walk_preorder() if c.kind == K.IF_STMT and (parts := _parts(c)) is not None]


def _parts(stmt) -> tuple | None:
    kids = list(stmt.get_children())
    if len(kids) not in (2, 3) or not kids[0].kind.is_expression():
        return None
    head = ci.SourceRange.from_locations(stmt.extent.start, kids[1].extent.start)
    words = [t.spelling for t in stmt.translation_unit.get_tokens(extent=head)
             if t.extent.start.offset < kids[1].extent.start.offset]
    if words[:3] != ["if", "constexpr", "("] or words[-1:] != [")"]:
        return None
    return stmt, kids[0], kids[1], kids[2] if len(kids) == 3 else None


def ranges(template, instance) -> list[tuple[int, int]]:
    """Byte ranges, in the file of `template` (a FUNCTION_TEMPLATE cursor), of the substatements that
    `instance` (the FUNCTION_DECL of its copy, parsed with its arguments bound) discards. A statement whose
    condition clang cannot evaluate is kept whole."""
    written, copied = constexpr_ifs(template), constexpr_ifs(instance)
    if len(written) != len(copied):
        return []
    out: list[tuple[int, int]] = []
    for (stmt, _, then, other), (_, condition, _, _) in zip(written, copied):
        if any(a <= stmt.extent.start.offset < b for a, b in out):
            continue                                    # inside a substatement dropped already
        value = evaluate(condition)
        dropped = None if value is None else other if value else then
        if dropped is not None:
            out.append((dropped.extent.start.offset, dropped.extent.end.offset))
    return out
