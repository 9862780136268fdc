"""Which pointers to halves outside global memory point into the bytes of other data (half_as_float's helper).

Without cl_khr_fp16, half_as_float holds a `__half` variable, parameter or `__shared__ __half` array in a
float. CUDA programs also read halves out of the bytes of a wider value, a float4 or uint4 loaded from
global memory in one access, or write them into one before storing it (HeCBench relu, vadd, fma):

    float4 g8 = ((const float4 *)gradient)[i];
    __half2 *g2 = (__half2 *)&g8;              // a *byte view*: g2[k] is the k-th pair of g8's bytes

or use an `extern __shared__ char` buffer as halves. Those halves are CUDA's bytes, as in global memory,
so half_as_float reaches them through vload_half/vstore_half on the private or local pointer, and keeps
every other half pointer outside global memory (`&h` of a `__half h`) a pointer to floats.

The other way round, a __half or __half2 variable or array (private or __shared__) whose storage is
reinterpreted, cast to a pointer to another type, is *stored as bytes*: a ushort (a pair: uint) per
element instead of a float, reached with vload_half/vstore_half too (HeCBench vadd:
`__half a_frag[4][8]; *(float4 *)a_frag[vm] = ...; ((const half2 *)a_frag[vm])[i]`). A pointer to it
is a byte view.

A pointer expression is a byte view when it is a cast of a pointer to other data into a pointer to __half
or __half2, or is computed from one (`p + k`, `&p[k]`, `&p[k].x`, a cast between the two half types, a
variable or parameter assigned from one). A pointer variable assigned both a byte view and a pointer
to halves held in floats is refused (L003). A device function whose half pointer parameter receives a
byte view at one call and a pointer to floats at another is cloned; the clone is named
`<function>_bytes_<parameter>...`. A byte view is never the operand of an atomic (refused).

A pointer to rows of halves (`__half (*)[40]`, what `extern __shared__ half tile[][40]` is, cuda-samples'
cudaTensorCoreGemm) is a byte view on the same terms, and a row `tile[i]` and its elements `tile[i][k]` are
in it; so are the rows of such a pointer into global memory (a `const __half (*m)[8]` parameter).
"""

from __future__ import annotations

from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.types import F16, HALF2, Array, Pointer
from translator.passes.address_spaces import callers_first, clone_before, space_of

_HALVES = (F16, HALF2)
MEMORY = ("global", "constant")          # where halves are always CUDA's bytes


def fail(node, message: str):
    """Refuse with L003 at `node` (this pass's and half_as_float's refusals)."""
    loc = node.loc
    where = (loc.path, loc.line, loc.col) if loc else ("<ir>", 0, 0)
    raise CutransError(error("L003", message, *where))


def half_pointer_outside_memory(t) -> bool:
    """A pointer to halves, or to (multi-dimensional) rows of them (`__half (*)[40]`), outside global memory."""
    return isinstance(t, Pointer) and _holds_halves(t.pointee) and t.space not in MEMORY


def elements(t):
    """What a pointer or an array (which decays to a pointer) holds; None for other types."""
    return t.pointee if isinstance(t, Pointer) else t.elem if isinstance(t, Array) else None


def scalar_of(t):
    """The element type of t with every array dimension stripped (t itself when it is no array)."""
    while isinstance(t, Array):
        t = t.elem
    return t


def _holds_halves(t) -> bool:
    """A __half or __half2, or an array of them (of any rank)."""
    return scalar_of(t) in _HALVES


def storage_root(e) -> str | None:
    """The variable whose own storage expression `e` names (`a` of `a`, `a[i]`, `a[i][j]`, `a[i].x`); None
    when e goes through a pointer."""
    while isinstance(e, (N.Index, N.Member)) and not isinstance(e.base.type, Pointer):
        e = e.base
    return e.name if isinstance(e, N.VarRef) else None


def _reinterpreted_storage(f: N.Function) -> dict:
    """name -> space of every __half/__half2 variable or array of f whose storage a cast reinterprets:
    `(float4 *)a[i]`, `(unsigned *)&h`, `(half2 *)a` of a `__half a[8]`."""
    decls = {d.name: d for d in walk(f.body) if isinstance(d, N.VarDecl) and _holds_halves(d.type)}
    stored = {}
    for c in walk(f.body):
        if not (isinstance(c, N.Cast) and isinstance(c.type, Pointer)):
            continue
        value = c.value.operand if isinstance(c.value, N.UnOp) and c.value.op == "&" else c.value
        source = c.value.type.pointee if isinstance(c.value.type, Pointer) else elements(value.type)
        name = storage_root(value)
        if name in decls and source != c.type.pointee and (isinstance(value.type, Array) or value is not c.value):
            stored[name] = "shared" if decls[name].space == "shared" else "private"
    for name in stored:
        if decls[name].init is not None and decls[name].type != F16:
            fail(decls[name], f"'{name}' is initialized and its bytes are reinterpreted; OpenCL without "
                               f"cl_khr_fp16 stores it as bytes, where only a single __half takes an initializer: "
                               f"assign the elements one by one")
    return stored


