"""The `nvcuda::wmma` API (CUDA's <mma.h>): libclang cursors -> `MatrixOp`s on fragment arrays.

A `wmma::fragment<Use, m, n, k, T, Layout>` variable becomes a private array (ir/matrix.py says
which elements a thread holds); arrays of fragments become arrays of those arrays. The calls become
`MatrixOp`s with every shape, layout and element type explicit:

    fill_fragment(f, v)                    matrix.fill<f>(f, v)
    load_matrix_sync(f, p, ldm)            matrix.load.<f's layout><f>(f, p, ldm)
    load_matrix_sync(f, p, ldm, layout)    matrix.load.<row|col><f>(f, p, ldm)    (accumulators)
    store_matrix_sync(p, f, ldm, layout)   matrix.store.<row|col><f>(p, f, ldm)
    mma_sync(d, a, b, c)                   matrix.mma<d><a><b><c>(d, a, b, c)
    __float_to_tf32(x)                     matrix.to_tf32(x)

`f.num_elements` is the number of elements a thread holds, and `f.x[i]` one of them. Because CUDA
leaves open which elements those are, `f.x[i]` is accepted only in a loop `for (... i < g.num_elements
...)` whose body uses `i` for nothing but subscripting `.x` of fragments laid out like `g`: an
element-wise epilogue, which computes the same numbers however the elements are distributed.
Anything else (a bias picked by `i`, `f.x[0]`) is refused rather than translated into numbers that
depend on one vendor's layout.
"""

from __future__ import annotations

import re

import clang.cindex as ci

from translator.frontend.clang_ops import strip_parens, template_args
from translator.frontend.namespaces import in_namespace
from translator.ir import nodes as N
from translator.ir.matrix import SHAPES, Fragment, lane
from translator.ir.types import F32, U32, VOID, Array, Pointer, Scalar

K = ci.CursorKind
NAMESPACE = "wmma"
UNSUPPORTED = "L003"
# The refusal of layout-dependent element access: its own code, which the HIP backend (it needs no IR, and its
# header holds the elements in another layout) selects to refuse these too.
LAYOUT_DEPENDENT = "which elements of a fragment a thread holds differs between GPUs"
LAYOUT_DEPENDENT_CODE = "L011"

_USES = {"matrix_a": "a", "matrix_b": "b", "accumulator": "acc"}
_LAYOUTS = {"row_major": "row", "col_major": "col"}
_MEMORY_LAYOUTS = {0: "row", 1: "col"}              # wmma::mem_row_major, wmma::mem_col_major
# the element type argument -> (precision of an a/b fragment, scalar type of an accumulator)
_ELEMENTS = {
    "precision::tf32": ("tf32", None), "signed char": ("s8", None), "unsigned char": ("u8", None),
    "double": ("f64", "f64"), "__half": ("f16", "f16"), "half": ("f16", "f16"), "__nv_bfloat16": ("bf16", None),
    "float": (None, "f32"), "int": (None, "i32"),
}
_CALLS = ("fill_fragment", "load_matrix_sync", "store_matrix_sync", "mma_sync", "__float_to_tf32")


def _in_wmma(cursor) -> bool:
    return in_namespace(cursor, NAMESPACE)


def is_matrix_call(c) -> bool:
    return c.kind == K.CALL_EXPR and c.spelling in _CALLS and c.referenced is not None and _in_wmma(c.referenced)


def _short(name: str) -> str:
    """`nvcuda::wmma::precision::tf32` -> `precision::tf32`; `nvcuda::wmma::row_major` -> `row_major`."""
    name = re.sub(r"^(const\s+)?(::)?(nvcuda::)?(wmma::)?", "", name.strip())
    return re.sub(r"^(experimental::)", "", name)


