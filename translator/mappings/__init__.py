"""CUDA API name tables: one TOML file per API family, loaded into validated frozen records.

A table file holds sections; each section maps a CUDA name to one inline-table record
(see the comment at the top of runtime.toml for the fields). A library's table also gives, at its top,
`title` (the library's name in diagnostics: "cuBLAS"), `cuda_library` (what the CUDA program links: "cublas")
and `hip_library` (what HIP output links: "hipblas").
Loading checks every record and raises TableError on unknown keys, bad flags, missing fields, duplicate
names or unsorted sections.

A C++ library's names are qualified (`cub::DeviceReduce`, `thrust::cuda::par`): such a name counts only where
the program writes it with that qualifier or clang resolves it into that scope (frontend/library_names.py), so
`std::copy` is not `thrust::copy`. A target name of a qualified record has as many `::` parts, and a site
that covers the last k parts of the CUDA name is rewritten with the last k parts of the target name
(`cub::DeviceReduce` -> `hipcub::DeviceReduce`, `DeviceReduce` after `using namespace cub` stays).
"""

from __future__ import annotations

import dataclasses
import functools
import re
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

TABLE_DIR = Path(__file__).resolve().parent
TARGETS = ("hip", "opencl", "cpu")
KINDS = ("function", "type", "constant", "macro", "header", "namespace", "member")
FLAGS = ("supported", "unsupported", "deprecated", "removed", "experimental")
VERSION_KEYS = ("cuda_added", "cuda_deprecated", "cuda_removed")
SHIM_PREFIX = {"opencl": "oclrt", "cpu": "cpurt"}
_REQUIRED = {"kind", *TARGETS, "flags"}
_ALLOWED = _REQUIRED | set(VERSION_KEYS) | {"hip_note"}
# Top-level keys of a table that describe the whole family rather than one name.
FAMILY_KEYS = ("title", "cuda_library", "hip_library")


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
    hip_note: str = ""                      # HIP: what a user must know when this name is translated (warning M004),
    #                                         or for a name HIP lacks, why (the M001 error says it)
    family: str = ""                        # the table it comes from ("runtime", "cublas")
    title: str = ""                         # that table's title ("cuBLAS"); "" for the runtime

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
            if self.kind != "header":
                _check_parts(where, target, self.name, self.target_name(target))


def _check_flag(where: str, target: str, flag: str, name: str) -> None:
    if flag not in FLAGS:
        raise TableError(f"{where}: flag {flag!r} for {target} is not one of {', '.join(FLAGS)}")
    if (flag == "unsupported") != (name == ""):
        raise TableError(f"{where}: {target} name {name!r} does not agree with flag {flag!r} "
                         "(a name is empty exactly when the flag is 'unsupported')")


def _check_parts(where: str, target: str, name: str, target_name: str) -> None:
    """A qualified name is identifiers joined by `::`; its target name (where there is one) has as many parts."""
    if not all(part.isidentifier() for part in name.split("::")):
        raise TableError(f"{where}: {name!r} is not an identifier or a qualified name")
    if target_name and target_name.count("::") != name.count("::"):
        raise TableError(f"{where}: {target} name {target_name!r} does not have as many '::' parts as {name!r}")


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
                  flags=tuple((t, flags[t]) for t in TARGETS), hip_note=fields.get("hip_note", ""),
                  **{k: fields[k] for k in VERSION_KEYS if k in fields})


def parse_table(data: dict, family: str = "<table>") -> tuple[Record, ...]:
    """Validate the parsed TOML of one family; return its records in file order."""
    records: list[Record] = []
    seen: dict[str, str] = {}
    for section, entries in data.items():
        if section in FAMILY_KEYS:
            if not isinstance(entries, str):
                raise TableError(f"{family}: {section} must be a string")
            continue
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
def _load(family: str) -> dict:
    path = TABLE_DIR / f"{family}.toml"
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TableError(f"no mapping table for API family {family!r} ({path})") from None
    except tomllib.TOMLDecodeError as exc:
        raise TableError(f"{path.name}: {exc}") from None


