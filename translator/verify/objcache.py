"""Compiled runtime shims and emulation builds, cached by content (the way ccache caches objects).

Every OpenCL or CPU build links the same host runtime (oclrt.cpp, cpurt.cpp). Compiling oclrt.cpp takes
about 3 s against 0.2 s for a translated program, so `shim_object` compiles it once per distinct input and
keeps the object under CACHE_DIR/objects. The key hashes everything the object depends on: the compile
command (compiler path, its size and modification time, every flag), the shim source, and the text of
each header it includes with quotes, transitively, from the build folder. A changed shim, header, flag or
compiler gives a new key, never a stale object. Objects are written through a temporary file and a
rename, so concurrent builds (pytest-xdist workers, parallel `verify`) see a whole object or none.

Programs built against the CPU emulation (the reference, a kernel harness, HIP output on the CPU) take about
3 s each, and one verify run, a kernel case and a test of the same program build the same one again.
`cached_program` keys such a build the way ccache's preprocessor mode does: the compiler, every flag that
acts after preprocessing, and the preprocessed text (`-E -P`, about 0.15 s), which holds every header,
macro and __FILE__/__LINE__ the build sees, so -I/-D/-U and the folders the sources sit in do not split the
key. A build whose preprocessed text names its own work folder (a copied header's __FILE__) is not cached.

The programs folder keeps at most CUTRANS_PROGRAM_CACHE_MB megabytes (default 512, about ten thousand
programs); storing one past that removes the least recently used.

CUTRANS_OBJECT_CACHE=0 turns both caches off; an unwritable cache folder only costs the reuse.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import shutil
import subprocess
from pathlib import Path

from translator.verify.toolchain import CACHE_DIR

QUOTED_INCLUDE = re.compile(r'^[ \t]*#[ \t]*include[ \t]*"([^"\n]+)"', re.MULTILINE)

OBJECTS = CACHE_DIR / "objects"
PROGRAMS = CACHE_DIR / "programs"
# Flags that act only while preprocessing: the preprocessed text, which the key hashes, carries their effect.
_PREPROCESSOR_ONLY = ("-I", "-D", "-U")


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


def _program_limit() -> int:
    try:
        return max(0, int(os.environ.get("CUTRANS_PROGRAM_CACHE_MB", "512"))) << 20
    except ValueError:
        return 512 << 20


def _prune(folder: Path, limit: int) -> None:
    """Remove the least recently used files of `folder` (by modification time: a reuse touches its file)
    until the rest take at most `limit` bytes."""
    try:
        stats = [(e.stat(), e.path) for e in os.scandir(folder) if e.is_file()]
    except OSError:
        return
    kept = 0
    for st, path in sorted(stats, key=lambda sp: sp[0].st_mtime_ns, reverse=True):
        kept += st.st_size
        if kept > limit:
            try:
                os.unlink(path)
            except OSError:
                pass


def _reused(cached: Path | None, use=lambda cached: None) -> bool:
    """Whether the cache holds `cached`, a kept program or stamp; if so `use(cached)` and mark it recently
    used. False when there is none, or it went (pruned by another build) before it could be used."""
    if cached is None or not cached.is_file():
        return False
    try:
        use(cached)
        os.utime(cached)            # recently used: pruned last
        return True
    except OSError:
        return False


def _keep(cached: Path | None, data: bytes) -> None:
    """Store `data` as `cached` (None: not cacheable), then hold the folder to its limit."""
    if cached is None:
        return
    from translator.driver import write_atomic
    try:
        write_atomic(cached, data)
    except OSError:
        return
    _prune(cached.parent, _program_limit())


# where a build keeps its temporary files (toolchain.scratch_env): a different folder each build, and no
# part of what the compiler is
_SCRATCH_VARIABLES = ("TMPDIR",)


@functools.cache
def _version(program: str, env_items: tuple) -> str:
    """What `program --version` prints: a compiler driver (hipcc) may run a compiler elsewhere, which an
    upgrade changes without touching the driver's file."""
    try:
        done = subprocess.run([program, "--version"], capture_output=True, timeout=60, env=dict(env_items) or None)
        return done.stdout.decode(errors="replace")
    except (OSError, subprocess.TimeoutExpired):
        return ""


def program_key(compile_part: list[str], link_part: list[str], inputs, private: Path, env: dict | None = None) -> str | None:
    """The cache key of `compile_part + inputs + link_part` (the output path left out of `link_part`), run
    with environment `env`, or None where it cannot be cached: the preprocessor fails (the build will report
    why) or its text names `private`, the build's own folder."""
    try:
        done = subprocess.run([*compile_part, "-E", "-P", *map(str, inputs)], capture_output=True, timeout=600,
                              env=env)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0 or os.fsencode(str(private)) in done.stdout:
        return None
    digest = hashlib.sha256()
    flags = [a for a in (*compile_part, *link_part) if not a.startswith(_PREPROCESSOR_ONLY)]
    version_env = tuple(sorted((k, v) for k, v in (env or {}).items() if k not in _SCRATCH_VARIABLES))
    identity = (_compiler_identity(compile_part[0]), _version(compile_part[0], version_env))
    for part in (*identity, *flags):
        digest.update(part.encode(errors="surrogateescape") + b"\0")
    digest.update(hashlib.sha256(done.stdout).digest())
    return digest.hexdigest()[:32]


def passed_check(compile_part: list[str], inputs, private: Path, check, env: dict | None = None) -> None:
    """Run `check()`, a compile of `inputs` by `compile_part` whose output nothing uses (hipcc's compile
    check), unless the same check passed before: a passing key is kept as an empty file. A failing check
    is never kept, so its errors are reported each time."""
    key = program_key(compile_part, ["-c"], inputs, private, env) if enabled() else None
    stamp = PROGRAMS / f"{key}.passed" if key else None
    if not _reused(stamp):
        check()
        _keep(stamp, b"")


def cached_program(compile_part: list[str], link_part: list[str], inputs, exe: Path, private: Path, build) -> None:
    """Make the program `exe`, compiled from `inputs` by `compile_part` and linked with `link_part`: copied
    from the cache, or made by `build()` and then stored."""
    key = program_key(compile_part, link_part, inputs, private) if enabled() else None
    cached = PROGRAMS / f"{key}.exe" if key else None

    def copy(cached: Path) -> None:
        shutil.copyfile(cached, exe)
        os.chmod(exe, 0o755)
    if _reused(cached, copy):
        return
    build()
    if exe.is_file():
        _keep(cached, exe.read_bytes())
