"""Methods of structs with data, called from device code: each becomes a device function of the object.

    struct Vec3 {
        float x, y, z;
        __device__ float dot(const Vec3 &o) const { return x * o.x + y * o.y + z * o.z; }
        __device__ void scale(float k) { x *= k; y *= k; z *= k; }
        __device__ Vec3 operator-(const Vec3 &o) const { return {x - o.x, y - o.y, z - o.z}; }
    };
    float d = (a - b).dot(c);   v.scale(2.0f);   p->scale(0.5f);

A method becomes the device function `<struct>_<method>` (`Vec3_dot`; an operator by a word, `Vec3_operator_sub`)
whose first parameter `self` is the object:

- a `const` method that returns a value gets the object by value (`Vec3_dot(Vec3_operator_sub(a, b), c)`), so
  it may be called on a temporary. Inside it `this` may only reach members (`this->x`, `*this`): a `this`
  used as an address would be the copy's, not the caller's object, so it is refused;
- any other method (one that may write the members, or returns a pointer or reference that may point into
  the object) gets a pointer to the object (`Vec3_scale(&v, 2.0f)`, `Vec3_scale(p, 0.5f)`), so the caller's
  object is the one written. Such a method of a temporary is refused, having no address.

A constructor the program writes (`V(float a, float b) : x(a), y(b) { ... }`) becomes `<struct>_<struct>` (an
overload named after its parameters), which declares the object `self`, runs the member initializers and the
body, and returns it: `V v;`, `V v(a, b)`, `V v{a, b}`, `V v = V(a, b)` and `V(a, b).m()` call it. An array of
such structs, or a struct holding one, would run it per element, and is refused (records.py).

Inside a method, a member named alone (`x`) is `self`'s, as is `this->x`. A static method has no object: it is
lowered as stateless.py lowers a method of a struct without data, which lower.py tries first. Structs with
virtual methods (records.py), methods of class template instances and method templates are refused (L003),
as are methods with no body in the translation unit.
"""

from __future__ import annotations

import dataclasses
import re

import clang.cindex as ci

from translator.frontend import member_defaults
from translator.frontend.clang_ops import strip_parens
from translator.ir import nodes as N
from translator.ir.effects import is_lvalue
from translator.ir.types import VOID, Pointer, Struct

K = ci.CursorKind
CODE = "L003"
SELF = "self"
_RECORDS = (K.STRUCT_DECL, K.CLASS_DECL)
# operator -> the word in the function's name (C and OpenCL C have no operators to overload)
_OPERATOR_WORDS = {
    "+": "add", "-": "sub", "*": "mul", "/": "div", "%": "mod", "^": "xor", "&": "and", "|": "or", "~": "not",
    "!": "lnot", "<": "lt", ">": "gt", "<=": "le", ">=": "ge", "==": "eq", "!=": "ne", "&&": "land",
    "||": "lor", "<<": "shl", ">>": "shr", "+=": "add_assign", "-=": "sub_assign", "*=": "mul_assign",
    "/=": "div_assign", "%=": "mod_assign", "^=": "xor_assign", "&=": "and_assign", "|=": "or_assign",
    "<<=": "shl_assign", ">>=": "shr_assign", "++": "inc", "--": "dec", "[]": "index", "()": "call",
}


@dataclasses.dataclass(frozen=True)
class SelfParam:
    """How a lowered method receives its object: the struct, and by value or through a pointer; whether it
    returns the object itself (`Vec3 &operator+=(...) { ...; return *this; }`: made a void function); and
    whether it is a constructor (the object is a local variable it returns)."""
    struct: Struct
    by_value: bool
    returns_this: bool = False
    constructs: bool = False

    @property
    def type(self):
        return self.struct if self.by_value else Pointer(self.struct, "generic")


def _record_method(callee) -> bool:
    parent = callee.semantic_parent
    return callee.kind in (K.CXX_METHOD, K.CONVERSION_FUNCTION) and parent is not None and parent.kind in _RECORDS


def _by_value(callee) -> bool:
    result = callee.result_type.get_canonical().kind
    return callee.is_const_method() and result not in (ci.TypeKind.POINTER, ci.TypeKind.LVALUEREFERENCE,
                                                       ci.TypeKind.RVALUEREFERENCE)


def result_type(fl):
    """The lowered function's result where it is not the written one: void for a method that returns its
    object, the struct for a constructor; None otherwise."""
    mode = fl.self_param
    if mode is None:
        return None
    return mode.struct if mode.constructs else VOID if mode.returns_this else None


def _returns_reference(callee) -> bool:
    return callee.result_type.get_canonical().kind in (ci.TypeKind.LVALUEREFERENCE, ci.TypeKind.RVALUEREFERENCE)