def fragment_of(ctype, fail) -> Fragment | None:
    """The Fragment a clang type (a `wmma::fragment<...>`) denotes, or None for any other type. `fail(code,
    message)` reports a fragment the translator cannot represent."""
    t = ctype.get_canonical()
    decl = t.get_declaration()
    if decl is None or decl.spelling != "fragment" or not _in_wmma(decl):
        return None
    args = template_args(t.spelling)
    if len(args) < 5:
        fail(UNSUPPORTED, f"cannot read the shape of '{t.spelling}'")
    use = _USES.get(_short(args[0]))
    m, n, k = (int(re.sub(r"[uUlL]+$", "", a)) for a in args[1:4])
    element = _ELEMENTS.get(_short(args[4]))
    layout = _LAYOUTS.get(_short(args[5])) if len(args) > 5 and _short(args[5]) != "void" else ""
    if use is None or element is None:
        fail(UNSUPPORTED, f"'{t.spelling}': the translator knows fragments of matrix_a, matrix_b and accumulator "
                          f"over tf32, signed/unsigned char, double, __half, __nv_bfloat16, float and int")
    precision = element[1] if use == "acc" else element[0]
    if precision is None:
        fail(UNSUPPORTED, f"'{_short(args[4])}' is not an element type of a {args[0]} fragment")
    if use != "acc" and not layout:
        fail(UNSUPPORTED, f"a {_short(args[0])} fragment needs a row_major or col_major layout to be loaded")
    inputs = [p for p, spec in SHAPES.items() if (m, n, k) in spec.shapes
              and (p == precision if use != "acc" else precision in spec.accumulators)]
    if not inputs:
        fail(UNSUPPORTED, f"CUDA defines no {m}x{n}x{k} {use} fragment of {_short(args[4])}")
    return Fragment(use, m, n, k, precision, layout)


def _frag(fl, c):
    """(the Fragment, the IR expression of its storage) for an argument naming a fragment."""
    inner = strip_parens(c)       # CUDA's own headers take a fragment's base class (__frag_base): look under the cast
    frag = fragment_of(inner.type, lambda code, message: fl.fail(c, code, message))
    if frag is None:
        fl.fail(c, UNSUPPORTED, "expected a wmma::fragment here")
    return frag, storage_expr(fl, c)


def storage_expr(fl, c) -> N.Expr:
    """The IR of an expression that names a fragment (a variable, or an element of an array of them)."""
    s = strip_parens(c)
    frag = fragment_of(s.type, lambda code, message: fl.fail(s, code, message))
    if s.kind == K.DECL_REF_EXPR and s.referenced is not None and s.referenced.kind == K.VAR_DECL:
        return N.VarRef(s.spelling, fl.type_of(s.referenced, space="private"), loc=fl.loc(s))
    if s.kind == K.ARRAY_SUBSCRIPT_EXPR:
        base, index = list(s.get_children())
        inner = storage_expr(fl, base)
        elem = inner.type.elem if isinstance(inner.type, Array) else frag.storage
        return N.Index(inner, fl.expr(index), elem if frag is None else frag.storage, loc=fl.loc(s))
    fl.fail(s, UNSUPPORTED, "a fragment must be named by a variable or an element of an array of fragments "
                            "(fragments as parameters or members are not supported yet)")


def is_fragment_type(ctype) -> bool:
    """Is this a fragment type, or an array of them?"""
    t = ctype.get_canonical()
    while t.kind.name == "CONSTANTARRAY":
        t = t.element_type.get_canonical()
    decl = t.get_declaration()
    return decl is not None and decl.spelling == "fragment" and _in_wmma(decl)


def _has_initializer(v) -> bool:
    """Does the declaration of `v` go on past its name and array bounds (`= ...`, `(...)`, `{...}`)?"""
    toks = [t.spelling for t in v.get_tokens() if t.extent.start.offset > v.location.offset]
    depth = 0
    for t in toks:
        depth += {"[": 1, "]": -1}.get(t, 0)
        if depth == 0 and t in ("=", "(", "{"):
            return True
    return False


def _value_initialized(v, frag) -> bool:
    """`auto f = wmma::fragment<...>();`: a temporary of the fragment's own type made from nothing."""
    kids = [k for k in v.get_children() if k.kind.is_expression()]
    c = strip_parens(kids[-1]) if kids else None
    return c is not None and frag is not None and _default_construction(c)


def _default_construction(c) -> bool:
    return c.kind == K.CALL_EXPR and c.referenced is not None and c.referenced.kind == K.CONSTRUCTOR \
        and not list(c.get_arguments())


