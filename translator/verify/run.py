"""Running one program: its own process group, a time limit, capped output, and a private work folder.

`run_program` starts the program as the leader of a new process group. When the leader exits, or when the
time limit passes, every process left in that group is killed, so a program that forks helpers or a
shell that backgrounds a job can neither outlive the run nor hold its output pipes open. The leader is
kept as a zombie until the group has been killed, which stops its id (and so the group id) from being
reused by an unrelated process in between. A process that left the group (setsid) and still holds the
pipes gets _DRAIN_GRACE_SECONDS; then its output is abandoned.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import selectors
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

from translator.diagnostics import CutransError, error

MAX_OUTPUT_BYTES = 16 * 1024 * 1024
"""Bytes kept of each of stdout and stderr; the rest is read and discarded."""

_POLL_SECONDS = 0.01
_DRAIN_GRACE_SECONDS = 2.0  # for output pipes still held by processes that left the group
_CHUNK = 64 * 1024


@dataclasses.dataclass(frozen=True)
class RunResult:
    argv: tuple[str, ...]
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    timed_out: bool
    signal: str | None  # e.g. "SIGSEGV" when the program was killed by a signal, else None
    stdout_truncated: bool = False
    stderr_truncated: bool = False

    @property
    def ok(self) -> bool:
        """True when the program ran to completion and exited with status 0."""
        return self.returncode == 0 and not self.timed_out

    def describe(self) -> str:
        """How the program ended, in a few words: 'exited with status 3', 'killed by SIGSEGV', ..."""
        if self.timed_out:
            return f"ran past its time limit and was killed after {self.seconds:.1f} s"
        if self.signal:
            return f"killed by {self.signal}"
        return f"exited with status {self.returncode}"


class _Capture:
    """Reads a program's stdout and stderr as they arrive, keeping the first `limit` bytes of each."""

    def __init__(self, proc: subprocess.Popen, limit: int):
        self._limit = limit
        self._selector = selectors.DefaultSelector()
        self._kept: dict[str, bytearray] = {"stdout": bytearray(), "stderr": bytearray()}
        self.truncated = {"stdout": False, "stderr": False}
        for name in self._kept:
            pipe = getattr(proc, name)
            os.set_blocking(pipe.fileno(), False)
            self._selector.register(pipe, selectors.EVENT_READ, name)

    def pump(self, seconds: float) -> None:
        """Reads whatever arrives within `seconds`; closes each pipe at its end."""
        for key, _ in self._selector.select(max(seconds, 0.0)):
            chunk = os.read(key.fileobj.fileno(), _CHUNK)
            if not chunk:
                self._selector.unregister(key.fileobj)
                key.fileobj.close()
            else:
                self._keep(key.data, chunk)

    def _keep(self, name: str, chunk: bytes) -> None:
        kept = self._kept[name]
        room = self._limit - len(kept)
        if len(chunk) > room:
            self.truncated[name] = True
        kept += chunk[:max(room, 0)]

    @property
    def open(self) -> bool:
        return bool(self._selector.get_map())

    def close(self) -> None:
        for key in list(self._selector.get_map().values()):
            key.fileobj.close()
        self._selector.close()

    def text(self, name: str) -> str:
        return self._kept[name].decode("utf-8", errors="replace")


def _feed(pipe, data: bytes) -> None:
    with contextlib.suppress(BrokenPipeError, OSError):
        with pipe:
            pipe.write(data)


def _exited(pid: int) -> bool:
    """True once `pid` has exited; leaves it unreaped so its process group id stays reserved."""
    flags = os.WEXITED | os.WNOHANG | os.WNOWAIT
    return os.waitid(os.P_PID, pid, flags) is not None


def _wait(proc: subprocess.Popen, capture: _Capture, deadline: float) -> bool:
    """Reads output until the program exits (True) or the deadline passes (False)."""
    while not _exited(proc.pid):
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        if capture.open:
            capture.pump(min(remaining, _POLL_SECONDS))
        else:
            time.sleep(min(remaining, _POLL_SECONDS))
    return True


