"""`convert --stats`: what a conversion changed and what it could not, per API family, as HIPIFY's
statistics do: every CUDA API reference in the host code counted by its mapping section and by
whether the target has an equivalent, plus the kernels and launches translated. Preprocessor branches that
are inactive in the configuration parsed are counted apart, per file (the input and the headers converted with
it): how many mention CUDA API names, how many names, and whether --all-branches rewrote them or they were left."""

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
    inactive: list = dataclasses.field(default_factory=list)   # per file with such branches: see inactive_branches
    inactive_rewritten: bool = False

    def to_json(self) -> dict:
        return {"path": self.path, "target": self.target, "translated": self.ok, "kernels": self.kernels,
                "launches": self.launches, "converted": dict(sorted(self.converted.items())),
                "unconverted": dict(sorted(self.unconverted.items())),
                "unconverted_names": sorted(self.unconverted_names),
                "inactive_branches": {"rewritten": self.inactive_rewritten, "files": self.inactive}}


def inactive_branches(sites) -> list[dict]:
    """For the file of `sites` and each header converted with it, where it has inactive preprocessor branches
    that mention CUDA APIs: its path, how many such branches, how many CUDA names they mention, their lines."""
    return [{"path": f.path, "branches": len(f.inactive),
             "names": sum(len(b.names) + len(b.includes) for b in f.inactive),
             "lines": [b.span.line for b in f.inactive]} for f in _with_headers(sites) if f.inactive]


def _with_headers(sites) -> list:
    return [sites, *(s for h in sites.headers for s in _with_headers(h.sites))]


def file_stats(unit, target: str, ok: bool, rewritten: bool = False) -> FileStats:
    """`rewritten`: the inactive branches were rewritten (--all-branches), not left as written."""
    stats = FileStats(unit.path, target, ok=ok, launches=len(unit.sites.launches),
                      kernels=sum(f.kind == "kernel" for f in getattr(unit.module, "functions", [])),
                      inactive=inactive_branches(unit.sites), inactive_rewritten=rewritten)
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
    lines += _inactive_text(all_stats)
    return "\n".join(lines)


def _inactive_text(all_stats: list[FileStats]) -> list[str]:
    rows = [(f, s.inactive_rewritten) for s in all_stats for f in s.inactive]
    if not rows:
        return []
    out = ["inactive preprocessor branches that mention CUDA APIs (--all-branches rewrites them):"]
    for f, rewritten in rows:
        plural = "es" if f["branches"] > 1 else ""
        out.append(f"  {f['path']}: {f['branches']} branch{plural}, {f['names']} CUDA API name"
                   f"{'s' if f['names'] > 1 else ''}, {'rewritten' if rewritten else 'left as written'} "
                   f"(line{'s' if f['branches'] > 1 else ''} {', '.join(map(str, f['lines']))})")
    return out


def render_json(all_stats: list[FileStats]) -> str:
    return json.dumps({"stats": [s.to_json() for s in all_stats]}, indent=2)
