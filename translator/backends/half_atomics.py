"""atomicAdd on CUDA's 16-bit floats (__half, __half2, __nv_bfloat16, __nv_bfloat162) for OpenCL and the CPU.

Neither target has a 16-bit float atomic, and OpenCL 1.2 has no 16-bit compare-and-swap either. So a
half (or a bfloat16) is updated by a compare-and-swap loop: on the CPU on its own two bytes (GCC's
__atomic builtins take any size), on OpenCL on the aligned 32-bit word that holds it, changing only its
16 bits. The sum is computed in float and rounded to the 16-bit format once, which is the correctly
rounded sum CUDA's atomic computes: float's 24 bits are at least 2 * 11 + 2 (2 * 8 + 2 for bfloat16),
so rounding the float sum of two halves again cannot land elsewhere than rounding the exact sum.

A pair (__half2, __nv_bfloat162) is two such updates, one per element: CUDA guarantees the atomicity of
each of the two elements separately, not of the 32-bit pair as a whole.

On OpenCL the halves of __shared__ memory are held in float cells (passes/half_as_float.py); their
update is a loop on the float's bits (opencl.CAS_LOOPS), and a pair of them is a pair of those.
"""

from __future__ import annotations

from dataclasses import dataclass

_BF16_SUM = "cutrans_float_to_bf16(cutrans_bf16_to_float(x) + cutrans_bf16_to_float(v))"


@dataclass(frozen=True)
class Word:
    """A 16-bit float updated in place. load/store: the value from its bits ({0}) and back."""
    cuda: str                  # the CUDA type, for the helper's comment
    elem: str                  # the type of the memory
    value: str                 # the type of the value (OpenCL: a float holds a half)
    rule: str                  # the new value from the old one, x, and the operand, v
    load: str = "{0}"
    store: str = "{0}"
    needs: tuple = ()          # preamble features the helper calls


@dataclass(frozen=True)
class Pair:
    """Two elements, each updated by the helper of `element` (an (op, type) key of the same table)."""
    cuda: str
    element: tuple
    pointee: str               # the type of the memory
    elem: str                  # the type of each element in memory
    value: str
    make: str                  # the pair of old values, from {0} and {1}


OPENCL = {
    ("add_half", "f16"): Word("__half", "half", "float", "x + v", load="cutrans_fp16_from_bits({0})",
                              store="cutrans_fp16_bits({0})", needs=("cutrans_fp16_from_bits", "cutrans_fp16_bits")),
    ("add", "bf16"): Word("__nv_bfloat16", "cutrans_bf16", "cutrans_bf16", _BF16_SUM, load="(cutrans_bf16){0}",
                          needs=("bf16",)),
    ("add_half", "u32"): Pair("__half2", ("add_half", "f16"), "uint", "half", "float2", "(float2)({0}, {1})"),
    ("add_half", "float2"): Pair("__half2", ("add_half", "f32"), "float2", "float", "float2", "(float2)({0}, {1})"),
    ("add", "nv_bfloat162"): Pair("__nv_bfloat162", ("add", "bf16"), "cutrans_nv_bfloat162", "cutrans_bf16",
                                  "cutrans_nv_bfloat162", "(cutrans_nv_bfloat162){{{0}, {1}}}"),
}

CPU = {
    ("add", "f16"): Word("__half", "_Float16", "_Float16", "(_Float16)((float)x + (float)v)"),
    ("add", "bf16"): Word("__nv_bfloat16", "cutrans_bf16", "cutrans_bf16", _BF16_SUM, needs=("bf16",)),
    ("add", "half2"): Pair("__half2", ("add", "f16"), "half2", "_Float16", "half2", "(half2){{{0}, {1}}}"),
    ("add", "nv_bfloat162"): Pair("__nv_bfloat162", ("add", "bf16"), "nv_bfloat162", "cutrans_bf16",
                                  "nv_bfloat162", "(nv_bfloat162){{{0}, {1}}}"),
}


def require(key: tuple, table: dict, found: set, features: set) -> set:
    """Add the helper of `key` ((op, type, *where)), and the element helpers it calls, to `found`, and the
    preamble features they call to `features`. Returns the element keys that `table` does not define (the
    backend's own loops)."""
    helper = table[key[:2]]
    found.add(key)
    if isinstance(helper, Word):
        features.update(helper.needs)
        return set()
    element = helper.element + key[2:]
    return require(element, table, found, features) if helper.element in table else {element}


def order(keys, table: dict) -> list:
    """`keys`, elements before the pairs that call them: the order of definition."""
    return sorted(keys, key=lambda k: (isinstance(table[k[:2]], Pair), k))


def fields(key: tuple, table: dict, name) -> dict:
    """What the backend's template renders for the helper of `key`; name(op, type, *where) spells a helper's
    name."""
    helper = table[key[:2]]
    common = {"name": name(*key), "cuda": helper.cuda, "elem": helper.elem, "value": helper.value,
              "pointee": getattr(helper, "pointee", helper.elem), "space": key[2] if len(key) > 2 else ""}
    if isinstance(helper, Pair):
        element = name(*helper.element, *key[2:])
        return {**common, "kind": "pair", "pair": helper.make.format(f"{element}(e, v.x)", f"{element}(e + 1, v.y)")}
    return {**common, "kind": "word", "rule": helper.rule, "store": helper.store.format(helper.rule),
            "load_seen": helper.load.format("(ushort)(seen >> shift)"),
            "load_old": helper.load.format("(ushort)(old >> shift)")}
