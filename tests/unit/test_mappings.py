"""The mapping tables: validation, naming conventions, agreement with the stand-in headers and the docs."""

from __future__ import annotations

import re
from pathlib import Path

import clang.cindex as ci
import pytest

from translator import mappings
from translator.devtools import generate
from translator.frontend.clang_setup import parse
from translator.mappings import TableError, load_table, lookup, parse_table

ALL_RECORDS = load_table("runtime")
RECORDS = [r for r in ALL_RECORDS if r.kind != "member"]      # the names; MEMBERS are struct fields
MEMBERS = [r for r in ALL_RECORDS if r.kind == "member"]

# The exact set the OpenCL and CPU runtime shims implement (cudaX -> oclrtX / cpurtX): everything the shared
# header declares with the runtime's prefix, less what only generated code and the runtimes use themselves.
_SHIM_HEADER = Path(__file__).resolve().parents[2] / "runtime_shims" / "common" / "cutrans_rt.h"
_SHIM_INTERNAL = {"x", "SetLastError", "SymbolAddress", "Stream_st", "Event_st", "Success", "ErrorInvalidValue",
                  "Kernel"}          # Kernel: the launch header's handle of a kernel the host code names
# make_cudaExtent -> make_oclrtExtent: declared as CUTRANS_RT_MAKE(Extent), suffix "make_Extent"
SHIM_SUFFIXES = (set(re.findall(r"CUTRANS_RT\((\w+)\)", _SHIM_HEADER.read_text()))
                 | {f"make_{m}" for m in re.findall(r"CUTRANS_RT_MAKE\((\w+)\)", _SHIM_HEADER.read_text())}) - _SHIM_INTERNAL - {"make_x"}


def suffix(cuda_name: str) -> str:
    """What follows the runtime prefix: cudaMalloc -> Malloc, make_cudaExtent -> make_Extent."""
    return f"make_{cuda_name[9:]}" if cuda_name.startswith("make_cuda") else cuda_name[4:]


def shim_name(prefix: str, cuda_name: str) -> str:
    return f"make_{prefix}{cuda_name[9:]}" if cuda_name.startswith("make_cuda") else prefix + cuda_name[4:]


def test_every_shimmed_name_is_declared_by_the_runtime_header():
    """The table may only promise what runtime_shims/common/cutrans_rt.h (or the error list) declares."""
    import re
    from pathlib import Path
    shims = Path(__file__).resolve().parents[2] / "runtime_shims" / "common"
    declared = set(re.findall(r"CUTRANS_RT\((\w+)\)", (shims / "cutrans_rt.h").read_text()))
    declared |= {f"make_{m}" for m in re.findall(r"CUTRANS_RT_MAKE\((\w+)\)", (shims / "cutrans_rt.h").read_text())}
    declared |= {f"Error{m}" for m in re.findall(r"CUTRANS_RT_ERROR\((\w+),", (shims / "cutrans_rt_errors.def").read_text())}
    promised = {suffix(r.name) for r in RECORDS if r.opencl and r.flag("opencl") == "supported"}
    assert promised - declared == set()

ERROR_CODE_SUFFIXES = {r.name[4:] for r in RECORDS if r.section == "error_codes"}

GOOD = {"kind": "function", "hip": "hipX", "opencl": "", "cpu": "",
        "flags": {"hip": "supported", "opencl": "unsupported", "cpu": "unsupported"}}


def test_table_loads_and_is_big_enough():
    assert len(RECORDS) > 300
    assert {r.section for r in RECORDS} >= {"memory", "stream", "event", "device", "error", "error_codes",
                                            "occupancy", "symbol", "peer", "execution", "graph", "texture"}


def test_lookup():
    record = lookup("cudaMemcpyHostToDevice")
    assert (record.kind, record.hip, record.opencl, record.cpu) == (
        "constant", "hipMemcpyHostToDevice", "oclrtMemcpyHostToDevice", "cpurtMemcpyHostToDevice")
    assert lookup("dim3") is None and lookup("not_a_cuda_name") is None


def test_sections_sorted_and_names_unique():
    names = [r.name for r in RECORDS]
    assert len(names) == len(set(names))
    for section in {r.section for r in RECORDS}:
        in_section = [r.name for r in RECORDS if r.section == section]
        assert in_section == sorted(in_section), section


@pytest.mark.parametrize("target,prefix", sorted(mappings.SHIM_PREFIX.items()))
def test_shim_names_follow_the_convention(target, prefix):
    for r in RECORDS:
        name = r.target_name(target)
        if name:
            assert name == shim_name(prefix, r.name) or r.flag(target) == "deprecated", r.name
            made = name.startswith(f"make_{prefix}")
            assert made or name.startswith(prefix), r.name
            shim_suffix = f"make_{name[5 + len(prefix):]}" if made else name[len(prefix):]
            assert shim_suffix in SHIM_SUFFIXES | ERROR_CODE_SUFFIXES, r.name


def test_shims_cover_their_set_and_every_error_code():
    shimmed = {suffix(r.name) for r in RECORDS if r.opencl and r.flag("opencl") == "supported"}
    assert shimmed == SHIM_SUFFIXES | ERROR_CODE_SUFFIXES
    assert all((r.opencl == "") == (r.cpu == "") for r in RECORDS)