def declare(fl, v, ty):
    """A fragment variable: its storage array; one made by value-initialization (`= fragment<...>()`,
    every element zero in C++) also gets those zeros."""
    loc = fl.loc(v)
    decl = N.VarDecl(v.spelling, ty, "private", None, loc=loc)
    if not _has_initializer(v):
        return decl
    frag = fragment_of(v.type, lambda code, message: fl.fail(v, code, message))
    if not _value_initialized(v, frag):
        fl.fail(v, UNSUPPORTED, f"fragment '{v.spelling}' is initialized from another value; declare it and use "
                                f"fill_fragment or load_matrix_sync")
    zero = N.IntLit(0, frag.elem, loc=loc) if frag.elem.name[0] in "iu" else N.FloatLit(0.0, "", frag.elem, loc=loc)
    fill = N.MatrixOp("fill", (frag,), "", [N.VarRef(v.spelling, ty, loc=loc), zero], VOID, loc=loc)
    return [decl, N.ExprStmt(fill, loc=loc)]


# -- calls -------------------------------------------------------------------------------------------

def _pointer(fl, c, frag: Fragment):
    p = fl.expr(c)
    if not isinstance(p.type, Pointer) or p.type.pointee != frag.elem:
        fl.fail(c, UNSUPPORTED, f"the pointer must point to {frag.elem} elements, as the {frag} holds")
    return p


def _memory_layout(fl, c) -> str:
    from translator.frontend.lower import evaluate
    value = evaluate(c)
    if value not in _MEMORY_LAYOUTS:
        fl.fail(c, UNSUPPORTED, "the memory layout must be wmma::mem_row_major or wmma::mem_col_major, known at "
                                "compile time")
    return _MEMORY_LAYOUTS[value]


def _fill(fl, c, args, loc):
    frag, dst = _frag(fl, args[0])
    return N.MatrixOp("fill", (frag,), "", [dst, fl.expr(args[1], want=frag.elem)], VOID, loc=loc)


def _load(fl, c, args, loc):
    frag, dst = _frag(fl, args[0])
    if frag.use == "acc" and len(args) != 4 or frag.use != "acc" and len(args) != 3:
        fl.fail(c, UNSUPPORTED, "an accumulator is loaded with a memory layout argument, a matrix_a/matrix_b "
                                "fragment without one")
    layout = _memory_layout(fl, args[3]) if frag.use == "acc" else frag.layout
    ops = [dst, _pointer(fl, args[1], frag), fl.expr(args[2], want=U32)]
    return N.MatrixOp("load", (frag,), layout, ops + ([lane(loc)] if frag.use == "acc" else []), VOID, loc=loc)


def _store(fl, c, args, loc):
    frag, src = _frag(fl, args[1])
    if frag.use != "acc" or len(args) != 4:
        fl.fail(c, UNSUPPORTED, "store_matrix_sync stores an accumulator, with a memory layout argument")
    layout = _memory_layout(fl, args[3])
    ops = [_pointer(fl, args[0], frag), src, fl.expr(args[2], want=U32), lane(loc)]
    return N.MatrixOp("store", (frag,), layout, ops, VOID, loc=loc)


def _mma(fl, c, args, loc):
    from translator.frontend.lower import evaluate
    if len(args) > 4 and evaluate(args[4]) not in (0, False):
        fl.fail(args[4], UNSUPPORTED, "mma_sync with saturation (satf = true) is not translated yet")
    (d, dv), (a, av), (b, bv), (acc, cv) = (_frag(fl, x) for x in args[:4])
    uses = (d.use, a.use, b.use, acc.use)
    shapes = {(f.m, f.n, f.k) for f in (d, a, b, acc)}
    if uses != ("acc", "a", "b", "acc") or len(shapes) != 1 or a.precision != b.precision \
            or d.precision not in SHAPES[a.precision].accumulators or acc.precision not in SHAPES[a.precision].accumulators:
        fl.fail(c, UNSUPPORTED, f"mma_sync({d}, {a}, {b}, {acc}): the operands do not form one of CUDA's "
                                f"matrix multiply-accumulate shapes")
    return N.MatrixOp("mma", (d, a, b, acc), "", [dv, av, bv, cv, lane(loc)], VOID, loc=loc)


def _to_tf32(fl, c, args, loc):
    return N.MatrixOp("to_tf32", (), "", [fl.expr(args[0], want=F32)], F32, loc=loc)


