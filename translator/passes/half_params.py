"""Kernel parameters of type __half or __half2 passed by value arrive as float or float2.

The host's `__half` (runtime_shims/common/cutrans_fp16.h, 16 bits in a struct) is not the device's half:
OpenCL C may not take `half` kernel arguments without cl_khr_fp16, and the CPU kernels' `_Float16` is
passed in another register than a C++ struct (a pair of them too). So the kernel takes the value as a
float (a float2 for a __half2), which holds every half exactly (the launch glue passes `__half2float(h)` or
`__half22float2(h)`, translator/backends/program.py), and its first statement makes the half back:
`var h: f16 = cast<f16>(cutrans_half_h)`, exact by construction. The rest of the kernel is unchanged.

Requires: a verified module. Guarantees: no kernel parameter has type f16 or half2; each such parameter
keeps its host type (`__half`, `__half2`), which the launch glue reads.
"""

from __future__ import annotations

import copy
import dataclasses

from translator.ir import nodes as N
from translator.ir.types import F16, F32, HALF2, vector_struct

PREFIX = "cutrans_half_"
FLOAT2 = vector_struct("float2")


@dataclasses.dataclass(frozen=True)
class ByValue:
    carrier: object      # the float type the kernel takes instead
    host: str            # the host type the frontend records for such a parameter
    convert: str         # the host function that makes the carrier's value


BY_VALUE = {F16: ByValue(F32, "__half", "__half2float"), HALF2: ByValue(FLOAT2, "__half2", "__half22float2")}


def by_value(p: N.Param) -> ByValue | None:
    """How the launch glue passes `p`, if it is a by-value __half or __half2 that this pass made a float
    (float2) parameter."""
    return next((b for b in BY_VALUE.values() if p.type == b.carrier and p.host_type == b.host), None)


def half_name(p: N.Param) -> str:
    """The name the program gave a parameter `by_value` accepts (its half is the kernel's local of that name)."""
    return p.name[len(PREFIX):]


def _restore(half, carrier: N.VarRef, loc) -> N.Expr:
    if half == F16:
        return N.Cast(carrier, False, F16, loc=loc)
    lanes = [N.Cast(N.Member(copy.deepcopy(carrier), f, F32, loc=loc), False, F16, loc=loc) for f in "xy"]
    return N.InitList(lanes, HALF2, loc=loc)


def half_params(module: N.Module) -> N.Module:
    for f in module.functions:
        if f.kind != "kernel":
            continue
        made = []
        for i, p in enumerate(f.params):
            if p.type not in BY_VALUE:
                continue
            value = N.Param(PREFIX + p.name, BY_VALUE[p.type].carrier, p.host_type, loc=p.loc)
            f.params[i] = value
            carrier = N.VarRef(value.name, value.type, loc=p.loc)
            made.append(N.VarDecl(p.name, p.type, "private", _restore(p.type, carrier, p.loc), loc=p.loc))
        f.body.stmts[:0] = made
    return module