def test_error_codes_keep_cuda_spelling_on_the_shims():
    for r in (r for r in RECORDS if r.section == "error_codes"):
        assert r.opencl == "oclrt" + r.name[4:] and r.flag("cpu") == "supported"


@pytest.mark.parametrize("change,message", [
    ({"colour": "red"}, "unknown keys"),
    ({"kind": "variable"}, "kind"),
    ({"flags": {"hip": "maybe", "opencl": "unsupported", "cpu": "unsupported"}}, "flag 'maybe'"),
    ({"flags": {"hip": "supported", "opencl": "unsupported"}}, "exactly"),
    ({"opencl": "oclrtX"}, "does not agree"),
    ({"hip": ""}, "does not agree"),
])
def test_bad_records_are_rejected(change, message):
    with pytest.raises(TableError, match=message):
        parse_table({"s": {"cudaX": {**GOOD, **change}}})


def test_missing_keys_duplicates_and_order_are_rejected():
    missing = {k: v for k, v in GOOD.items() if k != "hip"}
    with pytest.raises(TableError, match="missing keys"):
        parse_table({"s": {"cudaX": missing}})
    with pytest.raises(TableError, match="appears in"):
        parse_table({"a": {"cudaX": GOOD}, "b": {"cudaX": GOOD}})
    with pytest.raises(TableError, match="not sorted"):
        parse_table({"s": {"cudaY": GOOD, "cudaX": GOOD}})


def test_valid_record_is_frozen():
    (record,) = parse_table({"s": {"cudaX": {**GOOD, "cuda_added": "9.0"}}})
    assert record.flag("hip") == "supported" and record.cuda_added == "9.0"
    with pytest.raises(AttributeError):
        record.hip = "other"


def test_stand_in_headers_declare_every_name(tmp_path):
    src = tmp_path / "all.cu"
    src.write_text("#include <cuda_runtime.h>\n#include <cuda.h>\n#include <device_launch_parameters.h>\n")
    tu, _, _ = parse(str(src))
    kinds = {ci.CursorKind.FUNCTION_DECL, ci.CursorKind.FUNCTION_TEMPLATE, ci.CursorKind.TYPEDEF_DECL,
             ci.CursorKind.ENUM_DECL, ci.CursorKind.ENUM_CONSTANT_DECL, ci.CursorKind.STRUCT_DECL,
             ci.CursorKind.MACRO_DEFINITION}
    declared = {c.spelling for c in tu.cursor.walk_preorder() if c.kind in kinds}
    assert sorted(r.name for r in RECORDS if r.name not in declared) == []


def test_member_records_name_fields_of_a_table_struct_on_every_target(tmp_path):
    """`cudaDeviceProp::field`: the struct is a type record whose target names the member's own struct part
    repeats, and the stand-in headers' struct (the emulation's, which the frontend parses against) and the
    shims' struct declare the field."""
    assert MEMBERS
    src = tmp_path / "props.cu"
    src.write_text("#include <cuda_runtime.h>\n")
    tu, _, _ = parse(str(src))
    fields = {f"{c.semantic_parent.spelling}::{c.spelling}" for c in tu.cursor.walk_preorder()
              if c.kind == ci.CursorKind.FIELD_DECL and c.semantic_parent is not None}
    shim = _SHIM_HEADER.read_text()
    for r in MEMBERS:
        struct, field = r.name.split("::")
        owner = lookup(struct)
        assert owner is not None and owner.kind == "type", r.name
        for target in mappings.TARGETS:
            if r.target_name(target):
                assert r.target_name(target).split("::")[0] == owner.target_name(target), (r.name, target)
        assert r.name in fields
        assert re.search(rf"\b{field};", shim), r.name


def test_member_records_are_spelled_for_hip_with_a_note_where_only_hip_6_has_them(tmp_path):
    from translator.driver import convert_unit, load_unit
    fields = [r.name.split("::")[1] for r in MEMBERS]
    src = tmp_path / "props.cu"
    src.write_text("#include <cstdio>\nint main() {\n    cudaDeviceProp prop;\n    cudaGetDeviceProperties(&prop, 0);\n"
                   + "".join(f"    printf(\"%d\\n\", (int)prop.{f});\n" for f in fields) + "    return 0;\n}\n")
    output, diags = convert_unit(load_unit(str(src)), "hip", {"offload_arch": "gfx90a"})
    text = output.files["props.hip"].decode()
    assert re.findall(r"\(int\)prop\.(\w+)", text) == [r.hip.split("::")[1] for r in MEMBERS]
    noted = sorted(d.message.split("'")[1] for d in diags if d.code == "M004")
    assert noted == sorted(r.name for r in MEMBERS if r.hip_note)


def test_generated_docs_are_up_to_date():
    assert [gen.output for gen, _ in generate.stale()] == []


def test_generate_check_names_stale_files(tmp_path, capsys):
    assert generate.main(["--check"], root=tmp_path) == 1
    assert "docs/support/runtime.md" in capsys.readouterr().out
    assert generate.main(["--dry-run"], root=tmp_path) == 0 and not (tmp_path / "docs").exists()
    assert generate.main(["--write"], root=tmp_path) == 0
    assert generate.main(["--check"], root=tmp_path) == 0
    text = (tmp_path / "docs/support/runtime.csv").read_text()
    assert text.startswith("# generated — do not edit; edit translator/mappings/runtime.toml")
