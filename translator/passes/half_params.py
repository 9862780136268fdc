"""Kernel parameters of type __half passed by value arrive as float.

The host's `__half` (runtime_shims/common/cutrans_fp16.h, 16 bits in a struct) is not the device's half:
OpenCL C may not take `half` kernel arguments without cl_khr_fp16, and the CPU kernels' `_Float16` is
passed in another register than a C++ struct. So the kernel takes the value as a float, which holds every
half exactly (the launch glue passes `__half2float(h)`, translator/backends/program.py), and its first
statement makes the half back: `var h: f16 = cast<f16>(cutrans_half_h)`, exact by construction. The rest of
the kernel is unchanged.

Requires: a verified module. Guarantees: no kernel parameter has type f16; each such parameter keeps its
host type (`__half`), which the launch glue reads.
"""

from __future__ import annotations

from translator.ir import nodes as N
from translator.ir.types import F32, Scalar

F16 = Scalar("f16")
PREFIX = "cutrans_half_"
HOST_HALF = "__half"        # the host type the frontend records for a __half (or half) parameter


def takes_half(p: N.Param) -> bool:
    """Is `p` a by-value __half that this pass made a float parameter (the launch glue converts for it)?"""
    return p.type == F32 and p.host_type == HOST_HALF


def half_name(p: N.Param) -> str:
    """The name the program gave a parameter `takes_half` accepts (its half is the kernel's local of that name)."""
    return p.name[len(PREFIX):]


def half_params(module: N.Module) -> N.Module:
    for f in module.functions:
        if f.kind != "kernel":
            continue
        made = []
        for i, p in enumerate(f.params):
            if p.type != F16:
                continue
            value = N.Param(PREFIX + p.name, F32, p.host_type, loc=p.loc)
            f.params[i] = value
            made.append(N.VarDecl(p.name, F16, "private", N.Cast(N.VarRef(value.name, F32, loc=p.loc), False, F16,
                                                                  loc=p.loc), loc=p.loc))
        f.body.stmts[:0] = made
    return module
