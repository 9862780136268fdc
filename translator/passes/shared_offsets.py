"""Offsets into `__shared__` memory wrap at 32 bits, as they do on the GPU.

CUDA addresses shared memory through a 32-bit window: `p[i]` with an unsigned 32-bit index computes
p + i * sizeof(*p) modulo 2^32. HeCBench merge relies on it: its binary search reads `B_shared[~Ax]`, which
the GPU takes as B_shared[-Ax - 1] (an H200 ran it; the CPU translation, which zero-extends the index to
64 bits as C does, read 16 GB past the array and crashed). Every access that lands in the window (at most
228 KB from p) is the same element when the index is taken as a signed 32-bit number, so each unsigned
32-bit offset added to a pointer into shared memory, by `p[i]`, `p + i`, `p - i`, `p += i` or `p -= i`,
becomes `(int)i`. An index below 2^31 is unchanged by that, so nothing else changes.

Not modelled: an index below 2^31 whose byte offset wraps (i * sizeof(*p) >= 2^32, which reaches the window
again only for elements of 2 bytes or more and indices of a billion or so); such an access still reads far
from the array. A name declared in two spaces in one function is left alone: its offsets are C's.

Requires: address spaces inferred (passes/address_spaces.py). Guarantees: no offset of type u32 that may reach
2^31 is added to a pointer or array known to point into shared memory, except to cutrans's own exchange
arrays (passes/lower_warp_ops.py), whose slots are the block's threads.
"""

from __future__ import annotations

from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.types import Array, Pointer, Scalar
from translator.passes.address_spaces import global_spaces, object_space, space_of

U32, I32 = Scalar("u32"), Scalar("i32")
SCRATCH_PREFIX = "cutrans_warp_"      # lower_warp_ops's exchange arrays, indexed by lanes of the block


def wrap_shared_offsets(module: N.Module) -> N.Module:
    globals_ = global_spaces(module.globals)
    for f in module.functions:
        env = _spaces(f, globals_)
        for node in walk(f):
            _rewrite(node, env)
    return module


def _spaces(f: N.Function, globals_: dict) -> dict:
    """name -> the space its pointer points into, or where its array lives; a name declared in two spaces
    in the function (or shadowing a global of another) has no entry."""
    found: dict = {}
    entries = [(p.name, p.type, "private") for p in f.params]
    entries += [(d.name, d.type, d.space) for d in walk(f.body) if isinstance(d, N.VarDecl)]
    for name, t, storage in entries:
        found.setdefault(name, set()).add(t.space if isinstance(t, Pointer) else
                                          "shared" if storage == "shared" else "private")
    env = dict(globals_)
    for name, spaces in found.items():
        if len(spaces) == 1:
            env[name] = next(iter(spaces))
        else:
            env.pop(name, None)
    return env


def _root(e):
    while isinstance(e, (N.Index, N.Member, N.Cast)):
        e = e.value if isinstance(e, N.Cast) else e.base
    return e


def _in_shared(e, env: dict) -> bool:
    root = _root(e)
    if isinstance(root, N.VarRef) and root.name.startswith(SCRATCH_PREFIX):
        return False
    if isinstance(e.type, Pointer):
        return space_of(e, env) == "shared"
    return isinstance(e.type, Array) and object_space(e, env) == "shared"


# Upper bounds of CUDA's built-in variables (a block has at most 1024 threads, 64 along z; a grid at most
# 2^31 - 1 blocks along x): offsets made of them and of small literals need no cast.
_REGISTER_BOUNDS = {"thread_idx": 1023, "block_dim": 1024, "block_idx": 2**31 - 2, "grid_dim": 2**31 - 1,
                    "thread_linear": 1023, "block_threads": 1024, "warp_size": 32}
_LIMIT = 2**31 - 1


def _bound(e) -> int | None:
    """An upper bound of unsigned expression `e` when one is evident (built-in variables, literals and the
    operators below of such), else None."""
    if isinstance(e, N.SpecialReg):
        return _REGISTER_BOUNDS.get(e.reg)
    if isinstance(e, N.IntLit):
        return e.value if e.value >= 0 else None
    if isinstance(e, N.Cast) and isinstance(e.value.type, Scalar) and e.value.type.name in ("u8", "u16", "bool"):
        return 2**16 - 1
    if isinstance(e, N.Cast):
        return _bound(e.value)
    if isinstance(e, N.BinOp) and e.op in ("&", "%"):          # no more than either side (% : the divisor - 1)
        lhs, rhs = _bound(e.lhs), _bound(e.rhs)
        return min(b for b in (lhs, rhs if e.op == "&" or rhs is None else rhs - 1, _LIMIT + 1) if b is not None)
    if isinstance(e, N.BinOp) and e.op in ("/", ">>"):          # no more than the left side
        return _bound(e.lhs)
    if isinstance(e, N.BinOp) and e.op in ("+", "*"):
        lhs, rhs = _bound(e.lhs), _bound(e.rhs)
        return None if lhs is None or rhs is None else lhs + rhs if e.op == "+" else lhs * rhs
    return None


def _signed(e):
    """`(int)e` for an unsigned 32-bit offset that may reach 2^31; other offsets unchanged."""
    bound = _bound(e) if e.type == U32 else 0
    if bound is not None and bound <= _LIMIT:
        return e
    return N.Cast(e, False, I32, loc=e.loc)


def _rewrite(node, env: dict) -> None:
    if isinstance(node, N.Index) and node.index.type == U32 and _in_shared(node.base, env):
        node.index = _signed(node.index)
    elif isinstance(node, N.BinOp) and node.op in "+-" and isinstance(node.type, Pointer):
        if node.rhs.type == U32 and _in_shared(node.lhs, env):
            node.rhs = _signed(node.rhs)
        elif node.op == "+" and node.lhs.type == U32 and _in_shared(node.rhs, env):
            node.lhs = _signed(node.lhs)
    elif isinstance(node, N.Assign) and node.op in ("+=", "-=") and isinstance(node.target.type, Pointer):
        if node.value.type == U32 and _in_shared(node.target, env):
            node.value = _signed(node.value)