def return_statement(fl, c, kids) -> N.Return | None:
    """`return *this;` in a method that returns its object (SelfParam.returns_this): a plain return; any
    other return of a reference is refused. `return;` in a constructor returns the object. None in any
    other function."""
    mode = fl.self_param
    if mode is not None and mode.constructs:
        return N.Return(N.VarRef(SELF, mode.struct, loc=fl.loc(c)), loc=fl.loc(c))
    if mode is None or not mode.returns_this:
        return None
    value = strip_parens(kids[0]) if kids else None
    if value is None or value.kind != K.UNARY_OPERATOR or not is_this(next(value.get_children())):
        fl.fail(c, CODE, "a method that returns a reference must return '*this' to be supported in device code")
    return N.Return(None, loc=fl.loc(c))


def function_word(callee) -> str:
    """`dot` -> `dot`; `operator-` -> `operator_sub`; a plain name that starts with the word, such as
    `operator_add_by_value_b` (cutrans's own, read back from its CUDA output), stays itself."""
    name = callee.spelling
    rest = name[len("operator"):]
    if callee.kind == K.CONVERSION_FUNCTION:          # `operator int` -> operator_to_int
        return "operator_to_" + "_".join(re.findall(r"\w+", rest.replace("*", " ptr ").replace("&", " ref ")))
    if name.startswith("operator") and not (rest[:1].isalnum() or rest[:1] == "_"):
        return f"operator_{_OPERATOR_WORDS.get(rest.strip(), 'op')}"
    return name


def call(fl, c) -> N.Expr | None:
    """The IR of `obj.m(args)`, `p->m(args)` or an overloaded operator of a struct with data; None for any
    other call."""
    callee = c.referenced
    if callee is None or not _record_method(callee):
        return None
    where = f"method '{callee.spelling}' of '{callee.semantic_parent.type.spelling}'"
    parent = callee.semantic_parent
    if parent.specialized_template is not None:
        fl.fail(c, CODE, f"{where}: methods of class template instances are not supported in device code")
    definition = callee.get_definition()
    if definition is None:
        fl.fail(c, CODE, f"{where} has no body in this translation unit")
    struct = fl.type_of(c, parent.type)
    mode = SelfParam(struct, _by_value(callee), _returns_reference(callee))
    if mode.returns_this and fl.statement != c:
        fl.fail(c, CODE, f"{where} returns a reference, whose value is used here; only a call whose value is "
                         f"unused (`a += b;`) is supported in device code")
    obj, arguments = _object_and_arguments(fl, c, callee)
    base = f"{struct.name}_{function_word(callee)}"
    # the callee before the object (`(a * b) + c` needs + then *), as a call of a plain function orders them,
    # so the module lists its functions alike whether a method is called as one or through its lowered name
    name = fl.m.require(definition, fl.loc(c), fl.m.function_name(definition, base),
                        make=lambda: fl.method_lowerer(definition, mode))
    this = _self_argument(fl, c, obj, mode, where)
    result = VOID if mode.returns_this else fl.type_of(c)
    return fl.lowered_call(c, definition, name, result, arguments, leading=[this])


def _object_and_arguments(fl, c, callee):
    """The object's cursor and the argument cursors of the call."""
    kids = list(c.get_children())
    head = strip_parens(kids[0]) if kids else None
    if head is not None and head.kind == K.MEMBER_REF_EXPR and head.referenced == callee:
        objs = [k for k in head.get_children() if not k.kind.is_reference()]
        if len(objs) != 1:
            return None, list(c.get_arguments())      # `m(args)` inside another method: this object
        return objs[0], list(c.get_arguments())
    arguments = list(c.get_arguments())                # an operator: libclang lists the object first
    if len(arguments) != len(list(callee.get_arguments())) + 1:
        fl.fail(c, CODE, f"cannot tell the object of this call of '{callee.spelling}'")
    return arguments[0], arguments[1:]


def _self_argument(fl, c, obj, mode: SelfParam, where: str) -> N.Expr:
    if obj is None:
        return this_value(fl, c) if mode.by_value else this_pointer(fl, c)
    value = fl.expr(obj)
    if isinstance(value.type, Pointer):                # p->m(): the pointer is the object's address
        return N.UnOp("*", value, value.type.pointee, loc=value.loc) if mode.by_value else value
    if mode.by_value:
        return value
    if not is_lvalue(value):
        fl.fail(c, CODE, f"{where} may write its object or return a pointer into it, and is called here on a "
                         f"temporary; store the object in a variable first")
    return N.UnOp("&", value, Pointer(value.type, "generic"), loc=value.loc)


def params(fl) -> list:
    """The leading `self` parameter of a lowered method ([] for any other function, and a constructor)."""
    mode = fl.self_param
    return [] if mode is None or mode.constructs else [N.Param(SELF, mode.type, loc=fl.loc(fl.fn))]


