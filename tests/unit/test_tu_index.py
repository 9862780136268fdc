"""translator/frontend/tu_index.py: one grouping of a translation unit's top level by file, the same cursors
the direct walks find, and no unit kept alive by the index (it once was: a cache keyed by the unit held its
cursors, which hold the unit, and the test processes grew to 16 GB)."""

from __future__ import annotations

import gc
import weakref

from translator.frontend import tu_index
from translator.frontend.clang_setup import parse


def _unit(cuda_file):
    path = cuda_file('#include <cstdio>\nnamespace n { __global__ void k(int *p) { p[0] = 1; } }\n'
                     'int main() { int *p = nullptr; n::k<<<1, 1>>>(p); printf("x"); return 0; }\n')
    tu, _, _ = parse(path)
    return tu


def test_the_index_finds_what_the_direct_walks_find(cuda_file):
    tu = _unit(cuda_file)
    main = [c for c in tu.cursor.get_children() if c.location.file is not None and c.location.file.name == tu.spelling]
    assert [c.hash for c in tu_index.top_level(tu, tu.spelling)] == [c.hash for c in main]
    assert [c.hash for c in tu_index.preorder(tu, tu.spelling)] == [d.hash for c in main for d in c.walk_preorder()]
    assert tu.spelling in tu_index.files(tu) and len(tu_index.files(tu)) > 1          # and the headers'
    assert tu_index.top_level(tu, None), "predefined macros have no file"


def test_grouping_by_file_handle_matches_the_bindings_file_names(cuda_file):
    """_by_file asks libclang for file handles, not a location and name per cursor: the same groups."""
    tu = _unit(cuda_file)
    slow: dict = {}
    for c in tu.cursor.get_children():
        f = c.location.file
        slow.setdefault(f.name if f is not None else None, []).append(c.hash)
    assert {name: [c.hash for c in group] for name, group in tu_index._by_file(tu.cursor.get_children()).items()} == slow


def test_of_kind_reads_the_same_kinds_as_the_property(cuda_file):
    import clang.cindex as ci
    tu = _unit(cuda_file)
    for kind in (ci.CursorKind.FUNCTION_DECL, ci.CursorKind.NAMESPACE, ci.CursorKind.UNEXPOSED_DECL):
        assert [c.hash for c in tu_index.of_kind(tu, kind)] == \
            [c.hash for c in tu.cursor.get_children() if c.kind == kind]


def test_the_python_null_test_agrees_with_libclang(cuda_file):
    """clang_setup replaces the binding's is_null (a clang_equalCursors call) by a test of the fields."""
    import clang.cindex as ci
    tu = _unit(cuda_file)
    lib = ci.conf.lib
    cursors = [*list(tu.cursor.walk_preorder())[:3000], lib.clang_getNullCursor()]
    for c in cursors:
        assert c.is_null() == bool(lib.clang_equalCursors(c, lib.clang_getNullCursor()))
    assert cursors[-1].is_null() and not tu.cursor.is_null()


def test_an_indexed_unit_is_freed(cuda_file):
    tu = _unit(cuda_file)
    tu_index.preorder(tu, tu.spelling)
    alive = weakref.ref(tu)
    del tu
    gc.collect()
    assert alive() is None
