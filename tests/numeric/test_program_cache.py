"""The emulation-build cache (objcache.cached_program): a program is built once for the same preprocessed
text and flags, wherever its sources and headers sit; any change the compiler would see (a header's text, a
define, a flag that acts after preprocessing) builds again, and a build that names its own work folder
(__FILE__ in a copied header) is never reused. Runs the host C++ preprocessor."""

from __future__ import annotations

import os
import shutil

import pytest

from translator.verify import objcache

pytestmark = [
    pytest.mark.toolchain("c++"),
    pytest.mark.skipif(shutil.which(os.environ.get("CXX", "c++").split()[0]) is None,
                       reason="no host C++ compiler (c++ or $CXX) to preprocess with"),
]
CXX = os.environ.get("CXX", "c++").split()


@pytest.fixture(autouse=True)
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(objcache, "PROGRAMS", tmp_path / "cache")
    monkeypatch.delenv("CUTRANS_OBJECT_CACHE", raising=False)


class Builds:
    """Stands in for the compiler's build: writes a numbered executable and counts the builds."""

    def __init__(self):
        self.count = 0

    def make(self, folder, header="#define N 1\n", flags=(), main='#include "n.h"\nint v = N;\n'):
        """Build a program whose source sits in `folder` (its header in `folder`/inc); return its bytes."""
        (folder / "inc").mkdir(parents=True, exist_ok=True)
        (folder / "inc" / "n.h").write_text(header)
        (folder / "main.cpp").write_text(main)
        exe = folder / "program"

        def build():
            self.count += 1
            exe.write_bytes(b"build %d" % self.count)
        objcache.cached_program([*CXX, "-x", "c++", f"-I{folder / 'inc'}", *flags], ["-o-placeholder"],
                                [folder / "main.cpp"], exe, folder, build)
        return exe.read_bytes()


def test_the_same_program_in_another_folder_is_built_once(tmp_path):
    builds = Builds()
    first = builds.make(tmp_path / "a")
    again = builds.make(tmp_path / "b")
    assert builds.count == 1 and first == again == b"build 1"
    assert os.access(tmp_path / "b" / "program", os.X_OK)


@pytest.mark.parametrize("change", [
    dict(header="#define N 2\n"),
    dict(flags=("-DEXTRA=1",), main='#include "n.h"\nint v = N + EXTRA;\n'),
    dict(flags=("-O0",)),
])
def test_a_change_the_compiler_sees_builds_again(tmp_path, change):
    builds = Builds()
    builds.make(tmp_path / "a")
    assert builds.make(tmp_path / "b", **change) == b"build 2"


def test_a_define_nothing_uses_keeps_the_program(tmp_path):
    builds = Builds()
    builds.make(tmp_path / "a")
    assert builds.make(tmp_path / "b", flags=("-DUNUSED=3",)) == b"build 1"


def test_a_program_naming_its_own_folder_is_never_reused(tmp_path):
    builds = Builds()
    for _ in range(2):
        builds.make(tmp_path / "a", header="const char *where = __FILE__;\n")
    assert builds.count == 2


def test_a_source_that_does_not_preprocess_is_left_to_the_build(tmp_path):
    builds = Builds()
    for _ in range(2):
        builds.make(tmp_path / "a", main='#include "missing.h"\n')
    assert builds.count == 2 and not objcache.PROGRAMS.exists()


def test_disabled_cache_always_builds(tmp_path, monkeypatch):
    monkeypatch.setenv("CUTRANS_OBJECT_CACHE", "0")
    builds = Builds()
    builds.make(tmp_path / "a")
    builds.make(tmp_path / "b")
    assert builds.count == 2