def this_value(fl, c) -> N.Expr:
    """The object inside a method: `*this`, and the base of a member named alone."""
    mode = _mode(fl, c)
    ref = N.VarRef(SELF, mode.type, loc=fl.loc(c))
    return ref if mode.by_value else N.UnOp("*", ref, mode.struct, loc=fl.loc(c))


def this_pointer(fl, c) -> N.Expr:
    """`this` used as an address: only where the method has the caller's object."""
    mode = _mode(fl, c)
    if mode.constructs:
        ref = N.VarRef(SELF, mode.struct, loc=fl.loc(c))
        return N.UnOp("&", ref, Pointer(mode.struct, "private"), loc=fl.loc(c))
    if mode.by_value:
        fl.fail(c, CODE, "a const method that uses 'this' as an address is not supported in device code (it gets "
                         "a copy of the object); use its members, or '*this'")
    return N.VarRef(SELF, mode.type, loc=fl.loc(c))


def is_this(c) -> bool:
    return strip_parens(c).kind == K.CXX_THIS_EXPR


def _mode(fl, c) -> SelfParam:
    if fl.self_param is None:
        fl.fail(c, CODE, "'this' outside a method of a struct is not supported in device code")
    return fl.self_param


# -- constructors ---------------------------------------------------------------------------------
def written_constructor(ctor) -> bool:
    """A constructor the program wrote (libclang lists only those among the struct's members), other than a
    copy or move constructor (a copy of the bits)."""
    parent = ctor.semantic_parent
    return ctor.kind == K.CONSTRUCTOR and parent is not None and not ctor.is_copy_constructor() and \
        not ctor.is_move_constructor() and any(m == ctor for m in parent.get_children())


def has_written_constructor(decl) -> bool:
    return any(written_constructor(m) for m in decl.get_children() if m.kind == K.CONSTRUCTOR)


def construct(fl, c, ctor) -> N.Expr:
    """`V(a, b)`, `V v(a, b)`, `V v{a, b}`, `V v;` with a constructor the program wrote: a call of the device
    function `<struct>_<struct>` that makes the object and returns it."""
    parent = ctor.semantic_parent
    where = f"constructor of '{parent.type.spelling}'"
    if parent.specialized_template is not None:
        fl.fail(c, CODE, f"{where}: constructors of class template instances are not supported in device code")
    definition = ctor.get_definition()
    if definition is None:
        fl.fail(c, CODE, f"{where} has no body in this translation unit")
    struct = fl.type_of(c, parent.type)
    mode = SelfParam(struct, True, constructs=True)
    arguments = [a for a in c.get_children() if not a.kind.is_reference()]
    name = fl.m.require(definition, fl.loc(c), fl.m.function_name(definition, f"{struct.name}_{struct.name}"),
                        make=lambda: fl.method_lowerer(definition, mode))
    return fl.lowered_call(c, definition, name, struct, arguments)


def default_construction(fl, v) -> N.Expr | None:
    """`V v;` where V's default constructor is one the program wrote: its call; None otherwise."""
    for k in v.get_children():
        k = strip_parens(k)
        if k.kind == K.CALL_EXPR and k.referenced is not None and written_constructor(k.referenced):
            return construct(fl, k, k.referenced)
    return None


def constructor_body(fl, block: N.Block) -> N.Block:
    """A constructor's body: the object declared (with its default member initializers, member_defaults.py), its
    member initializers (`: x(a), y(b)`), the written body, and the object returned."""
    mode = fl.self_param
    if mode is None or not mode.constructs:
        return block
    loc = fl.loc(fl.fn)
    this = N.VarRef(SELF, mode.struct, loc=loc)
    start = member_defaults.made(fl, fl.fn.semantic_parent.type, mode.struct, fl.fn)   # default member initializers
    stmts = [N.VarDecl(SELF, mode.struct, "private", start, loc=loc)]
    kids = [k for k in fl.fn.get_children() if k.kind not in (K.PARM_DECL, K.COMPOUND_STMT)
            and not k.kind.is_attribute()]
    while kids:
        member = kids.pop(0)
        if member.kind != K.MEMBER_REF or not kids or member.spelling not in dict(mode.struct.fields):
            fl.fail(member, CODE, "this constructor's initializer list is not supported in device code "
                                  "(only members initialized from one expression each)")
        value = kids.pop(0)
        field = mode.struct.field(member.spelling)
        target = N.Member(this, member.spelling, field, loc=fl.loc(member))
        stmts.append(N.ExprStmt(N.Assign("=", target, fl.expr(value, want=field), field, loc=fl.loc(value)),
                                loc=fl.loc(value)))
    return N.Block(stmts + block.stmts + [N.Return(this, loc=loc)], loc=block.loc)
