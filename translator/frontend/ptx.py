"""Inline PTX that cutrans translates: the warp-level `mma.sync` forms whose register layout PTX defines.

`asm volatile("mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9},
{%10,%11,%12,%13};" : "=f"(d0), ... : "r"(a0), ...)` becomes a call of the function of its form in
runtime_shims/include/cutrans_ptx_mma.h, with the asm's operands in the order the instruction names its
registers (D, A, B, C). The OpenCL and CPU targets lower that call like any device function call (the header
is parsed with every CUDA file); the HIP backend writes the call in place of the statement and ships the
header. Any other inline assembly in device code is refused (L009), naming what was found.

FORMS is the table of what is understood: one record per PTX instruction.
"""

from __future__ import annotations

import codecs
import dataclasses
import re

from translator.diagnostics import CutransError, error

HEADER = "cutrans_ptx_mma.h"
NAMESPACE = "cutrans_ptx"      # the header's functions are in it


@dataclasses.dataclass(frozen=True)
class MmaForm:
    helper: str                  # the function in cutrans_ptx_mma.h
    registers: tuple             # (D, A, B, C): how many registers each operand group names
    kinds: tuple                 # (D, A, B, C): the constraint letter each group's operands take


FORMS = {
    "mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32": MmaForm("cutrans_mma_m16n8k16_f32_f16", (4, 4, 2, 4),
                                                                 ("f", "r", "r", "f")),
    "mma.sync.aligned.m16n8k8.row.col.f32.f16.f16.f32": MmaForm("cutrans_mma_m16n8k8_f32_f16", (4, 2, 1, 4),
                                                                ("f", "r", "r", "f")),
}
GROUPS = ("D", "A", "B", "C")
SUPPORTED = ", ".join(FORMS)

_GROUP = r"\s*(?:\{([^{}]*)\}|(%\d+))\s*"
_INSTRUCTION = re.compile(r"^\s*([\w.]+)\s+" + ",".join([_GROUP] * 4) + r";?\s*$")
_REGISTER = re.compile(r"^%(\d+)$")


@dataclasses.dataclass(frozen=True)
class Operand:
    constraint: str              # as written: "=f", "+f", "r"...
    cursor: object               # the operand's expression
    text: str                    # its source text

    @property
    def letter(self) -> str:
        return self.constraint.lstrip("=+&")

    @property
    def output(self) -> bool:
        return self.constraint.startswith(("=", "+"))


@dataclasses.dataclass(frozen=True)
class Mma:
    """A recognized mma.sync: its form, and the operand each register of D, A, B and C names, in order."""
    instruction: str
    form: MmaForm
    registers: tuple             # Operand per register, D's first

    def call_text(self) -> str:
        return f"{NAMESPACE}::{self.form.helper}({', '.join(op.text for op in self.registers)})"


def _string(token: str) -> str:
    """The value of one C string literal token (no prefix)."""
    if not (token.startswith('"') and token.endswith('"')):
        raise ValueError(token)
    return codecs.decode(token[1:-1], "unicode_escape")


def _parts(tokens: list[str]):
    """(template, constraints of the outputs, constraints of the inputs) of an asm statement's tokens."""
    i = 0
    while i < len(tokens) and tokens[i] != "(":
        i += 1
    i += 1
    template = []
    while i < len(tokens) and tokens[i].startswith('"'):
        template.append(_string(tokens[i]))
        i += 1
    sections, depth, current = [], 0, []
    for tok in tokens[i + 1:]:       # after the ':' (or ')') that ends the template
        if depth == 0 and tok in (":", ")"):
            sections.append(current)
            current = []
            if tok == ")":
                break
            continue
        if tok == "(":
            depth += 1
        elif tok == ")":
            depth -= 1
        elif depth == 0 and tok.startswith('"'):
            current.append(_string(tok))
    outputs = sections[0] if sections else []
    inputs = sections[1] if len(sections) > 1 else []
    return "".join(template), outputs, inputs


def _fail(cursor, path: str, message: str) -> CutransError:
    loc = cursor.location
    return CutransError(error("L009", message, path, loc.line, loc.column))


def _file_bytes(name: str) -> bytes:
    with open(name, "rb") as f:
        return f.read()


def recognize(cursor, path: str, source: bytes | None = None) -> Mma:
    """The mma.sync that ASM_STMT `cursor` is, or CutransError (L009) saying why it is not one cutrans
    translates. `path`: where a diagnostic points; `source`: the bytes of the file holding the statement, read
    from it when not given."""
    if source is None:
        source = _file_bytes(cursor.extent.start.file.name)
    try:
        template, out_constraints, in_constraints = _parts([t.spelling for t in cursor.get_tokens()])
    except (ValueError, UnicodeDecodeError):
        raise _fail(cursor, path, "inline assembly that cutrans cannot read (its template is not a plain "
                                  "string literal)") from None
    text = " ".join(template.split())
    match = _INSTRUCTION.match(text)
    instruction = match.group(1) if match else text.split(" ", 1)[0] if text else "(empty)"
    if instruction not in FORMS:
        raise _fail(cursor, path, f"inline assembly: PTX '{instruction}' has no translation (PTX runs on NVIDIA "
                                  f"GPUs only; write it in CUDA C++); the PTX cutrans translates is {SUPPORTED}")
    if not match:
        raise _fail(cursor, path, f"inline PTX '{instruction}': the operand list '{text}' is not four "
                                  f"register groups {{...}}, {{...}}, {{...}}, {{...}}")
    form = FORMS[instruction]
    exprs = list(cursor.get_children())
    constraints = out_constraints + in_constraints
    if len(exprs) != len(constraints):
        raise _fail(cursor, path, f"inline PTX '{instruction}': {len(constraints)} operand constraints but "
                                  f"{len(exprs)} operand expressions")
    operands = [Operand(c, e, source[e.extent.start.offset:e.extent.end.offset].decode("utf-8", "replace"))
                for c, e in zip(constraints, exprs)]
    registers, spelled = [], match.groups()[1:]
    for i, (group, count, kind) in enumerate(zip(GROUPS, form.registers, form.kinds)):
        braced, bare = spelled[2 * i], spelled[2 * i + 1]      # {%4,%5} or a lone %4
        names = [n.strip() for n in braced.split(",")] if braced is not None else [bare]
        registers += _group_operands(cursor, path, instruction, group, count, kind, names, operands)
    return Mma(instruction, form, tuple(registers))


def _group_operands(cursor, path, instruction, group, count, kind, names, operands) -> list[Operand]:
    if len(names) != count:
        raise _fail(cursor, path, f"inline PTX '{instruction}': {group} takes {count} registers, the asm names "
                                  f"{len(names)}")
    found = []
    for name in names:
        m = _REGISTER.match(name)
        if not m or int(m.group(1)) >= len(operands):
            raise _fail(cursor, path, f"inline PTX '{instruction}': {group} register '{name}' is not an operand "
                                      f"%0..%{len(operands) - 1}")
        op = operands[int(m.group(1))]
        if op.letter != kind:
            raise _fail(cursor, path, f"inline PTX '{instruction}': {group} register {name} has constraint "
                                      f"\"{op.constraint}\", where \"{kind}\" is expected")
        if group == "D" and not op.output:
            raise _fail(cursor, path, f"inline PTX '{instruction}': D register {name} is an input operand")
        if group != "D" and op.constraint.startswith("="):
            raise _fail(cursor, path, f"inline PTX '{instruction}': {group} register {name} reads operand "
                                      f"\"{op.constraint}\"({op.text}), which the asm only writes")
        found.append(op)
    return found
