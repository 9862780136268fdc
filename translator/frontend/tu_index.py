"""One pass over a translation unit's top level, shared by the frontend's searches.

A CUDA file's translation unit has thousands of top-level declarations, nearly all from the headers it
includes (about 9,000 with <cstdio> and cuda_runtime.h), and each libclang call from Python costs
microseconds. The searches for launches, kernels, host templates and edit sites each used to walk that top
level again to keep the cursors of one file; `top_level` groups them by file once per translation unit,
and `preorder` keeps the walk of one file's cursors, so every search after the first reads lists.
"""

from __future__ import annotations

from ctypes import byref, c_void_p, cast

import clang.cindex as ci

# Kept on the translation unit object itself: the lists hold cursors, which keep their translation unit
# alive, so a cache keyed by it (even weakly) would keep every unit ever parsed; as an attribute the unit,
# its index and its cursors form one cycle that the garbage collector frees together.
_ATTRIBUTE = "_cutrans_index"


def _index(tu) -> dict:
    index = getattr(tu, _ATTRIBUTE, None)
    if index is None:
        index = {"files": None, "preorder": {}, "children": None}
        setattr(tu, _ATTRIBUTE, index)
    return index


def _grouped(tu) -> dict:
    index = _index(tu)
    if index["files"] is None:
        index["files"] = _by_file(children(tu))
    return index["files"]


def children(tu) -> list:
    """Every top-level cursor of `tu`, in order."""
    index = _index(tu)
    if index["children"] is None:
        index["children"] = list(tu.cursor.get_children())
    return index["children"]


def of_kind(tu, kind) -> list:
    """The top-level cursors of `tu` of CursorKind `kind`, in order, read from the cursor's own kind field
    (the `kind` property converts each cursor's kind through an enum lookup first)."""
    return [c for c in children(tu) if c._kind_id == kind.value]


def _by_file(cursors) -> dict:
    """`cursors` grouped by the name of the file each is located in (None: no file), in order. Asks libclang
    for each cursor's file handle alone and for a file's name once: `cursor.location.file.name` would build
    a location, a file and a name string per cursor, most of the time of a small file's parse."""
    lib, handle = ci.conf.lib, ci.c_object_p()
    by_handle: dict = {}
    for c in cursors:
        lib.clang_getInstantiationLocation(lib.clang_getCursorLocation(c), byref(handle), None, None, None)
        by_handle.setdefault(cast(handle, c_void_p).value, []).append(c)
    return {(ci.File(cast(c_void_p(h), ci.c_object_p)).name if h else None): group
            for h, group in by_handle.items()}


def top_level(tu, path: str | None) -> list:
    """The top-level cursors of `tu` located in file `path` as libclang names it (None: those with no
    file, such as predefined macros), in order."""
    return _grouped(tu).get(path, [])


def files(tu) -> list:
    """The names of the files that hold top-level cursors of `tu`."""
    return [name for name in _grouped(tu) if name is not None]


def preorder(tu, path: str) -> list:
    """Every cursor under the top-level cursors of file `path`, each top-level cursor first, in source
    order (what `walk_preorder` of each would give, joined)."""
    walks = _index(tu)["preorder"]
    if path not in walks:
        walks[path] = [c for top in top_level(tu, path) for c in top.walk_preorder()]
    return walks[path]
