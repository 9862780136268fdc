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


def test_the_cache_keeps_the_most_recently_used_programs_within_its_limit(tmp_path, monkeypatch):
    monkeypatch.setenv("CUTRANS_PROGRAM_CACHE_MB", "0")     # nothing fits: every stored program goes again
    builds = Builds()
    builds.make(tmp_path / "a")
    builds.make(tmp_path / "b")
    assert builds.count == 2 and not list(objcache.PROGRAMS.iterdir())


def test_prune_removes_the_oldest_first(tmp_path):
    folder = tmp_path / "programs"
    folder.mkdir()
    for age, name in enumerate(["new", "mid", "old"]):
        (folder / name).write_bytes(b"x" * 100)
        os.utime(folder / name, ns=(10**9 * (10 - age),) * 2)
    objcache._prune(folder, 250)
    assert sorted(p.name for p in folder.iterdir()) == ["mid", "new"]


def test_a_passed_check_is_not_run_again_and_a_failed_one_always_is(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "main.cpp").write_text("int v = 1;\n")
    runs = []

    def check(ok):
        def run():
            runs.append(ok)
            if not ok:
                raise RuntimeError("the compile check failed")
        return run
    for folder in ("a", "b"):
        with pytest.raises(RuntimeError):
            objcache.passed_check([*CXX, "-x", "c++", "-O1"], [tmp_path / folder / "main.cpp"],
                                  tmp_path / folder, check(False))
        objcache.passed_check([*CXX, "-x", "c++"], [tmp_path / folder / "main.cpp"], tmp_path / folder, check(True))
    assert runs == [False, True, False]
