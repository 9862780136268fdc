"""Render a mapping table as the support matrix docs: Markdown and CSV (STYLE.md rule 8)."""

from __future__ import annotations

import csv
import io
from itertools import groupby

from translator.mappings import TARGETS, VERSION_KEYS, Record, family_info, load_table

GENERATOR = "python -m translator.devtools.generate --write"
_FLAG_MARK = {"supported": "yes", "unsupported": "no", "deprecated": "deprecated", "removed": "removed",
              "experimental": "experimental"}


def banner(family: str) -> str:
    return (f"generated — do not edit; edit translator/mappings/{family}.toml and rerun {GENERATOR}")


def _cell(record: Record, target: str) -> str:
    name = record.target_name(target)
    mark = _FLAG_MARK[record.flag(target)]
    return f"`{name}`" if mark == "yes" else f"`{name}` ({mark})" if name else mark


def _versions(record: Record) -> str:
    return ", ".join(f"{k.removeprefix('cuda_')} {getattr(record, k)}" for k in VERSION_KEYS
                     if getattr(record, k))


def _note(record: Record) -> str:
    return f"{'; ' if _versions(record) else ''}HIP: {record.hip_note}" if record.hip_note else ""


def _counts(records: tuple[Record, ...]) -> str:
    cells = [f"{t}: {sum(r.flag(t) != 'unsupported' for r in records)}" for t in TARGETS]
    return f"{len(records)} CUDA names; translatable on " + ", ".join(cells) + "."


def render_markdown(family: str = "runtime") -> str:
    records = load_table(family)
    info = family_info(family)
    title = info["title"] or f"CUDA {family} API"
    out = [f"<!-- {banner(family)} -->", f"# {title}: support by target", "", _counts(records), "",
           "A name marked deprecated or removed is translated with an M002 warning; "
           "a name marked no stops translation for that target with an M001 error; "
           "a note is given as an M004 warning.", ""]
    if info["hip_library"]:
        out += [f"The CUDA program links `-l{info['cuda_library']}`; HIP output links `-l{info['hip_library']}`.", ""]
    for section, group in groupby(records, key=lambda r: r.section):
        out += [f"## {section}", "", "| CUDA | kind | HIP | OpenCL shim | CPU shim | CUDA versions, notes |",
                "|---|---|---|---|---|---|"]
        out += [f"| `{r.name}` | {r.kind} | " + " | ".join(_cell(r, t) for t in TARGETS)
                + f" | {_versions(r)}{_note(r)} |" for r in group]
        out.append("")
    return "\n".join(out)


def render_csv(family: str = "runtime") -> str:
    buf = io.StringIO()
    buf.write(f"# {banner(family)}\n")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(["cuda", "section", "kind", *(f"{t}{x}" for t in TARGETS for x in ("", "_flag")),
                     *VERSION_KEYS, "hip_note"])
    for r in load_table(family):
        writer.writerow([r.name, r.section, r.kind, *(v for t in TARGETS for v in (r.target_name(t), r.flag(t))),
                         *(getattr(r, k) for k in VERSION_KEYS), r.hip_note])
    return buf.getvalue()
