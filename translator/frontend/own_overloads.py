"""A program's own device functions that carry the name of a CUDA builtin.

CUDA has no atomicMin or atomicMax on float, so programs write their own (HeCBench michalewicz:
`__device__ float atomicMin(float *address, float value)` on atomicCAS), and overloads like it of other
builtin names. A call that resolves to such a definition is an ordinary call of the program's function: the
lowering must not take it for CUDA's builtin (lower.py asks `programs_own`). HIP declares some of these
overloads itself (a float atomicMin, for one), so the HIP output renames the program's function, at its
declarations and at every call that resolves to it, to `cutrans_<name>` (`rename_sites`). Calls of CUDA's own
forms (atomicMin on int) keep the builtin.
"""

from __future__ import annotations

import clang.cindex as ci

from translator.frontend import tu_index
from translator.ir.builtins import ATOMICS, CACHE_LOADS, MATH, WARP

K = ci.CursorKind
BUILTIN_NAMES = frozenset(MATH) | frozenset(WARP) | frozenset(ATOMICS) | frozenset(CACHE_LOADS)
RENAMED_PREFIX = "cutrans_"
_DEVICE_ATTRS = {K.CUDADEVICE_ATTR, K.CUDAGLOBAL_ATTR}


def _device(cursor) -> bool:
    return cursor.kind == K.FUNCTION_DECL and any(c.kind in _DEVICE_ATTRS for c in cursor.get_children())


def programs_own(callee) -> bool:
    """Is `callee` a device function with a builtin's name that the program defines itself, rather than CUDA's
    declaration of that name in the stand-in headers (system headers)?"""
    if callee is None or callee.kind != K.FUNCTION_DECL or callee.spelling not in BUILTIN_NAMES:
        return False
    definition = callee.get_definition()
    return definition is not None and definition.location.file is not None \
        and not definition.location.is_in_system_header and _device(definition)


def rename_sites(fl, tu) -> list:
    """Spans of file `fl` that name such a function: each of its declarations, and each reference that resolves
    to it. A name spelled through a macro, which a rename could not reach, is left out."""
    out = []
    for c in tu_index.preorder(tu, fl.main):
        if c.spelling not in BUILTIN_NAMES:
            continue
        if c.kind == K.FUNCTION_DECL:
            own = programs_own(c)
        elif c.kind == K.DECL_REF_EXPR:
            own = programs_own(c.referenced)
        else:
            continue
        start = c.location.offset
        end = start + len(c.spelling)
        if own and fl.source[start:end] == c.spelling.encode():
            out.append(fl.span(start, end))
    return sorted(set(out), key=lambda s: s.start)
