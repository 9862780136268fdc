"""Which namespace a libclang cursor was declared in (the APIs the frontend gives meaning to by name)."""

from __future__ import annotations

import clang.cindex as ci


def in_namespace(cursor, name: str) -> bool:
    """Is `cursor` declared inside a namespace called `name`, at any depth (`nvcuda::wmma`, `cooperative_groups`)?"""
    parent = cursor.semantic_parent if cursor is not None else None
    while parent is not None and parent.kind != ci.CursorKind.TRANSLATION_UNIT:
        if parent.kind == ci.CursorKind.NAMESPACE and parent.spelling == name:
            return True
        parent = parent.semantic_parent
    return False
