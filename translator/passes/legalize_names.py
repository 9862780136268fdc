"""Rename identifiers that a target language reserves.

CUDA is C++: a variable may be called `local` or `global`, and a device function `dot` or `abs`.
OpenCL C reserves the first as keywords and defines the second as built-ins (without overloading);
C reserves `restrict` and `_Bool`, and its math and standard library functions cannot be
redefined. Each clashing variable, parameter, device function or kernel gets a trailing underscore
(more if that name is taken too); a renamed kernel keeps its CUDA name as `host_name`, which the
launch glue uses for the host side. Device globals keep their names, since the host code uses them
directly: one whose name is reserved on the target gets a diagnostic instead.

Requires: nothing. Guarantees: no declaration in the module uses a name reserved on the target.
"""

from __future__ import annotations

from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import walk

_C_KEYWORDS = {"restrict", "_Bool", "_Complex", "_Imaginary", "_Atomic", "_Alignas", "_Alignof", "_Generic",
               "_Noreturn", "_Static_assert", "_Thread_local"}
_OPENCL_KEYWORDS = {
    "kernel", "__kernel", "global", "__global", "local", "__local", "constant", "__constant", "private",
    "__private", "generic", "__generic", "read_only", "__read_only", "write_only", "__write_only", "read_write",
    "__read_write", "uniform", "pipe", "half", "uchar", "ushort", "uint", "ulong", "image1d_t", "image2d_t",
    "image3d_t", "image1d_array_t", "image2d_array_t", "image1d_buffer_t", "sampler_t", "event_t", "cl_mem_fence_flags",
}
_OPENCL_VECTOR_TYPES = {f"{base}{n}" for base in ("char", "uchar", "short", "ushort", "int", "uint", "long", "ulong",
                                                   "float", "double", "half") for n in (2, 3, 4, 8, 16)}
# OpenCL C built-in functions a CUDA device function might be named after (OpenCL C has no overloading
# of user functions against built-ins).
_OPENCL_BUILTINS = {
    "abs", "abs_diff", "add_sat", "all", "any", "barrier", "bitselect", "clamp", "clz", "cross", "degrees",
    "distance", "dot", "fast_distance", "fast_length", "fast_normalize", "hadd", "length", "mad", "mad24",
    "mad_hi", "mad_sat", "max", "min", "mix", "mul24", "mul_hi", "normalize", "popcount", "radians", "rotate",
    "rhadd", "select", "shuffle", "sign", "smoothstep", "step", "sub_sat", "upsample", "mem_fence",
    "get_global_id", "get_local_id", "get_group_id", "get_local_size", "get_num_groups", "get_global_size",
    "native_exp", "native_log", "native_sin", "native_cos", "native_sqrt", "native_divide", "native_recip",
    "rsqrt", "sqrt", "exp", "exp2", "exp10", "log", "log2", "log10", "sin", "cos", "tan", "pow", "pown", "powr",
    "fabs", "floor", "ceil", "round", "trunc", "fmin", "fmax", "fma", "fmod", "hypot", "atan2", "erf", "erfc",
}
# C library functions (math.h, stdlib.h) that a C translation unit cannot define again.
_C_LIBRARY = {
    "abs", "labs", "llabs", "div", "exit", "malloc", "free", "calloc", "realloc", "rand", "srand", "qsort",
    "sqrt", "cbrt", "exp", "exp2", "expm1", "log", "log2", "log10", "log1p", "sin", "cos", "tan", "asin", "acos",
    "atan", "atan2", "sinh", "cosh", "tanh", "pow", "fabs", "floor", "ceil", "round", "trunc", "rint", "fmin",
    "fmax", "fmod", "fma", "hypot", "erf", "erfc", "lgamma", "tgamma", "copysign", "remainder", "fdim",
}

# target -> (names variables may not use, names functions may not use)
_OPENCL_NAMES = _C_KEYWORDS | _OPENCL_KEYWORDS | _OPENCL_VECTOR_TYPES    # OpenCL C is C99 plus these
RESERVED = {
    "opencl": (_OPENCL_NAMES, _OPENCL_NAMES | _OPENCL_BUILTINS),
    "cpu": (_C_KEYWORDS, _C_KEYWORDS | _C_LIBRARY | {f + "f" for f in _C_LIBRARY}),
}


def _fresh(name: str, taken: set[str], reserved: set[str]) -> str:
    new = name + "_"
    while new in taken or new in reserved:
        new += "_"
    taken.add(new)
    return new


# Targets whose kernels keep their CUDA names in the output (the CPU target prefixes them instead).
KERNELS_KEEP_NAMES = {"opencl": True, "cpu": False}


def _rename_functions(module: N.Module, reserved: set[str], kernels_keep_names: bool) -> None:
    taken = {f.name for f in module.functions}
    renames = {}
    for f in module.functions:
        if f.name not in reserved or (f.kind == "kernel" and not kernels_keep_names):
            continue
        if f.kind == "kernel":      # the host side still launches it by its CUDA name
            f.host_name = f.host_name or f.name
        renames[f.name] = _fresh(f.name, taken, reserved)
        f.name = renames[f.name]
    for node in (n for f in module.functions for n in walk(f)):
        if isinstance(node, N.Call) and node.func in renames:
            node.func = renames[node.func]


def _rename_variables(f: N.Function, reserved: set[str]) -> None:
    decls = [n for n in walk(f.body) if isinstance(n, N.VarDecl)] + list(f.params)
    taken = {d.name for d in decls}
    renames = {d.name: None for d in decls if d.name in reserved}
    for name in renames:
        renames[name] = _fresh(name, taken, reserved)
    for node in [f, *walk(f.body)]:
        for holder in ([node] if isinstance(node, (N.VarDecl, N.VarRef)) else
                       node.params if isinstance(node, N.Function) else []):
            if holder.name in renames:
                holder.name = renames[holder.name]


def legalize_names(module: N.Module, target: str) -> N.Module:
    variables, functions = RESERVED[target]
    for g in module.globals:        # the host program uses these names too: they cannot change
        if g.name in variables:
            raise CutransError(error("B003", f"device global '{g.name}' has a name the target reserves; rename it",
                                     g.loc.path, g.loc.line, g.loc.col))
    _rename_functions(module, functions, KERNELS_KEEP_NAMES[target])
    for f in module.functions:
        _rename_variables(f, variables)
    return module