def _drain(capture: _Capture) -> None:
    """Reads what is left after the group was killed; gives up on pipes held by escaped processes."""
    deadline = time.monotonic() + _DRAIN_GRACE_SECONDS
    while capture.open and time.monotonic() < deadline:
        capture.pump(deadline - time.monotonic())
    capture.close()


def _kill_group(pgid: int) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, signal.SIGKILL)


def _signal_name(returncode: int) -> str | None:
    if returncode >= 0:
        return None
    try:
        return signal.Signals(-returncode).name
    except ValueError:
        return f"signal {-returncode}"


def _start(argv: list[str], cwd, env, stdin, code: str, program_name: str | None) -> subprocess.Popen:
    stdin_mode = subprocess.DEVNULL if stdin is None else subprocess.PIPE
    shown = [program_name, *argv[1:]] if program_name else argv
    try:
        return subprocess.Popen(shown, executable=argv[0], cwd=cwd, env=env, stdin=stdin_mode,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    except (OSError, ValueError) as exc:
        raise CutransError(error(code, f"cannot start {argv[0] if argv else '(empty command)'!r}: {exc}"))


def run_program(argv: list[str], *, cwd, env: dict | None, timeout: float, stdin: str | bytes | None = None,
                max_output: int = MAX_OUTPUT_BYTES, code: str = "V001",
                program_name: str | None = None) -> RunResult:
    """Runs `argv` to completion or until `timeout` seconds pass, and returns what it did.

    `env=None` inherits this process's environment. `stdin` is fed to the program (str as utf-8); without
    it the program reads from /dev/null. Output is decoded as utf-8, undecodable bytes replaced.
    A program that cannot be started (missing, not executable, bad cwd) raises CutransError with
    diagnostic `code` (V001 for the reference, V002 for a translation, V005 for a tool). `program_name`,
    when given, is what the program sees as argv[0] (the executable is still argv[0] of `argv`), so that
    programs that print or parse their own name behave the same whichever build runs.
    """
    if not argv:
        raise CutransError(error(code, "cannot start a program: the command is empty"))
    started = time.monotonic()
    proc = _start(argv, cwd, env, stdin, code, program_name)
    capture = _Capture(proc, max_output)
    if stdin is not None:
        data = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
        threading.Thread(target=_feed, args=(proc.stdin, data), daemon=True).start()
    timed_out = not _wait(proc, capture, started + timeout)
    _kill_group(proc.pid)
    returncode = proc.wait()
    seconds = time.monotonic() - started
    _drain(capture)
    return RunResult(tuple(argv), returncode, capture.text("stdout"), capture.text("stderr"), seconds,
                     timed_out, _signal_name(returncode), capture.truncated["stdout"],
                     capture.truncated["stderr"])


def _make_writable_and_retry(func, path, _exc_info) -> None:
    parent = os.path.dirname(path)
    os.chmod(parent, os.stat(parent).st_mode | stat.S_IRWXU)
    if os.path.isdir(path) and not os.path.islink(path):
        os.chmod(path, os.stat(path).st_mode | stat.S_IRWXU)
        shutil.rmtree(path, onerror=_make_writable_and_retry)
    else:
        func(path)


def _note_kept(path: Path) -> None:
    print(f"cutrans: note: kept working directory {path}", file=sys.stderr)


@contextlib.contextmanager
def private_workdir(keep: bool = False, prefix: str = "cutrans-",
                    report: Callable[[Path], None] = _note_kept) -> Iterator[Path]:
    """A fresh temporary folder only this user can enter (mode 0700).

    It is removed on exit, even when the body raises, unless `keep` is true; a kept folder's path is
    passed to `report` (by default a note on stderr) so the user can find it.
    """
    path = Path(tempfile.mkdtemp(prefix=prefix))
    path.chmod(0o700)
    try:
        yield path
    finally:
        if keep:
            report(path)
        else:
            shutil.rmtree(path, onerror=_make_writable_and_retry)
