"""`convert --stats`: what a conversion changed and what it could not, per API family, as HIPIFY's
statistics do: every CUDA API reference in the host code counted by its mapping section and by
whether the target has an equivalent, plus the kernels and launches translated."""

from __future__ import annotations

import collections
import dataclasses
import json

from translator import mappings

CONVERTED_FLAGS = {"supported", "deprecated", "removed", "experimental"}


@dataclasses.dataclass
class FileStats:
    path: str
    target: str
    converted: collections.Counter = dataclasses.field(default_factory=collections.Counter)    # section -> n
    unconverted: collections.Counter = dataclasses.field(default_factory=collections.Counter)  # section -> n
    unconverted_names: set = dataclasses.field(default_factory=set)
    kernels: int = 0
    launches: int = 0
    ok: bool = True

    def to_json(self) -> dict:
        return {"path": self.path, "target": self.target, "translated": self.ok, "kernels": self.kernels,
                "launches": self.launches, "converted": dict(sorted(self.converted.items())),
                "unconverted": dict(sorted(self.unconverted.items())),
                "unconverted_names": sorted(self.unconverted_names)}


def file_stats(unit, target: str, ok: bool) -> FileStats:
    stats = FileStats(unit.path, target, ok=ok, launches=len(unit.sites.launches),
                      kernels=sum(f.kind == "kernel" for f in getattr(unit.module, "functions", [])))
    for site in unit.sites.names:
        record = mappings.lookup(site.name)
        if record is None:
            continue
        if record.flag(target) in CONVERTED_FLAGS:
            stats.converted[record.section] += 1
        else:
            stats.unconverted[record.section] += 1
            stats.unconverted_names.add(site.name)
    return stats


def render_text(all_stats: list[FileStats]) -> str:
    """One block: references per API family (converted / not), then totals and the names left over."""
    converted = sum((s.converted for s in all_stats), collections.Counter())
    unconverted = sum((s.unconverted for s in all_stats), collections.Counter())
    sections = sorted(set(converted) | set(unconverted))
    width = max([len("API family")] + [len(s) for s in sections])
    lines = [f"{'API family':<{width}}  converted  unconverted", "-" * (width + 25)]
    lines += [f"{s:<{width}}  {converted[s]:>9}  {unconverted[s]:>11}" for s in sections]
    total_c, total_u = sum(converted.values()), sum(unconverted.values())
    share = 100.0 * total_c / (total_c + total_u) if total_c + total_u else 100.0
    lines.append(f"{'total':<{width}}  {total_c:>9}  {total_u:>11}   ({share:.1f}% of CUDA API references converted)")
    files_ok = sum(s.ok for s in all_stats)
    lines.append(f"files: {files_ok} of {len(all_stats)} translated; kernels: {sum(s.kernels for s in all_stats)}; "
                 f"launches: {sum(s.launches for s in all_stats)}")
    names = sorted(set().union(*(s.unconverted_names for s in all_stats))) if all_stats else []
    if names:
        lines.append("no equivalent on the target: " + ", ".join(names))
    return "\n".join(lines)


def render_json(all_stats: list[FileStats]) -> str:
    return json.dumps({"stats": [s.to_json() for s in all_stats]}, indent=2)
