"""Regenerate the files derived from data (STYLE.md rule 8).

    python -m translator.devtools.generate --write     write every generated file
    python -m translator.devtools.generate --check     exit 1, naming each stale file (CI)
    python -m translator.devtools.generate --dry-run   say what --write would change, write nothing

Each generator is an entry (name, output path relative to the repository root, render function
returning the file's text); add one with `register`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Callable, NamedTuple

from translator.devtools import diagnostics_doc
from translator.ir import gen_nodes
from translator.mappings import cuda_names, docs, families

ROOT = Path(__file__).resolve().parents[2]


class Generator(NamedTuple):
    name: str
    output: str                       # relative to the repository root
    render: Callable[[], str]


def _support_docs(family: str) -> list[Generator]:
    return [Generator(f"{family} support matrix (Markdown)", f"docs/support/{family}.md",
                      lambda: docs.render_markdown(family)),
            Generator(f"{family} support matrix (CSV)", f"docs/support/{family}.csv",
                      lambda: docs.render_csv(family))]


GENERATORS: list[Generator] = [gen for family in families() for gen in _support_docs(family)]
GENERATORS.append(Generator("IR node classes", "translator/ir/nodes.py", gen_nodes.render))
GENERATORS.append(Generator("CUDA runtime names for untranslated headers", cuda_names.OUTPUT, cuda_names.render))
GENERATORS.append(Generator("CUDA runtime names as HIP names for untranslated headers", cuda_names.HIP_OUTPUT,
                            cuda_names.render_hip))
GENERATORS.append(Generator("diagnostic codes", diagnostics_doc.OUTPUT, diagnostics_doc.render))


def register(name: str, output: str, render: Callable[[], str]) -> None:
    GENERATORS.append(Generator(name, output, render))


def stale(root: Path = ROOT) -> list[tuple[Generator, str]]:
    """(generator, fresh text) for every output whose file is missing or differs."""
    out = []
    for gen in GENERATORS:
        text = gen.render()
        path = root / gen.output
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            out.append((gen, text))
    return out


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(prog="python -m translator.devtools.generate", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group(required=True)
    for flag in ("--write", "--check", "--dry-run"):
        mode.add_argument(flag, dest="mode", action="store_const", const=flag.strip("-"))
    mode_name = parser.parse_args(argv).mode
    changes = stale(root)
    for gen, text in changes:
        if mode_name == "write":
            (root / gen.output).parent.mkdir(parents=True, exist_ok=True)
            (root / gen.output).write_text(text, encoding="utf-8")
        verb = {"write": "wrote", "check": "stale:", "dry-run": "would write"}[mode_name]
        print(f"{verb} {gen.output} ({gen.name})")
    if mode_name == "check" and changes:
        print("run `python -m translator.devtools.generate --write` and commit the result", file=sys.stderr)
        return 1
    if not changes:
        print(f"all {len(GENERATORS)} generated files are up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