@functools.lru_cache(maxsize=None)
def load_table(family: str = "runtime") -> tuple[Record, ...]:
    data = _load(family)
    return tuple(dataclasses.replace(r, family=family, title=data.get("title", ""))
                 for r in parse_table(data, f"{family}.toml"))


def family_info(family: str) -> dict[str, str]:
    """The family-wide keys of a table (FAMILY_KEYS), "" where the table gives none."""
    data = _load(family)
    return {key: data.get(key, "") for key in FAMILY_KEYS}


def families() -> list[str]:
    return sorted(p.stem for p in TABLE_DIR.glob("*.toml"))


@functools.lru_cache(maxsize=None)
def _index() -> dict[str, Record]:
    index: dict[str, Record] = {}
    for record in (r for fam in families() for r in load_table(fam)):
        if record.name in index:
            raise TableError(f"{record.name} is in both {index[record.name].family}.toml and {record.family}.toml")
        index[record.name] = record
    return index


def lookup(name: str) -> Record | None:
    """The record for a CUDA API name in any family, or None when no table lists it."""
    return _index().get(name)


def last_part(name: str) -> str:
    """The identifier a qualified name ends with (`cub::DeviceReduce` -> `DeviceReduce`)."""
    return name.rsplit("::", 1)[-1]


def spelled(name: str, parts: int) -> str:
    """The last `parts` parts of a (qualified) name: how a site that writes that many parts spells it."""
    return "::".join(name.split("::")[-parts:])


@functools.lru_cache(maxsize=None)
def _by_identifier() -> dict[str, tuple[Record, ...]]:
    found: dict[str, list[Record]] = {}
    for record in _index().values():
        if record.kind != "header":
            found.setdefault(last_part(record.name), []).append(record)
    return {word: tuple(records) for word, records in found.items()}


def names() -> frozenset[str]:
    """Every identifier a CUDA name of the tables ends with (headers, which are file names, are not among them)."""
    return frozenset(_by_identifier())


def ending_with(identifier: str) -> tuple[Record, ...]:
    """The records whose name is `identifier` or a qualified name that ends with it."""
    return _by_identifier().get(identifier, ())


def header(name: str) -> Record | None:
    """The record for a header as an #include writes it (`cublas_v2.h`), or None."""
    record = _index().get(name)
    return record if record is not None and record.kind == "header" else None


def translated_elsewhere(record: Record, target: str) -> str:
    """For M001 on a library name: " (--to hip translates it to 'hipblasSgemm')" where HIP has it, else ""."""
    if not record.title or target == "hip" or record.flag("hip") == "unsupported":
        return ""
    return f" (--to hip translates it to '{record.hip}')"


def refused_in_device_code(record: Record) -> str:
    """M001's message for a library name that OpenCL or CPU device code uses (cuRAND's curand_init)."""
    return (f"'{record.name}' ({record.title}) has no equivalent in OpenCL or CPU device code"
            + translated_elsewhere(record, "opencl"))


_INCLUDE = re.compile(r'#\s*include\s*([<"])([^>"]+)[>"]')


def included(source_text: str, angled_only: bool = False) -> list[str]:
    """The header names `source_text` includes, in order (only the `<...>` ones with `angled_only`)."""
    return [name for bracket, name in _INCLUDE.findall(source_text) if bracket == "<" or not angled_only]


@functools.lru_cache(maxsize=None)
def target_headers(target: str) -> dict[str, Record]:
    """A target's header for each library (`hipblas/hipblas.h` for HIP) -> that header's record."""
    return {r.target_name(target): r for r in _index().values()
            if r.kind == "header" and r.flag(target) != "unsupported"}


def cuda_link_libraries(source_text: str) -> list[str]:
    """The CUDA libraries (`-l` names) a program must link because it includes their headers."""
    found = {family_info(r.family)["cuda_library"] for name in set(included(source_text))
             if (r := header(name)) is not None}
    return sorted(found - {""})