class Views:
    """The byte views of one function: `names` are its pointer variables and parameters that are views,
    `stored` its half variables and arrays stored as bytes (name -> their space)."""

    def __init__(self, names: set, env: dict, stored: dict | None = None):
        self.names = names
        self.env = env              # pointer name -> the space it points into (address_spaces.space_of)
        self.stored = stored or {}

    def in_storage(self, e) -> bool:
        """Whether `e` (a variable, an array or an element of one) lies in a variable stored as bytes."""
        return storage_root(e) in self.stored

    def of(self, e) -> bool:
        """Whether half pointer expression `e` (not yet rewritten) points into the bytes of other data."""
        if isinstance(e, N.VarRef) and not isinstance(e.type, Array):
            return e.name in self.names
        if isinstance(e.type, Array):                  # an array decays to a pointer to its first element
            return self.element_of(e)
        if isinstance(e, N.Cast) and elements(e.value.type) is not None:
            return scalar_of(elements(e.value.type)) not in _HALVES or self.of(e.value)
        if isinstance(e, N.BinOp) and e.op in "+-":
            return self.of(e.lhs) if isinstance(e.lhs.type, Pointer) else self.of(e.rhs)
        if isinstance(e, N.UnOp) and e.op == "&":
            return self.element_of(e.operand)
        if isinstance(e, N.Conditional):
            then, orelse = self.of(e.then), self.of(e.orelse)
            if then != orelse:
                fail(e, "this conditional chooses between a pointer into the bytes of other data and a pointer to "
                         "__half values held in floats (OpenCL without cl_khr_fp16); they cannot share one pointer")
            return then
        return False

    def element_of(self, e) -> bool:
        """Whether lvalue `e` is a half, or an array of them, in a byte view or in a variable stored as bytes:
        `p[k]`, `*p`, `p[k].x`, `a[k]`, `h`, and `r[i][k]` and its row `r[i]` of a view `r` of rows of halves."""
        if isinstance(e, N.Member) and e.base.type == HALF2:
            return self.element_of(e.base)
        if _holds_halves(e.type) and self.in_storage(e):
            return True
        if isinstance(e, N.Index) and half_pointer_outside_memory(e.base.type):
            return self.of(e.base)
        if isinstance(e, N.Index) and isinstance(e.base.type, Array):
            return self.element_of(e.base)
        if isinstance(e, N.UnOp) and e.op == "*" and half_pointer_outside_memory(e.operand.type):
            return self.of(e.operand)
        return False

    def pointer(self, e) -> bool:
        """Whether `e` is a half pointer outside global memory that is a byte view."""
        return half_pointer_outside_memory(e.type) and space_of(e, self.env) not in MEMORY and self.of(e)


def _assignments(f: N.Function) -> list:
    """(name, value, node) for every value a half pointer variable of f gets."""
    found = [(d.name, d.init, d) for d in walk(f.body)
             if isinstance(d, N.VarDecl) and d.init is not None and half_pointer_outside_memory(d.type)]
    found += [(a.target.name, a.value, a) for a in walk(f.body)
              if isinstance(a, N.Assign) and a.op == "=" and isinstance(a.target, N.VarRef)
              and half_pointer_outside_memory(a.target.type)]
    return found


def function_views(f: N.Function, params: set, env: dict) -> Views:
    """The byte views of f, given which of its parameters are views."""
    views = Views(set(params), env, _reinterpreted_storage(f))
    assignments = _assignments(f)
    changed = True
    while changed:
        changed = False
        for name, value, _ in assignments:
            if name not in views.names and views.of(value):
                views.names.add(name)
                changed = True
    for name, value, node in assignments:
        if name in views.names and not views.of(value):
            fail(node, f"pointer '{name}' points into the bytes of other data at one assignment and at __half values "
                        f"held in floats at another (OpenCL without cl_khr_fp16); use one pointer for each")
    for a in walk(f.body):
        if isinstance(a, N.Atomic) and a.args and views.pointer(a.args[0]):
            fail(a, "an atomic on a __half inside the bytes of another object (a variable, or a __shared__ buffer "
                     "of another type) is not translated for OpenCL without cl_khr_fp16")
    return views


def _call_key(call: N.Call, callee: N.Function, views: Views) -> tuple:
    """The names of callee's parameters that receive a byte view at `call`."""
    return tuple(p.name for p, arg in zip(callee.params, call.args)
                 if half_pointer_outside_memory(p.type) and views.of(arg))


def byte_views(module: N.Module, environment) -> dict:
    """function name -> Views, cloning device functions whose half pointer parameters receive byte views.
    `environment(f)` gives f's name -> space map. Callers are visited before their callees, so a clone is
    analysed with the parameters its callers make views."""
    functions = module.functions
    by_name = {f.name: f for f in functions}
    params: dict = {}             # function name -> the names of its parameters that are views
    variants: dict = {}           # (callee, key) -> the name of its variant
    result: dict = {}

    def visit(f: N.Function) -> int:
        views = function_views(f, params.get(f.name, set()), environment(f))
        result[f.name] = views
        made = 0
        for call in (c for c in walk(f.body) if isinstance(c, N.Call) and c.func in by_name):
            callee = by_name[call.func]
            key = _call_key(call, callee, views)
            if not key:
                continue
            if (callee.name, key) not in variants:
                name = f"{callee.name}_bytes_{'_'.join(key)}"
                variants[(callee.name, key)] = name
                params[name] = set(key)
                clone_before(callee, name, by_name, functions)
                made += 1
            call.func = variants[(callee.name, key)]
        return made

    callers_first(functions, visit)
    return result