_LOWER = {"fill_fragment": _fill, "load_matrix_sync": _load, "store_matrix_sync": _store, "mma_sync": _mma,
          "__float_to_tf32": _to_tf32}


def lower_call(fl, c) -> N.Expr:
    return _LOWER[c.spelling](fl, c, list(c.get_arguments()), fl.loc(c))


# -- element access ----------------------------------------------------------------------------------

def member(fl, c):
    """`f.x` (the storage array) or `f.num_elements`; None when `c` is not a member of a fragment."""
    kids = [k for k in c.get_children() if not k.kind.is_reference()]
    if len(kids) != 1:
        return None
    frag = fragment_of(strip_parens(kids[0]).type, lambda code, message: fl.fail(c, code, message))
    if frag is None:
        return None
    if c.spelling == "num_elements":
        return N.IntLit(frag.per_thread, Scalar("i32"), loc=fl.loc(c))
    if c.spelling == "x":
        return storage_expr(fl, kids[0])
    fl.fail(c, UNSUPPORTED, f"fragment member '{c.spelling}' is not supported")


def _element_frag(fl, c):
    """The fragment `c` (an `f.x[i]` subscript's base, `f.x`) belongs to, or None."""
    s = strip_parens(c)
    if s.kind != K.MEMBER_REF_EXPR or s.spelling != "x":
        return None
    kids = [k for k in s.get_children() if not k.kind.is_reference()]
    return fragment_of(strip_parens(kids[0]).type, lambda code, message: fl.fail(c, code, message)) if len(kids) == 1 else None


def check_element(fl, c) -> None:
    """`f.x[i]` (subscript cursor `c`): accepted only inside an element-wise loop over a like fragment."""
    base, index = list(c.get_children())
    frag = _element_frag(fl, base)
    if frag is None:
        return
    name = strip_parens(index).spelling if strip_parens(index).kind == K.DECL_REF_EXPR else None
    loop = fl.element_loops.get(name) if name else None
    if loop is None or (loop.use, loop.rows, loop.cols, loop.layout) != (frag.use, frag.rows, frag.cols, frag.layout):
        fl.fail(c, LAYOUT_DEPENDENT_CODE, f"{LAYOUT_DEPENDENT} (CUDA leaves it "
                                "unspecified), so 'x[i]' is translated only inside 'for (int i = 0; i < "
                                "f.num_elements; i++)' over fragments of this shape, using 'i' only as the "
                                "subscript of '.x'")


_ELEMENT_LOOP = re.compile(r"^\s*(\w+)\s*<\s*\(?\s*(.+?)\s*\)?\s*\.\s*num_elements\s*$")


def element_loop(fl, cond, body):
    """(loop variable, Fragment) when a for loop's condition is `i < f.num_elements` and its body uses `i`
    only as `.x[i]`; None otherwise."""
    if cond is None or body is None:
        return None
    m = _ELEMENT_LOOP.match(" ".join(t.spelling for t in cond.get_tokens()))
    if not m:
        return None
    var = m.group(1)
    frag = None
    for k in cond.walk_preorder():
        if k.kind == K.MEMBER_REF_EXPR and k.spelling == "num_elements":
            frag = _element_frag_of_member(fl, k)
    toks = [t.spelling for t in body.get_tokens()]
    only_subscript = all(toks[i - 3:i] == [".", "x", "["] for i, t in enumerate(toks) if t == var)
    return (var, frag) if frag is not None and only_subscript else None


def _element_frag_of_member(fl, member_cursor):
    kids = [k for k in member_cursor.get_children() if not k.kind.is_reference()]
    if len(kids) != 1:
        return None
    return fragment_of(strip_parens(kids[0]).type, lambda code, message: fl.fail(member_cursor, code, message))


# The host side of an OpenCL or CPU translation: `#include <mma.h>` (device-only declarations) becomes
# an empty namespace, so that the program's `using namespace nvcuda;` still compiles, and brings the
# shim's __half and __nv_bfloat16, as CUDA's mma.h brings cuda_fp16.h and cuda_bf16.h.
HOST_INCLUDES = {"mma.h": 'namespace nvcuda { namespace wmma {} }  /* cutrans: <mma.h> is device-only */\n'
                          '#include "cutrans_fp16.h"\n#include "cutrans_bf16.h"'}
