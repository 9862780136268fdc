"""One pass over a translation unit's top level, shared by the frontend's searches.

A CUDA file's translation unit has thousands of top-level declarations, nearly all from the headers it
includes (about 9,000 with <cstdio> and cuda_runtime.h), and each libclang call from Python costs
microseconds. The searches for launches, kernels, host templates and edit sites each used to walk that top
level again to keep the cursors of one file; `top_level` groups them by file once per translation unit,
and `preorder` keeps the walk of one file's cursors, so every search after the first reads lists.
Cursors stay valid as long as their translation unit, which the cache keys weakly.
"""

from __future__ import annotations

import weakref

_BY_FILE: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_PREORDER: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _grouped(tu) -> dict:
    groups = _BY_FILE.get(tu)
    if groups is None:
        groups = {}
        for c in tu.cursor.get_children():
            f = c.location.file
            groups.setdefault(f.name if f is not None else None, []).append(c)
        _BY_FILE[tu] = groups
    return groups


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
    walks = _PREORDER.setdefault(tu, {})
    if path not in walks:
        walks[path] = [c for top in top_level(tu, path) for c in top.walk_preorder()]
    return walks[path]
