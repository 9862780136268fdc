"""Compiled runtime shims, cached by content (the way ccache caches objects).

Every OpenCL or CPU build links the same host runtime (oclrt.cpp, cpurt.cpp). Compiling oclrt.cpp takes
about 3 s against 0.2 s for a translated program, so `shim_object` compiles it once per distinct input and
keeps the object under CACHE_DIR/objects. The key hashes everything the object depends on: the compile
command (compiler path, its size and modification time, every flag), the shim source, and the text of
each header it includes with quotes, transitively, from the build folder. A changed shim, header, flag or
compiler gives a new key, never a stale object. Objects are written through a temporary file and a
rename, so concurrent builds (pytest-xdist workers, parallel `verify`) see a whole object or none.
CUTRANS_OBJECT_CACHE=0 turns the cache off; an unwritable cache folder only costs the reuse.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from pathlib import Path

from translator.verify.reference import QUOTED_INCLUDE
from translator.verify.toolchain import CACHE_DIR

OBJECTS = CACHE_DIR / "objects"


def enabled() -> bool:
    return os.environ.get("CUTRANS_OBJECT_CACHE", "1") != "0"


def _included(source: Path, seen: dict[Path, bytes]) -> None:
    """`seen` gets the bytes of `source` and of every existing file it includes with quotes, transitively
    (paths relative to the including file, as the compiler looks first)."""
    if source in seen or not source.is_file():
        return
    seen[source] = data = source.read_bytes()
    for name in QUOTED_INCLUDE.findall(data.decode("utf-8", "surrogateescape")):
        _included((source.parent / name).resolve(), seen)


def _compiler_identity(program: str) -> str:
    path = shutil.which(program) or program
    try:
        st = os.stat(path)
        return f"{os.path.realpath(path)}:{st.st_size}:{st.st_mtime_ns}"
    except OSError:
        return path


def object_key(command: list[str], source: Path) -> str:
    """The cache key of compiling `source` (in its build folder) with `command` (everything but the
    source, -c and -o)."""
    digest = hashlib.sha256()
    for part in (_compiler_identity(command[0]), *command):
        digest.update(part.encode(errors="surrogateescape") + b"\0")
    files: dict[Path, bytes] = {}
    source = source.resolve()
    _included(source, files)
    for path, data in files.items():
        name = path.relative_to(source.parent) if source.parent in path.parents else path
        digest.update(str(name).encode(errors="surrogateescape") + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()[:32]


def shim_object(command: list[str], source: Path, compile_into) -> Path:
    """The object of `source` compiled with `command`: from the cache, or built by `compile_into(path)` (which
    runs `command -c source -o path`) and then stored."""
    local = source.with_suffix(".o")
    if not enabled():
        compile_into(local)
        return local
    cached = OBJECTS / f"{source.stem}-{object_key(command, source)}.o"
    if cached.is_file():
        return cached
    compile_into(local)
    from translator.driver import write_atomic
    try:
        write_atomic(cached, local.read_bytes())
    except OSError:
        pass
    return local
