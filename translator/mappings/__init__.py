"""CUDA API name tables: one TOML file per API family, loaded into validated frozen records.

A table file holds sections; each section maps a CUDA name to one inline-table record
(see the comment at the top of runtime.toml for the fields). Loading checks every record and
raises TableError on unknown keys, bad flags, missing fields, duplicate names or unsorted sections.
"""

from __future__ import annotations

import dataclasses
import functools
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

TABLE_DIR = Path(__file__).resolve().parent
TARGETS = ("hip", "opencl", "cpu")
KINDS = ("function", "type", "constant", "macro")
FLAGS = ("supported", "unsupported", "deprecated", "removed", "experimental")
VERSION_KEYS = ("cuda_added", "cuda_deprecated", "cuda_removed")
SHIM_PREFIX = {"opencl": "oclrt", "cpu": "cpurt"}
_REQUIRED = {"kind", *TARGETS, "flags"}
_ALLOWED = _REQUIRED | set(VERSION_KEYS)


class TableError(ValueError):
    """A mapping table breaks one of the rules above (a bug in the data, found at load time)."""


@dataclasses.dataclass(frozen=True)
class Record:
    name: str
    section: str
    kind: str
    hip: str
    opencl: str
    cpu: str
    flags: tuple[tuple[str, str], ...]      # ((target, flag), ...) in TARGETS order
    cuda_added: str = ""
    cuda_deprecated: str = ""
    cuda_removed: str = ""

    def target_name(self, target: str) -> str:
        return getattr(self, target)

    def flag(self, target: str) -> str:
        return dict(self.flags)[target]

    def __post_init__(self) -> None:
        where = f"{self.section}.{self.name}"
        if self.kind not in KINDS:
            raise TableError(f"{where}: kind {self.kind!r} is not one of {', '.join(KINDS)}")
        for target, flag in self.flags:
            _check_flag(where, target, flag, self.target_name(target))


def _check_flag(where: str, target: str, flag: str, name: str) -> None:
    if flag not in FLAGS:
        raise TableError(f"{where}: flag {flag!r} for {target} is not one of {', '.join(FLAGS)}")
    if (flag == "unsupported") != (name == ""):
        raise TableError(f"{where}: {target} name {name!r} does not agree with flag {flag!r} "
                         "(a name is empty exactly when the flag is 'unsupported')")


def _record(section: str, name: str, fields: dict) -> Record:
    where = f"{section}.{name}"
    if not isinstance(fields, dict):
        raise TableError(f"{where}: a record must be an inline table")
    unknown = set(fields) - _ALLOWED
    missing = _REQUIRED - set(fields)
    if unknown or missing:
        raise TableError(f"{where}: unknown keys {sorted(unknown)}, missing keys {sorted(missing)}")
    flags = fields["flags"]
    if not isinstance(flags, dict) or set(flags) != set(TARGETS):
        raise TableError(f"{where}: flags must give exactly {', '.join(TARGETS)}")
    return Record(name=name, section=section, kind=fields["kind"],
                  **{t: fields[t] for t in TARGETS},
                  flags=tuple((t, flags[t]) for t in TARGETS),
                  **{k: fields[k] for k in VERSION_KEYS if k in fields})


def parse_table(data: dict, family: str = "<table>") -> tuple[Record, ...]:
    """Validate the parsed TOML of one family; return its records in file order."""
    records: list[Record] = []
    seen: dict[str, str] = {}
    for section, entries in data.items():
        if not isinstance(entries, dict):
            raise TableError(f"{family}: top-level key {section!r} must be a [section]")
        names = list(entries)
        if names != sorted(names):
            raise TableError(f"{family}: section [{section}] is not sorted by name")
        for name, fields in entries.items():
            if name in seen:
                raise TableError(f"{family}: {name} appears in [{seen[name]}] and [{section}]")
            seen[name] = section
            records.append(_record(section, name, fields))
    return tuple(records)


@functools.lru_cache(maxsize=None)
def load_table(family: str = "runtime") -> tuple[Record, ...]:
    path = TABLE_DIR / f"{family}.toml"
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TableError(f"no mapping table for API family {family!r} ({path})") from None
    except tomllib.TOMLDecodeError as exc:
        raise TableError(f"{path.name}: {exc}") from None
    return parse_table(data, path.name)


def families() -> list[str]:
    return sorted(p.stem for p in TABLE_DIR.glob("*.toml"))


@functools.lru_cache(maxsize=None)
def _index() -> dict[str, Record]:
    return {r.name: r for fam in families() for r in load_table(fam)}


def lookup(name: str) -> Record | None:
    """The record for a CUDA API name in any family, or None when no table lists it."""
    return _index().get(name)


def names() -> frozenset[str]:
    return frozenset(_index())
