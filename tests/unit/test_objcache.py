"""The runtime-object cache (translator/verify/objcache.py): reuse for the same inputs, a new key for any
change of the shim, a header it includes (transitively), a flag or the compiler; off with
CUTRANS_OBJECT_CACHE=0."""

from __future__ import annotations

import pytest

from translator.verify import objcache

COMMAND = ["c++", "-std=c++17", "-O2", "-I."]


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.setattr(objcache, "OBJECTS", tmp_path / "cache")
    monkeypatch.delenv("CUTRANS_OBJECT_CACHE", raising=False)
    build = tmp_path / "build"
    build.mkdir()
    (build / "rt.cpp").write_text('#include "rt.h"\nint f() { return G; }\n')
    (build / "rt.h").write_text('#include "common.inc"\n')
    (build / "common.inc").write_text("#define G 1\n")
    return build


class Compiler:
    def __init__(self):
        self.calls = 0

    def __call__(self, obj):
        self.calls += 1
        obj.write_bytes(b"object %d" % self.calls)


def test_second_build_reuses_the_object(folder):
    compile_into = Compiler()
    first = objcache.shim_object(COMMAND, folder / "rt.cpp", compile_into)
    second = objcache.shim_object(COMMAND, folder / "rt.cpp", compile_into)
    assert compile_into.calls == 1
    assert first == folder / "rt.o"
    assert second.parent == objcache.OBJECTS and second.read_bytes() == b"object 1"


@pytest.mark.parametrize("change", ["source", "header", "nested header", "flag"])
def test_any_input_change_gives_a_new_key(folder, change):
    key = objcache.object_key(COMMAND, folder / "rt.cpp")
    command = COMMAND
    if change == "source":
        (folder / "rt.cpp").write_text('#include "rt.h"\nint f() { return G + 1; }\n')
    elif change == "header":
        (folder / "rt.h").write_text('#include "common.inc"\n#define H 2\n')
    elif change == "nested header":
        (folder / "common.inc").write_text("#define G 2\n")
    else:
        command = [*COMMAND, "-DNDEBUG"]
    assert objcache.object_key(command, folder / "rt.cpp") != key


def test_an_unrelated_file_in_the_folder_keeps_the_key(folder):
    key = objcache.object_key(COMMAND, folder / "rt.cpp")
    (folder / "program.cpp").write_text("int main() {}\n")
    assert objcache.object_key(COMMAND, folder / "rt.cpp") == key


def test_another_compiler_gives_a_new_key(folder, tmp_path):
    other = tmp_path / "bin" / "c++"
    other.parent.mkdir()
    other.write_text("#!/bin/sh\n")
    other.chmod(0o755)
    assert objcache.object_key([str(other), *COMMAND[1:]], folder / "rt.cpp") != \
        objcache.object_key(COMMAND, folder / "rt.cpp")


def test_disabled_cache_always_compiles_in_the_folder(folder, monkeypatch):
    monkeypatch.setenv("CUTRANS_OBJECT_CACHE", "0")
    compile_into = Compiler()
    for _ in range(2):
        assert objcache.shim_object(COMMAND, folder / "rt.cpp", compile_into) == folder / "rt.o"
    assert compile_into.calls == 2
    assert not objcache.OBJECTS.exists()


def test_unwritable_cache_still_builds(folder, monkeypatch, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.write_text("a file where the cache folder would be")
    monkeypatch.setattr(objcache, "OBJECTS", blocker / "objects")
    assert objcache.shim_object(COMMAND, folder / "rt.cpp", Compiler()) == folder / "rt.o"
