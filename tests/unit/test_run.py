"""translator.verify.run: exit statuses, signals, time limits over whole process groups, output capture,
private work folders. Children are small Python scripts run with this interpreter."""

import os
import stat
import sys
import time
from pathlib import Path

import pytest

from translator.diagnostics import CutransError
from translator.verify.run import RunResult, private_workdir, run_program


def py(code, **kwargs):
    kwargs.setdefault("cwd", None)
    kwargs.setdefault("env", None)
    kwargs.setdefault("timeout", 30)
    return run_program([sys.executable, "-c", code], **kwargs)


def alive(pid):
    """True while `pid` runs; a zombie waiting for its parent counts as dead."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return False
    return fields[0] not in ("Z", "X")


def wait_dead(pid, seconds=5.0):
    deadline = time.monotonic() + seconds
    while alive(pid) and time.monotonic() < deadline:
        time.sleep(0.02)
    return not alive(pid)


SPAWN_SLEEPER = """
import subprocess, sys
child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
open(sys.argv[1], "w").write(str(child.pid))
"""


def test_output_and_status():
    result = py("import sys; print('hello'); print('warn', file=sys.stderr); sys.exit(3)")
    assert (result.stdout, result.stderr, result.returncode) == ("hello\n", "warn\n", 3)
    assert not result.timed_out and result.signal is None and not result.ok
    assert result.describe() == "exited with status 3"
    assert result.argv[0] == sys.executable and result.seconds >= 0


def test_success():
    result = py("print(1)")
    assert result.ok and result.returncode == 0


def test_signal_is_named():
    result = py("import os, signal; os.kill(os.getpid(), signal.SIGSEGV)")
    assert (result.returncode, result.signal) == (-11, "SIGSEGV")
    assert result.describe() == "killed by SIGSEGV" and not result.timed_out


def test_timeout_kills_child_and_grandchildren(tmp_path):
    pid_file = tmp_path / "pid"
    code = SPAWN_SLEEPER + "import time; print('started', flush=True); time.sleep(60)"
    started = time.monotonic()
    result = run_program([sys.executable, "-c", code, str(pid_file)], cwd=None, env=None, timeout=1.0)
    assert time.monotonic() - started < 10
    assert result.timed_out and result.signal == "SIGKILL" and not result.ok
    assert result.stdout == "started\n"  # output printed before the kill is kept
    assert "time limit" in result.describe()
    assert wait_dead(int(pid_file.read_text()))


def test_leftover_background_process_is_killed_when_the_program_exits(tmp_path):
    pid_file = tmp_path / "pid"
    started = time.monotonic()
    result = run_program([sys.executable, "-c", SPAWN_SLEEPER, str(pid_file)], cwd=None, env=None, timeout=30)
    assert time.monotonic() - started < 10  # the sleeper holds the pipes open, but does not stall the run
    assert result.ok and not result.timed_out
    assert wait_dead(int(pid_file.read_text()))


def test_stdin_cwd_and_env(tmp_path):
    code = "import os, sys; print(sys.stdin.read().upper(), os.getcwd(), os.environ['CUTRANS_T'])"
    env = dict(os.environ, CUTRANS_T="marker")
    result = py(code, cwd=tmp_path, env=env, stdin="abc")
    assert result.stdout.split() == ["ABC", str(tmp_path.resolve()), "marker"]


def test_large_stdin_and_stdout_do_not_deadlock():
    data = "x" * (4 * 1024 * 1024)
    result = py("import sys; sys.stdout.write(sys.stdin.read())", stdin=data)
    assert result.stdout == data and not result.stdout_truncated


def test_without_stdin_the_program_reads_nothing():
    assert py("import sys; print(repr(sys.stdin.read()))").stdout == "''\n"


def test_output_is_capped_and_truncation_reported():
    result = py("import sys; sys.stdout.write('a' * 100000); sys.stderr.write('b' * 10)", max_output=1000)
    assert result.stdout == "a" * 1000 and result.stdout_truncated
    assert result.stderr == "b" * 10 and not result.stderr_truncated
    assert result.ok  # the program was not stopped by the cap


def test_undecodable_output_is_replaced():
    result = py("import sys; sys.stdout.buffer.write(b'ok \\xff\\xfe end')")
    assert result.stdout == "ok \ufffd\ufffd end"


@pytest.mark.parametrize("argv, code", [(["/nonexistent/program"], "V002"), ([], "V001")])
def test_unstartable_program_is_a_diagnostic(argv, code):
    with pytest.raises(CutransError) as info:
        run_program(argv, cwd=None, env=None, timeout=5, code=code)
    assert info.value.diagnostics[0].code == code


def test_missing_working_directory_is_a_diagnostic(tmp_path):
    with pytest.raises(CutransError) as info:
        py("print(1)", cwd=tmp_path / "missing")
    assert "cannot start" in info.value.diagnostics[0].message


def test_result_is_frozen():
    result = RunResult(("p",), 0, "", "", 0.0, False, None)
    with pytest.raises(AttributeError):
        result.returncode = 1


# --- private_workdir ----------------------------------------------------------------------------------------

def test_workdir_is_private_and_removed():
    with private_workdir(keep=False, prefix="cutrans-test-") as path:
        assert path.is_dir() and path.name.startswith("cutrans-test-")
        assert stat.S_IMODE(path.stat().st_mode) == 0o700
        (path / "sub").mkdir()
        (path / "sub" / "f").write_text("x")
    assert not path.exists()


def test_workdir_is_removed_after_an_error_and_despite_read_only_contents():
    with pytest.raises(RuntimeError):
        with private_workdir(keep=False) as path:
            (path / "ro").mkdir()
            (path / "ro" / "f").write_text("x")
            (path / "ro").chmod(0o500)
            raise RuntimeError("boom")
    assert not path.exists()


def test_kept_workdir_is_reported(capsys):
    with private_workdir(keep=True) as path:
        (path / "f").write_text("x")
    try:
        assert (path / "f").exists()
        assert str(path) in capsys.readouterr().err
    finally:
        (path / "f").unlink()
        path.rmdir()


def test_kept_workdir_report_can_be_redirected():
    seen = []
    with private_workdir(keep=True, report=seen.append) as path:
        pass
    path.rmdir()
    assert seen == [path]
