"""Files a program writes (program mode's `--output-file NAME`): captured after each run, then compared.

Programs run in the user's folder, one after another, so each writes NAME to the same place. Before the
first run, a file already at NAME is copied aside; before each run NAME is removed, and after it what the
program wrote is copied into that run's own folder (no file: the run did not write it); at the end the
folder is restored as it was found: the saved file put back, a file verify's runs created removed.

A captured file that is UTF-8 text without NUL bytes is compared like printed output (tolerant numbers);
any other file must be byte-identical, and the first differing byte offset is reported.
"""

from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Iterator

from translator.verify.compare import ComparePolicy, compare_outputs


class Captures:
    """One program's output files, by name, each a path in the run's own folder (None: not written)."""

    def __init__(self, names: list[str], cwd: Path):
        self.names, self.cwd = names, cwd

    def take(self, folder: Path) -> dict[str, Path | None]:
        got: dict[str, Path | None] = {}
        for name in self.names:
            source = self.cwd / name
            if not source.is_file():
                got[name] = None
                continue
            target = folder / "files" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
            got[name] = target
        return got

    def forget(self) -> None:
        """Before a run: remove the file (saved at the start, or an earlier run's), so that a run that
        writes nothing is noticed."""
        for name in self.names:
            with contextlib.suppress(FileNotFoundError):
                (self.cwd / name).unlink()


@contextlib.contextmanager
def capturing(names: list[str], cwd: Path, work: Path) -> Iterator[Captures]:
    """Saves the files at `names`, yields a Captures, and restores the folder afterwards."""
    backups = work / "saved-output-files"
    saved = set()
    for name in names:
        if (cwd / name).is_file():
            (backups / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(cwd / name, backups / name)
            saved.add(name)
    try:
        yield Captures(names, cwd)
    finally:
        for name in names:
            path = cwd / name
            if name not in saved:
                with contextlib.suppress(FileNotFoundError):
                    path.unlink()
            else:
                shutil.copy2(backups / name, path)


def _text(data: bytes) -> str | None:
    if b"\0" in data:
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def compare_files(expected: dict[str, Path | None], actual: dict[str, Path | None],
                  policy: ComparePolicy) -> list[str]:
    """One line (or a few) per output file that differs; empty when all match."""
    problems = []
    for name, ref in expected.items():
        got = actual.get(name)
        if ref is None:
            problems.append(f"{name}: the reference did not write it")
            continue
        if got is None:
            problems.append(f"{name}: the translated program did not write it")
            continue
        e, a = ref.read_bytes(), got.read_bytes()
        e_text, a_text = _text(e), _text(a)
        if e_text is not None and a_text is not None:
            result = compare_outputs(e_text, a_text, policy)
            if not result.ok:
                problems.append(f"{name}: " + result.summary().replace("\n", f"\n{name}: "))
        elif e != a:
            offset = next((i for i, (x, y) in enumerate(zip(e, a)) if x != y), min(len(e), len(a)))
            problems.append(f"{name}: binary files differ at byte {offset} (reference {len(e)} bytes, "
                            f"translation {len(a)} bytes)")
    return problems
