"""libclang cursors of device code -> IR.

Kernels (`__global__` definitions) are lowered first; every `__device__` function they call is
lowered on demand. Anything without an IR form raises a diagnostic at its location; one failing
function does not stop the others, so a user sees every problem in one run.
"""

from __future__ import annotations

import math
import os
import re

import clang.cindex as ci

from translator import mappings
from translator.diagnostics import CutransError, Diagnostic, error
from translator.frontend.clang_ops import is_closure_type, strip_parens, unary_operator
from translator.frontend.clang_setup import PTX_HELPERS
from translator.frontend.clang_types import ARRAY_KINDS, lower_type
from translator.frontend.evaluate import evaluate
from translator.frontend import (cooperative_groups, cub_block, cub_scan, cub_warp, device_printf, half,
                                 half_functions, lambdas, library_names, member_defaults, methods, own_overloads, ptx, records,
                                 references, stateless, tu_index, variable_templates, wmma)
from translator.frontend.globals import folded_constant, global_space, initializer
from translator.frontend.templates import Instance, Instantiation, Instantiator, instance_of, presumed, template_of
from translator.ir import nodes as N
from translator.ir.base import HostTemplate, SourceLoc, walk
from translator.frontend.warp import launch_bound, lower_warp_call
from translator.ir.builtins import (ATOMICS, CACHE_LOADS, DYNAMIC_SHARED, MATH, MATH_OPERANDS, SINCOS, SPECIAL_REGS,
                                     SYNC, UNSUPPORTED_CALLS, WARP)
from translator.ir.types import BOOL, U32, Array, Pointer, Scalar, Struct, is_float, is_scalar

_CUB_COLLECTIVES = (cub_block, cub_scan, cub_warp)      # each lowers its calls (call) and drops its objects
K = ci.CursorKind
_BINOPS = {
    "Mul": "*", "Div": "/", "Rem": "%", "Add": "+", "Sub": "-", "Shl": "<<", "Shr": ">>",
    "LT": "<", "GT": ">", "LE": "<=", "GE": ">=", "EQ": "==", "NE": "!=", "And": "&", "Xor": "^",
    "Or": "|", "LAnd": "&&", "LOr": "||", "Comma": ",",
}
_ASSIGNS = {
    "Assign": "=", "MulAssign": "*=", "DivAssign": "/=", "RemAssign": "%=", "AddAssign": "+=",
    "SubAssign": "-=", "ShlAssign": "<<=", "ShrAssign": ">>=", "AndAssign": "&=", "XorAssign": "^=",
    "OrAssign": "|=",
}
_PREFIX_UNOPS = {"-", "+", "!", "~", "*", "&", "++", "--"}
_CASTS = (K.CSTYLE_CAST_EXPR, K.CXX_STATIC_CAST_EXPR, K.CXX_FUNCTIONAL_CAST_EXPR, K.CXX_REINTERPRET_CAST_EXPR,
          K.CXX_CONST_CAST_EXPR)
_DEVICE_ATTRS = (K.CUDADEVICE_ATTR, K.CUDAGLOBAL_ATTR)
# calls that stand for constants (math.h's INFINITY, NAN, HUGE_VAL in clang's spelling): folded to literals
_CONSTANT_BUILTINS = ("__builtin_inff", "__builtin_inf", "__builtin_huge_valf", "__builtin_huge_val",
                      "__builtin_nanf", "__builtin_nan")
_RECORDS = (K.STRUCT_DECL, K.CLASS_DECL, K.UNION_DECL, K.CLASS_TEMPLATE, K.CLASS_TEMPLATE_PARTIAL_SPECIALIZATION)   # static members



def _attrs(cursor) -> set:
    return {c.kind for c in cursor.get_children() if c.kind.is_attribute()}


def is_kernel(cursor) -> bool:
    return cursor.kind == K.FUNCTION_DECL and K.CUDAGLOBAL_ATTR in _attrs(cursor)


def is_device_function(cursor) -> bool:
    return cursor.kind == K.FUNCTION_DECL and bool(_attrs(cursor) & set(_DEVICE_ATTRS))


def _nan_payload(c) -> bool:
    """Does __builtin_nan("...") ask for a payload (a string other than "" or "0"), or not say?"""
    strings = [n.spelling for n in c.walk_preorder() if n.kind == K.STRING_LITERAL]
    return strings not in (['""'], ['"0"'])


class FunctionLowerer:
    """Lowers one function body. Raises CutransError at the first construct without an IR form."""

    def __init__(self, module_lowerer: "ModuleLowerer", cursor):
        self.m = module_lowerer
        self.fn = cursor
        self.is_kernel = is_kernel(cursor)
        self.uses_dynamic_shared = False
        self.file_dynamic: dict[str, N.VarDecl] = {}   # file-scope extern __shared__ arrays used here
        self.element_loops: dict = {}   # loop variable -> Fragment: loops over a fragment's elements (wmma.py)
        self.passed_groups: dict = {}   # parameter position -> the Group every call passes (cooperative_groups.py)
        self.captures: dict = {}        # a lambda's captured variables by name (lambdas.py): leading parameters
        self.self_param = None          # a method's object (methods.SelfParam): its leading parameter
        self.statement = None           # the expression of the expression statement being lowered

    # -- helpers ---------------------------------------------------------------------------
    def loc(self, c) -> SourceLoc:
        path, line, col = presumed(c.location)      # `#line` in instance copies keeps the user's lines
        return SourceLoc(path or self.m.path, line, col)

    def where(self, c):
        loc = self.loc(c)
        return (loc.path, loc.line, loc.col)

    def fail(self, c, code: str, message: str):
        raise CutransError(error(code, message, *self.where(c)))

    def type_of(self, c, ctype=None, space="generic"):
        return lower_type(ctype if ctype is not None else c.type, self.where(c), space)

    def tokens(self, c) -> list[str]:
        return [t.spelling for t in c.get_tokens()]

    # -- function --------------------------------------------------------------------------
    def lower(self) -> N.Function:
        c = self.fn
        params = []
        for i, p in enumerate(c.get_arguments()):
            if i in self.passed_groups:
                continue                    # a group: no state (cooperative_groups.passed_groups)
            space = "global" if self.is_kernel else "generic"
            host = _host_spelling(p.type) if self.is_kernel else None   # e.g. `unsigned long *`
            if host and p.type.get_canonical().kind == ci.TypeKind.ENUM:
                host = f"enum {host}"        # the launch glue takes the host's enum (program.enum_param)
            params.append(N.Param(p.spelling, references.param_type(self, p, space), host, loc=self.loc(p)))
        params[:0] = methods.params(self) + lambdas.capture_params(self)
        body = next((ch for ch in c.get_children() if ch.kind == K.COMPOUND_STMT), None)
        ret = methods.result_type(self) or self.type_of(c, c.result_type)
        kind = "kernel" if self.is_kernel else "device"
        block = methods.constructor_body(self, self.stmt(body))
        block.stmts[:0] = self.file_dynamic.values()
        if self.uses_dynamic_shared:
            params.append(N.Param(DYNAMIC_SHARED, Pointer(Scalar("u8"), "shared"), loc=self.loc(c)))
        bound = launch_bound(self, c) if self.is_kernel else None
        return N.Function(c.spelling, kind, ret, params, block, bound, loc=self.loc(c))

    # -- statements ------------------------------------------------------------------------
    def stmt(self, c, allow_group: bool = False) -> N.Stmt:
        handler = _STMT_HANDLERS.get(c.kind)
        if handler is not None:
            s = handler(self, c)
            if isinstance(s, list) and not allow_group:
                self.fail(c, "L001", "several declarations in one statement are only supported inside a block")
            return s
        if c.kind.is_expression() or c.kind == K.UNEXPOSED_EXPR:
            return self.expr_stmt(c)
        self.fail(c, "L001", f"statement '{c.kind.name.lower()}' is not supported in device code yet")

    def substatement(self, c) -> N.Stmt:
        """A branch of an `if` or a loop's body: a null statement there (`if (x) ; else ...`, `for (...) ;`, or a
        branch of `if constexpr` that an instance discards, frontend/discarded.py) is an empty block."""
        s = self.stmt(c)
        return s if s is not None else N.Block([], loc=self.loc(c))

    def block(self, c) -> N.Block:
        stmts = []
        for ch in c.get_children():
            s = self.stmt(ch, allow_group=True)
            if isinstance(s, list):
                stmts.extend(s)
            elif s is not None:
                stmts.append(s)
        return N.Block(stmts, loc=self.loc(c))

    def decl_stmt(self, c):
        decls = []
        for d in (self.var_decl(v) for v in c.get_children()):     # a declaration may come with statements
            decls.extend(d if isinstance(d, list) else [d] if d is not None else [])
        return decls[0] if len(decls) == 1 else decls or None

    def var_decl(self, v) -> N.VarDecl:
        if v.kind in _NO_CODE_DECLS:
            return None
        if v.kind != K.VAR_DECL:
            self.fail(v, "L001", f"declaration '{v.kind.name.lower()}' is not supported in device code yet")
        attrs = _attrs(v)
        if K.CUDACONSTANT_ATTR in attrs or K.CUDADEVICE_ATTR in attrs:
            self.fail(v, "L001", "__device__/__constant__ variables inside functions are not supported yet")
        shared = K.CUDASHARED_ATTR in attrs
        if v.storage_class == ci.StorageClass.STATIC and not shared:
            return self.static_constant(v)
        if v.storage_class == ci.StorageClass.EXTERN and shared:
            return self.dynamic_shared(v)
        if v.storage_class == ci.StorageClass.EXTERN:
            self.fail(v, "L001", "extern variables in device code are not supported")
        if references.is_reference(v.type):
            return references.local(self, v)
        if cooperative_groups.is_group_type(v.type):
            return cooperative_groups.declare(self, v)     # a group has no state in the IR
        if cooperative_groups.is_tile_memory(v.type):
            return None                                    # multi-warp tiles' scratch: the lowering has its own
        if is_closure_type(v.type):
            return lambdas.declare(self, v)                # copies of what it captures by value
        if stateless.is_stateless(v.type):
            return None                                    # no data: its methods become device functions
        if any(collective.is_collective_type(v.type) for collective in _CUB_COLLECTIVES):
            return None                                    # `BlockReduce r(temp);`: its uses read `temp` (cub_block)
        ty = self.type_of(v)
        if wmma.is_fragment_type(v.type):
            return wmma.declare(self, v, ty)
        init = folded_constant(self, v, v) if self.is_constexpr(v) else None     # clang's value: cilog2(8) is 3
        if init is None:
            init = records.declared_initializer(self, v, ty)
        if init is None:
            init = member_defaults.made(self, v.type, ty, v)      # `Box b;` runs `int x0 = 0;`
        if init is None and records.constructed(self, v, ty):
            init = methods.default_construction(self, v)     # `V v;` with the program's V()
        if init is not None and shared:
            self.fail(v, "L001", "__shared__ variables cannot be initialized")
        return N.VarDecl(v.spelling, ty, "shared" if shared else "private", init, loc=self.loc(v))

    def is_constexpr(self, v) -> bool:
        """Whether local `v` is declared `constexpr`: its initializer is a constant expression, whose value clang
        knows, even when it calls a recursive constexpr function (`constexpr int k = cilog2(n);`)."""
        words = self.tokens(v)
        return "constexpr" in words[:words.index(v.spelling)] if v.spelling in words else False

    def static_constant(self, v) -> N.VarDecl:
        """`static constexpr float lo = ...;` / `static const int table[] = {...};` in a device function: a const
        with a constant initializer holds the same value in every thread and call, so a local of its own
        in each is the same program. A static that can change is shared by every thread and is refused."""
        elem = v.type
        while elem.get_canonical().kind.name in ARRAY_KINDS:
            elem = elem.get_array_element_type()     # the canonical array type drops its elements' const
        ty = self.type_of(v)
        if not elem.get_canonical().is_const_qualified() or isinstance(ty, Struct) or records.constructed(self, v, ty):
            self.fail(v, "L001", "static local variables in device code are supported only when they are const "
                                 "scalars or arrays with a constant initializer")
        init = folded_constant(self, v, v)       # a scalar's, folded by clang: it may name another constant
        if init is None:
            init = initializer(self, v, ty, constant=True)
        if init is None:
            self.fail(v, "L001", f"static const '{v.spelling}' has no initializer")
        return N.VarDecl(v.spelling, ty, "private", init, loc=self.loc(v))

    def dynamic_shared(self, v, at=None) -> N.VarDecl:
        """`extern __shared__ T name[];` -> `T* name = (T*)<the launch's dynamic shared memory>`. In a device
        function, the launch's dynamic shared memory is a parameter its callers pass on (`call_args`)."""
        canonical = v.type.get_canonical()
        if canonical.kind.name not in ("INCOMPLETEARRAY", "CONSTANTARRAY"):
            self.fail(v, "L001", "extern __shared__ must be an array")
        ptr = Pointer(self.type_of(v, canonical.element_type), "shared")
        self.uses_dynamic_shared = True
        base = N.VarRef(DYNAMIC_SHARED, Pointer(Scalar("u8"), "shared"), loc=self.loc(v))
        return N.VarDecl(v.spelling, ptr, "private", N.Cast(base, False, ptr, loc=self.loc(v)), loc=self.loc(v))

    def if_stmt(self, c) -> N.If:
        kids = list(c.get_children())
        if kids and kids[0].kind == K.DECL_STMT:
            self.fail(c, "L001", "declarations in an if condition are not supported yet")
        orelse = self.substatement(kids[2]) if len(kids) > 2 else None
        return N.If(self.cond(kids[0]), self.substatement(kids[1]), orelse, loc=self.loc(c))

    def for_stmt(self, c) -> N.Stmt:
        parts = self.for_parts(c)
        init = self.stmt(parts["init"], allow_group=True) if parts["init"] is not None else None
        cond = self.cond(parts["cond"]) if parts["cond"] is not None else None
        step = self.expr(parts["step"]) if parts["step"] is not None else None
        loop = wmma.element_loop(self, parts["cond"], parts["body"])
        if loop is not None:
            self.element_loops[loop[0]] = loop[1]
        try:
            body = self.substatement(parts["body"])
        finally:
            if loop is not None:
                del self.element_loops[loop[0]]
        if isinstance(init, list):     # `for (int i = 0, j = n; ...)`: declare them in a block around the loop
            return N.Block(init + [N.For(None, cond, step, body, loc=self.loc(c))], loc=self.loc(c))
        return N.For(init, cond, step, body, loc=self.loc(c))

    def for_parts(self, c) -> dict:
        """A for statement's children as init/cond/step/body. libclang leaves out the parts a loop does not have,
        so they are told apart by the positions of the ';' of the loop's tokens. A loop that a macro writes has
        its children all at the macro's use: there only a loop with all four parts can be read, in their order."""
        kids = list(c.get_children())
        parts = self._for_parts_by_tokens(c, kids)
        if parts is not None:
            return parts
        if len(kids) == 4:
            return dict(zip(("init", "cond", "step", "body"), kids))
        self.fail(c, "L001", "this form of for statement is not supported (a range-for, or a loop that a macro writes "
                             "without all of its init, condition and step)")

    @staticmethod
    def _for_parts_by_tokens(c, kids) -> dict | None:
        """The parts by the ';' positions; None where they do not tell (one slot for two children)."""
        toks = list(c.get_tokens())
        depth, semis, close = 0, [], None
        for t in toks[1:]:
            if t.spelling == "(":
                depth += 1
            elif t.spelling == ")":
                depth -= 1
                if depth == 0:
                    close = t.extent.start.offset
                    break
            elif t.spelling == ";" and depth == 1:
                semis.append(t.extent.start.offset)
        if len(semis) != 2 or close is None:
            return None
        parts = {"init": None, "cond": None, "step": None, "body": None}
        for ch in kids:
            start = ch.extent.start.offset
            slot = ("init" if start < semis[0] else "cond" if start < semis[1]
                    else "step" if start < close else "body")
            if parts[slot] is not None:
                return None
            parts[slot] = ch
        return parts

    def switch_stmt(self, c) -> N.Switch:
        kids = list(c.get_children())
        if len(kids) != 2 or kids[0].kind == K.DECL_STMT:
            self.fail(c, "L001", "this form of switch statement (with an init statement or declaration) is not supported")
        return N.Switch(self.expr(kids[0]), self.stmt(kids[1]), loc=self.loc(c))

    def case_stmt(self, c) -> list:
        """`case V: stmt` -> [Case(V), stmt...]: labels are statements of the switch body, as in C."""
        kids = list(c.get_children())
        if c.kind == K.DEFAULT_STMT:
            label = N.Default(loc=self.loc(c))
        else:
            value = evaluate(kids[0])
            if value is None or len(kids) != 2:
                self.fail(c, "L001", "case labels must be integer constants (ranges are not supported)")
            label = N.Case(int(value), loc=self.loc(c))
        body = self.stmt(kids[-1], allow_group=True)
        return [label] + (body if isinstance(body, list) else [body] if body is not None else [])

    def while_stmt(self, c) -> N.While:
        cond, body = list(c.get_children())
        if cond.kind == K.DECL_STMT:
            self.fail(c, "L001", "declarations in a while condition are not supported yet")
        return N.While(self.cond(cond), self.substatement(body), loc=self.loc(c))

    def do_stmt(self, c) -> N.DoWhile:
        body, cond = list(c.get_children())
        return N.DoWhile(self.substatement(body), self.cond(cond), loc=self.loc(c))

    def return_stmt(self, c) -> N.Return:
        kids = list(c.get_children())
        returns_this = methods.return_statement(self, c, kids)
        if returns_this is not None:
            return returns_this
        ret = self.type_of(self.fn, self.fn.result_type)
        return N.Return(self.expr(kids[0], want=ret) if kids else None, loc=self.loc(c))

    def hinted_loop(self, c):
        """`#pragma unroll [N]` before a loop: a hint that changes no result; the loop is kept as is."""
        kids = list(c.get_children())
        if self.tokens(c)[1:3] not in (["pragma", "unroll"], ["pragma", "nounroll"]) or len(kids) != 1 \
                or kids[0].kind not in _LOOP_KINDS:
            self.fail(c, "L001", "this attributed statement is not supported in device code yet")
        return self.stmt(kids[0])

    def expr_stmt(self, c):
        self.statement = strip_parens(c)     # a call whose value is unused (methods.call)
        if c.kind == K.CONDITIONAL_OPERATOR and c.type.get_canonical().kind == ci.TypeKind.VOID:
            return self.void_conditional(c)
        sync = self.sync_call(c)
        if sync is not None:
            return sync
        if c.kind == K.CALL_EXPR and c.spelling in SINCOS:
            return self.sincos(c)
        if c.kind == K.CALL_EXPR and c.spelling == "printf":
            return N.ExprStmt(device_printf.lower_printf(self, c), loc=self.loc(c))
        return N.ExprStmt(self.expr(c), loc=self.loc(c))

    def void_conditional(self, c) -> N.If:
        """`c ? __syncthreads() : __syncwarp();` (HeCBench bitpermute): a statement, so each arm is lowered as one
        (a barrier may only be a statement), under an if."""
        cond, *arms = c.get_children()
        then, orelse = (self.expr_stmt(strip_parens(arm)) for arm in arms)
        return N.If(self.cond(cond), then, orelse, loc=self.loc(c))

    def sincos(self, c) -> N.Block:
        """`sincosf(x, &s, &c)` -> `{ float t = x; *(&s) = sinf(t); *(&c) = cosf(t); }` (x evaluated once)."""
        ty_name, precision = SINCOS[c.spelling]
        x, sin_out, cos_out = list(c.get_arguments())
        ty, loc = Scalar(ty_name), self.loc(c)
        arg = N.VarDecl("cutrans_sincos_x", ty, "private", self.expr(x, want=ty), loc=loc)
        ref = N.VarRef("cutrans_sincos_x", ty, loc=loc)
        stores = [N.ExprStmt(N.Assign("=", N.UnOp("*", self.expr(out), ty, loc=loc),
                                      N.MathCall(func, precision, [ref], ty, loc=loc), ty, loc=loc), loc=loc)
                  for out, func in ((sin_out, "sin"), (cos_out, "cos"))]
        return N.Block([arg] + stores, loc=loc)

    def sync_call(self, c):
        if c.kind != K.CALL_EXPR or c.spelling not in SYNC:
            return cooperative_groups.statement(self, c)
        cls, scope = SYNC[c.spelling]
        return getattr(N, cls)(scope, loc=self.loc(c))

    # -- expressions -----------------------------------------------------------------------
    def cond(self, c) -> N.Expr:
        return self.expr(c)

    def expr(self, c, want=None) -> N.Expr:
        handler = self.expr_handler(c)
        if handler is None:
            self.fail(c, "L001", f"expression '{c.kind.name.lower()}' is not supported in device code yet")
        e = handler(self, c)
        if want is not None and is_scalar(want) and is_scalar(e.type) and e.type != want:
            e = N.Cast(e, True, want, loc=e.loc)
        return e

    def expr_handler(self, c):
        return _EXPR_HANDLERS.get(c.kind)

    def only_child(self, c):
        kids = [k for k in c.get_children() if not k.kind.is_reference()]
        if len(kids) != 1:
            self.fail(c, "L001", f"unexpected form of '{c.kind.name.lower()}'")
        return kids[0]

    def unexposed(self, c) -> N.Expr:
        child = self.only_child(c)
        while child.kind == K.PAREN_EXPR:
            child = self.only_child(child)
        ty = self.type_of(c)
        if child.kind == K.CXX_NULL_PTR_LITERAL_EXPR and isinstance(ty, Pointer):
            return N.IntLit(0, ty, loc=self.loc(c))     # nullptr converted to a pointer type: a null pointer
        inner = self.expr(self.only_child(c))
        if isinstance(inner.type, Array) and isinstance(ty, Pointer):
            return inner                       # array-to-pointer decay
        if is_scalar(ty) and is_scalar(inner.type) and ty != inner.type:
            return N.Cast(inner, True, ty, loc=self.loc(c))
        return inner

    def paren(self, c) -> N.Expr:
        return self.expr(self.only_child(c))

    def literal(self, c) -> N.Expr:
        value = evaluate(c)
        ty = self.type_of(c)
        if value is None:
            self.fail(c, "L001", "cannot evaluate this literal")
        if c.kind == K.FLOATING_LITERAL:
            toks = self.tokens(c)
            text = toks[0] if len(toks) == 1 and toks[0][:1].isdigit() or (toks and toks[0][:1] == ".") else ""
            return N.FloatLit(value, text, ty, loc=self.loc(c))
        return N.IntLit(value, ty, loc=self.loc(c))

    def bool_literal(self, c) -> N.Expr:
        return N.BoolLit(self.tokens(c)[:1] == ["true"], BOOL, loc=self.loc(c))

    def decl_ref(self, c) -> N.Expr:
        captured = lambdas.captured_ref(self, c) if self.captures else None
        if captured is not None:
            return captured
        ref = c.referenced
        if ref is None:
            self.fail(c, "L001", f"unresolved name '{c.spelling}'")
        if ref.kind == K.ENUM_CONSTANT_DECL:
            return N.IntLit(ref.enum_value, self.type_of(c), loc=self.loc(c))
        if variable_templates.is_instance(ref):
            g = self.m.require_template_global(self, c, ref)
            return N.VarRef(g.name, g.type, loc=self.loc(c))
        folded = folded_constant(self, c, ref) if ref.kind == K.UNEXPOSED_DECL else None
        if folded is not None:            # a library's constant variable template: std::is_same_v<T, int>
            return folded
        if ref.kind not in (K.VAR_DECL, K.PARM_DECL):
            self.fail(c, "L001", f"reference to '{c.spelling}' ({ref.kind.name.lower()}) is not supported")
        if ref.semantic_parent is not None and ref.semantic_parent.kind == K.TRANSLATION_UNIT:
            if c.spelling == "warpSize":
                return N.SpecialReg("warp_size", "", Scalar("i32"), loc=self.loc(c))
            if c.spelling in SPECIAL_REGS:
                self.fail(c, "L003", f"'{c.spelling}' is only supported through its members (.x, .y, .z)")
            at_file_scope = ref.lexical_parent is not None and ref.lexical_parent.kind == K.TRANSLATION_UNIT
            if not at_file_scope:       # a block-scope extern: declared by its own statement
                elem = self.type_of(c, ref.type.get_canonical().element_type)
                return N.VarRef(c.spelling, Pointer(elem, "shared"), loc=self.loc(c))
            if ref.storage_class == ci.StorageClass.EXTERN and K.CUDASHARED_ATTR in _attrs(ref):
                if c.spelling not in self.file_dynamic:
                    self.file_dynamic[c.spelling] = self.dynamic_shared(ref, at=c)
                return N.VarRef(c.spelling, self.file_dynamic[c.spelling].type, loc=self.loc(c))
            if global_space(ref):
                g = self.m.require_global(self, ref)
                return N.VarRef(g.name, g.type, loc=self.loc(c))
            folded = folded_constant(self, c, ref)
            if folded is not None:
                return folded
            self.fail(c, "L001", f"file-scope variable '{c.spelling}' is not __device__ or __constant__ "
                                 f"memory, so device code cannot read it")
        if ref.kind == K.VAR_DECL and ref.semantic_parent is not None and ref.semantic_parent.kind in _RECORDS:
            return self.static_member(c, ref)
        return references.var_ref(self, c, ref)

    def constant_call(self, c, name: str) -> N.Expr:
        """std::numeric_limits<T>::max(), ::infinity()... and the builtins behind INFINITY, NAN and HUGE_VAL:
        constant, folded to a literal by clang. A signaling NaN is refused: a literal NaN here is the quiet
        one, and so is a NaN with a payload (`__builtin_nanf("1")`)."""
        ty = self.type_of(c)
        quiet = name != "signaling_NaN" and not (name.startswith("__builtin_nan") and _nan_payload(c))
        value = evaluate(c) if isinstance(ty, Scalar) and quiet else None
        if value is None:
            self.fail(c, "L003", f"'{name}()' on {ty} has no literal value here")
        if is_float(ty):      # math.nan: one object, so IR with the same NaN literal compares equal
            return N.FloatLit(math.nan if math.isnan(value) else float(value), "", ty, loc=self.loc(c))
        return N.IntLit(int(value), ty, loc=self.loc(c))

    def static_member(self, c, ref) -> N.Expr:
        """A static data member (`std::is_same<T, half>::value`, `Traits::kSize`): its constant value as a
        literal; one that is not a constant lives in host or device memory the IR does not model."""
        folded = folded_constant(self, c, ref)
        if folded is None:
            self.fail(c, "L001", f"static data member '{ref.semantic_parent.spelling}::{c.spelling}' is not a "
                                 f"constant scalar, so device code cannot read it")
        return folded

    def member_ref(self, c) -> N.Expr:
        if not any(not k.kind.is_reference() for k in c.get_children()):
            return records.member(self, c)        # a member named alone inside a method (methods.py)
        base = self.only_child(c)
        inner = base
        while inner.kind == K.UNEXPOSED_EXPR:
            inner = self.only_child(inner)
        if inner.kind == K.DECL_REF_EXPR and inner.spelling in SPECIAL_REGS:
            # With CUDA's own headers the member is a property (spelling ''); its name is the last token.
            toks = self.tokens(c)
            dim = c.spelling or (toks[-1] if toks else "")
            if dim not in ("x", "y", "z"):
                self.fail(c, "L001", f"cannot tell which component of '{inner.spelling}' is used here")
            return N.SpecialReg(SPECIAL_REGS[inner.spelling], dim, U32, loc=self.loc(c))
        half.member(self, c)
        fragment_member = wmma.member(self, c)
        if fragment_member is not None:
            return fragment_member
        return records.member(self, c)

    def binary(self, c) -> N.Expr:
        lhs, rhs = list(c.get_children())
        name = c.binary_operator.name
        if name in _ASSIGNS:
            return N.Assign(_ASSIGNS[name], self.expr(lhs), self.expr(rhs), self.type_of(c), loc=self.loc(c))
        if name not in _BINOPS:
            self.fail(c, "L001", f"operator '{name}' is not supported in device code")
        return N.BinOp(_BINOPS[name], self.expr(lhs), self.expr(rhs), self.type_of(c), loc=self.loc(c))

    def unary(self, c) -> N.Expr:
        operand = self.only_child(c)
        op = unary_operator(c) or self.unary_from_tokens(c, operand)
        if op == "*" and methods.is_this(operand):
            return methods.this_value(self, c)
        e = N.UnOp(op, self.expr(operand), self.type_of(c), loc=self.loc(c))
        return half_functions.reinterpretation(e) or e

    def unary_from_tokens(self, c, operand) -> str:
        """The operator as written, where libclang cannot say (older libraries)."""
        toks = self.tokens(c)
        if toks and toks[0] in _PREFIX_UNOPS and c.extent.start.offset < operand.extent.start.offset:
            return toks[0]
        if toks and toks[-1] in ("++", "--"):
            return "post" + toks[-1]
        self.fail(c, "L001", "cannot identify this unary operator (macro?)")

    def sizeof(self, c) -> N.Expr:
        value = records.vector_layout(self, c)
        value = evaluate(c) if value is None else value
        if value is None:
            self.fail(c, "L001", "this sizeof/alignof expression is not supported")
        return N.IntLit(value, self.type_of(c), loc=self.loc(c))

    def subscript(self, c) -> N.Expr:
        base, index = list(c.get_children())
        wmma.check_element(self, c)
        return N.Index(self.expr(base), self.expr(index), self.type_of(c), loc=self.loc(c))

    def conditional(self, c) -> N.Expr:
        cond, a, b = list(c.get_children())
        ty = self.type_of(c)
        return N.Conditional(self.cond(cond), self.expr(a, want=ty), self.expr(b, want=ty), ty, loc=self.loc(c))

    def cast(self, c) -> N.Expr:
        kids = [k for k in c.get_children() if k.kind.is_expression() or k.kind == K.UNEXPOSED_EXPR]
        if c.kind == K.CXX_FUNCTIONAL_CAST_EXPR and kids and kids[-1].kind == K.CALL_EXPR \
                and not half.is_half_call(kids[-1]):
            ctor = kids[-1].referenced
            if ctor is not None and methods.written_constructor(ctor):
                return self.expr(kids[-1])       # `V(a)`: a constructor call written as a cast (records.call)
            self.fail(c, "L003", "constructor calls in device code are not supported yet")
        if c.kind in (K.CXX_REINTERPRET_CAST_EXPR, K.CXX_CONST_CAST_EXPR) and references.is_reference(c.type):
            self.fail(c, "L003", f"a {c.kind.name[4:-10].lower()}_cast to a reference type is not supported in "
                                 f"device code; cast the pointer instead")
        ty = self.type_of(c)
        value = self.expr(kids[-1])
        if value.type == ty and kids[-1].kind == K.CALL_EXPR and half.is_half_call(kids[-1]):
            return value                  # half(x), (half)x: the constructor call is the conversion
        if isinstance(ty, Struct) and value.type == ty:
            return value                  # P{...}: the braced list is the struct value already
        if isinstance(value, N.Cast) and value.implicit and value.type == ty:
            value = value.value           # (float)x carries clang's own implicit conversion to float
        return N.Cast(value, False, ty, loc=self.loc(c))

    def call(self, c) -> N.Expr:
        callee = c.referenced
        name = c.spelling
        if name in SYNC:
            self.fail(c, "L001", f"'{name}' must be used as a statement")
        if name == "printf":
            device_printf.refuse_value_use(self, c)
        if name in _ASSERT_FAILS:
            self.fail(c, "L002", "assert in device code: no target can stop a running kernel the way a failed CUDA "
                                 "assert does; convert with -DNDEBUG to leave the asserts out (they are then not "
                                 "checked)")
        if cooperative_groups.is_group_call(c):
            return cooperative_groups.lower_call(self, c)
        for collective in _CUB_COLLECTIVES:
            reduction = collective.call(self, c)
            if reduction is not None:                    # cub::BlockReduce(temp).Sum(v), cub::WarpReduce
                return reduction
        if wmma.is_matrix_call(c):
            return wmma.lower_call(self, c)
        if half.is_half_call(c):
            return half.lower_call(self, c)
        if name in _CONSTANT_BUILTINS or callee is not None and callee.semantic_parent is not None \
                and callee.semantic_parent.spelling == "numeric_limits":
            return self.constant_call(c, name)
        lambda_call = lambdas.call(self, c)
        if lambda_call is not None:
            return lambda_call
        method = stateless.method_call(self, c)
        if method is not None:
            return method
        struct_op = records.call(self, c)
        if struct_op is not None:
            return struct_op
        method = methods.call(self, c)
        if method is not None:
            return method
        if own_overloads.programs_own(callee):           # the program's own atomicMin on float (own_overloads.py)
            return self.device_call(c, callee)
        if name in MATH:
            return self.math_call(c, name)
        if name in WARP:
            return lower_warp_call(self, c)
        if name in UNSUPPORTED_CALLS:
            code, why = UNSUPPORTED_CALLS[name]
            self.fail(c, code, f"'{name}': {why}")
        library = library_names.library_record(callee) if callee is not None else mappings.lookup(name)
        if library is not None and library.title and library_names.defined_for_device_code(library, callee):
            return self.device_call(c, callee)          # cuComplex's cuCmulf: the stand-in's body, lowered
        if library is not None and library.title:       # a CUDA library's device function (cuRAND's curand_init)
            self.fail(c, "M001", mappings.refused_in_device_code(library))
        if name in CACHE_LOADS:
            pointer = [self.expr(a) for a in c.get_arguments()]
            return N.UnOp("*", pointer[0], self.type_of(c), loc=self.loc(c))
        if name in ATOMICS:
            args = [self.expr(a) for a in c.get_arguments()]
            if self.type_of(c) in half.TYPES and ATOMICS[name] != "add":
                self.fail(c, "L003", f"'{name}' on {c.type.spelling} (a 16-bit float type): CUDA declares only "
                                     f"atomicAdd on it")
            return N.Atomic(ATOMICS[name], args, self.type_of(c), loc=self.loc(c))
        if callee is not None and callee.kind == K.FUNCTION_DECL and is_device_function(callee):
            return self.device_call(c, callee)
        self.fail(c, "L002", f"call to '{name}' is not supported in device code")

    def math_call(self, c, name: str) -> N.Expr:
        call_type = self.type_of(c)
        if MATH[name][1] == "f64" and call_type == Scalar("f32") and name + "f" in MATH:
            name += "f"                                  # the float overload (std::sin(float)) is sinf
        func, ty, precision = MATH[name]
        want = Scalar(ty) if ty else call_type
        wants = [Scalar(w) if w else None for w in MATH_OPERANDS.get(name, ())]
        args = [self.expr(a, want=wants[i] if i < len(wants) else want) for i, a in enumerate(c.get_arguments())]
        return N.MathCall(func, precision, args, call_type, loc=self.loc(c))

    def device_call(self, c, callee) -> N.Expr:
        lambdas.refuse_passed(self, c)
        groups = cooperative_groups.passed_groups(self, c)
        if template_of(callee) is not None:
            name, definition = self.m.require_instance(callee, self.loc(c), groups, c), callee
        else:
            definition = callee.get_definition()
            if definition is None:
                self.fail(c, "L002", f"device function '{callee.spelling}' has no definition in this translation unit")
            name = self.m.require(definition, self.loc(c), groups=groups)
        return self.lowered_call(c, definition, name, self.type_of(c), skip=groups)

    def method_lowerer(self, definition, mode) -> "FunctionLowerer":
        """A lowerer of a method of a struct with data, whose object comes as `mode` says (methods.py)."""
        lowerer = FunctionLowerer(self.m, definition)
        lowerer.self_param = mode
        return lowerer

    def device_method_call(self, c, definition, name: str) -> N.Expr:
        """A method of a struct without data (frontend/stateless.py), called as device function `name`:
        `definition` is the method's cursor, or the Instance of a class template that makes it."""
        if isinstance(definition, Instance):
            name, definition = self.m.require_method(definition, self.loc(c))
        else:
            name = self.m.require(definition, self.loc(c), name)
        arguments = list(c.get_arguments())
        if len(arguments) == len(list(definition.get_arguments())) + 1:
            arguments = arguments[1:]         # an operator call, `f(x)`: libclang lists the object `f` first
        return self.lowered_call(c, definition, name, self.type_of(c), arguments)

    def lowered_call(self, c, definition, name: str, ty, arguments=None, skip=(), leading=()) -> N.Call:
        """A call of lowered device function `name`, of type `ty`: the arguments `leading` (an object, a
        lambda's captures), then the call's own (or the cursors `arguments`) but those at the positions in
        `skip` (groups), then the launch's dynamic shared memory when the callee uses it (which makes this
        function use it too). A temporary bound to a `const T &` parameter, which has no address, goes to
        a variant of the callee that takes that parameter by value (references.by_value_variant)."""
        params = list(definition.get_arguments())
        given = c.get_arguments() if arguments is None else arguments
        # where a direct call of a by-value variant would have put it among the module's functions: before the
        # callee where this call lowered the callee first, else here, before what the arguments lower
        at = None if self.m.fresh == name else len(self.m.order)
        args, by_value = list(leading), []
        for i, (a, p) in enumerate(zip(given, params)):
            if i not in skip:
                value, temporary = references.argument(self, a, p)
                by_value += [len(args)] if temporary else []
                args.append(value)
        if by_value:
            name = references.by_value_variant(self.m, name, by_value, at)
        if any(p.name == DYNAMIC_SHARED for p in self.m.done[name].params):
            self.uses_dynamic_shared = True
            args.append(N.VarRef(DYNAMIC_SHARED, Pointer(Scalar("u8"), "shared"), loc=self.loc(c)))
        return N.Call(name, args, ty, loc=self.loc(c))

    def asm_stmt(self, c) -> N.Stmt:
        """Inline PTX: a warp mma.sync of a known form becomes a call of its function in cutrans_ptx_mma.h
        (frontend/ptx.py); anything else is refused (L009)."""
        mma = ptx.recognize(c, self.loc(c).path)
        definition = self.m.ptx_helper(mma.form.helper)
        name = self.m.require(definition, self.loc(c))
        call = self.lowered_call(c, definition, name, Scalar("void"), [op.cursor for op in mma.registers])
        return N.ExprStmt(call, loc=self.loc(c))

    def null(self, c) -> N.Expr:
        return N.IntLit(0, self.type_of(c), loc=self.loc(c))


_STMT_HANDLERS = {
    K.COMPOUND_STMT: FunctionLowerer.block,
    K.ASM_STMT: FunctionLowerer.asm_stmt,
    K.DECL_STMT: FunctionLowerer.decl_stmt,
    K.IF_STMT: FunctionLowerer.if_stmt,
    K.FOR_STMT: FunctionLowerer.for_stmt,
    K.WHILE_STMT: FunctionLowerer.while_stmt,
    K.DO_STMT: FunctionLowerer.do_stmt,
    K.RETURN_STMT: FunctionLowerer.return_stmt,
    K.BREAK_STMT: lambda self, c: N.Break(loc=self.loc(c)),
    K.CONTINUE_STMT: lambda self, c: N.Continue(loc=self.loc(c)),
    K.NULL_STMT: lambda self, c: None,
    K.SWITCH_STMT: FunctionLowerer.switch_stmt,
    K.CASE_STMT: FunctionLowerer.case_stmt,
    K.DEFAULT_STMT: FunctionLowerer.case_stmt,
    K.UNEXPOSED_STMT: FunctionLowerer.hinted_loop,
}
_LOOP_KINDS = (K.FOR_STMT, K.WHILE_STMT, K.DO_STMT)
def _host_spelling(ctype) -> str:
    """A kernel parameter's type as the host declares it: an array parameter (`double phi[][8][8]`, which libclang
    spells undecayed) as the pointer it is (`double (*)[8][8]`)."""
    t = ctype.get_canonical()
    if t.kind.name not in ARRAY_KINDS:
        return t.spelling
    elem = t.element_type.spelling
    return f"{elem[:elem.index('[')].rstrip()} (*){elem[elem.index('['):]}" if "[" in elem else f"{elem} *"


# what the C library's assert() calls when its condition fails (glibc, macOS, musl)
_ASSERT_FAILS = ("__assert_fail", "__assert_rtn", "__assert_func", "__assert")

# Declarations that are names only, with no code: `namespace cg = cooperative_groups;`, `typedef int4 copy_t;`
# (types are lowered from clang's canonical types), a local `enum { none, some };` (its constants become
# integers where used) and `static_assert` (clang has checked it, for each instance of a template too).
_NO_CODE_DECLS = (K.NAMESPACE_ALIAS, K.USING_DIRECTIVE, K.USING_DECLARATION, K.TYPEDEF_DECL, K.TYPE_ALIAS_DECL,
                  K.ENUM_DECL, K.STATIC_ASSERT,
                  K.STRUCT_DECL, K.UNION_DECL, K.CLASS_DECL)    # a local type: lowered where a variable uses it

_EXPR_HANDLERS = {
    K.UNEXPOSED_EXPR: FunctionLowerer.unexposed,
    K.PAREN_EXPR: FunctionLowerer.paren,
    K.INTEGER_LITERAL: FunctionLowerer.literal,
    K.FLOATING_LITERAL: FunctionLowerer.literal,
    K.CHARACTER_LITERAL: FunctionLowerer.literal,
    K.CXX_BOOL_LITERAL_EXPR: FunctionLowerer.bool_literal,
    K.DECL_REF_EXPR: FunctionLowerer.decl_ref,
    K.MEMBER_REF_EXPR: FunctionLowerer.member_ref,
    K.CXX_THIS_EXPR: methods.this_pointer,
    K.BINARY_OPERATOR: FunctionLowerer.binary,
    K.COMPOUND_ASSIGNMENT_OPERATOR: FunctionLowerer.binary,
    K.UNARY_OPERATOR: FunctionLowerer.unary,
    K.CXX_UNARY_EXPR: FunctionLowerer.sizeof,
    K.ARRAY_SUBSCRIPT_EXPR: FunctionLowerer.subscript,
    K.CONDITIONAL_OPERATOR: FunctionLowerer.conditional,
    K.CALL_EXPR: FunctionLowerer.call,
    K.CXX_NULL_PTR_LITERAL_EXPR: FunctionLowerer.null,
    K.GNU_NULL_EXPR: FunctionLowerer.null,
    K.INIT_LIST_EXPR: records.init_list,
    K.COMPOUND_LITERAL_EXPR: records.compound_literal,
    K.STRING_LITERAL: device_printf.refuse_string,
    **{k: FunctionLowerer.cast for k in _CASTS},
}


class InstanceLowerer(FunctionLowerer):
    """Lowers one template instance from its parsed copy (see translator/frontend/templates.py)."""

    def __init__(self, module_lowerer: "ModuleLowerer", inst):
        super().__init__(module_lowerer, inst.cursor)
        self.inst = inst

    def loc(self, c) -> SourceLoc:
        loc = super().loc(c)
        return SourceLoc(loc.path, loc.line, self.inst.column(loc.line, loc.col))

    def expr_handler(self, c):
        if c.kind == K.DECL_REF_EXPR and self.inst.is_bound_constant(c.referenced):
            return InstanceLowerer.bound_constant
        return super().expr_handler(c)

    def bound_constant(self, c) -> N.Expr:
        """A non-type template parameter: its value, typed as the parameter."""
        value, ty = evaluate(c), self.type_of(c)
        if value is None:
            self.fail(c, "L001", f"cannot evaluate template parameter '{c.spelling}'")
        if ty == BOOL:
            return N.BoolLit(bool(value), ty, loc=self.loc(c))
        return N.IntLit(value, ty, loc=self.loc(c))


class ModuleLowerer:
    """Lowers every kernel defined in the main file, every kernel that the host code of the main file and of
    its own headers launches (local_headers.program_files), and the device functions (and device function
    template instances) they reach."""

    def __init__(self, tu, path: str, options=None):
        self.tu = tu
        self.path = path
        self.instantiator = Instantiator(tu, options)
        self.done: dict[str, N.Function] = {}
        self.order: list[str] = []
        self.by_value_originals: set[str] = set()   # functions some call replaced by a by-value variant
        self.fresh: str | None = None                # the function the last require lowered, if it lowered one
        self.active: list[str] = []
        self.diagnostics: list[Diagnostic] = []
        self.globals: dict[str, N.GlobalVar] = {}
        self.global_usrs: dict[str, str] = {}     # name -> the USR of the variable it names
        self.function_usrs: dict[str, str] = {}   # output name -> the USR of the function it names
        self.instances: dict[str, object] = {}     # instance name -> its parsed copy (or explicit specialization)

    def require_global(self, fl: "FunctionLowerer", cursor, name: str | None = None, host=None) -> N.GlobalVar:
        """The IR of a __device__/__constant__ variable, lowered at its first use (`name`, `host`: those of
        a variable template's instance)."""
        name = name or cursor.spelling
        if name not in self.globals:
            definition = cursor.get_definition() or cursor
            space = global_space(definition)
            ty = fl.type_of(definition, space="global")
            init = initializer(fl, definition, ty)
            if init is None:
                init = member_defaults.made(fl, definition.type, ty, definition)
            self.globals[name] = N.GlobalVar(name, ty, space, init, host, loc=fl.loc(definition))
            self.global_usrs[name] = cursor.get_usr()
        elif self.global_usrs.get(name) != cursor.get_usr():
            fl.fail(cursor, "L001", f"two device variables would both be named '{name}' in the output; rename one")
        return self.globals[name]

    def require_template_global(self, fl: "FunctionLowerer", at, cursor) -> N.GlobalVar:
        """The IR of an instance of a variable template in device memory (frontend/variable_templates)."""
        if not global_space(cursor):
            fl.fail(at, "L001", f"variable template '{cursor.spelling}' is not __device__ or __constant__ memory, "
                                f"so device code cannot read it")
        inst = variable_templates.instance(cursor, lambda why: fl.fail(
            at, "L003", f"instance of variable template '{cursor.spelling}' with {why} is not supported"))
        params = variable_templates.parameters(cursor)
        return self.require_global(fl, cursor, inst.name, HostTemplate(inst.template, params, inst.host_args))

    def ptx_helper(self, name: str):
        """The definition of function `name` of runtime_shims/include/cutrans_ptx_mma.h, which every CUDA file is
        parsed with (clang_setup.PTX_HELPERS)."""
        for top in tu_index.top_level(self.tu, str(PTX_HELPERS)):
            if top.kind == K.NAMESPACE and top.spelling == ptx.NAMESPACE:
                for c in top.get_children():
                    if c.spelling == name and c.is_definition():
                        return c
        raise CutransError(error("U002", f"'{name}' is missing from {PTX_HELPERS}"))

    def kernels(self):
        main = os.path.realpath(self.path)
        for name in tu_index.files(self.tu):
            if os.path.realpath(name) == main:
                yield from (c for c in tu_index.top_level(self.tu, name)
                            if is_kernel(c) and c.is_definition() and template_of(c) is None)

    def function_name(self, cursor, base: str | None = None) -> str:
        """A function's name in the output: its own (or `base`), or for an overload of a name that another
        function already has (C and OpenCL C have no overloading), that name with its parameter types
        appended (`half_max_half2_half2`)."""
        usr = cursor.get_usr() or cursor.spelling
        taken = next((name for name, owner in self.function_usrs.items() if owner == usr), None)
        if taken is not None:
            return taken
        name = base or methods.function_word(cursor)        # a free `operator+` is `operator_add`
        if name in self.function_usrs:
            words = [re.sub(r"\W+", "_", a.type.get_canonical().spelling.replace("const ", "")).strip("_")
                     for a in cursor.get_arguments()]
            name = "_".join([name, *words]) if words else f"{name}_void"
            while name in self.function_usrs:
                name += "_"
        self.function_usrs[name] = usr
        return name

    def require(self, cursor, from_loc: SourceLoc, name: str | None = None, make=None, groups=None) -> str:
        """Make sure device function `cursor` is lowered (before its caller in the output order) as
        `name`, by `make()` (default: its own name, or an overload's, by a FunctionLowerer), with the
        groups `groups` (by parameter position) passed to it; returns the name, which ends in a suffix
        for the groups."""
        name = (name or self.function_name(cursor)) + cooperative_groups.instance_suffix(groups or {})
        self.fresh = None
        if name in self.done:
            return name
        if name in self.active:
            raise CutransError(error("L004", f"recursion through '{name}' is not supported",
                                     from_loc.path, from_loc.line, from_loc.col))
        self.active.append(name)
        try:
            lowerer = (make or (lambda: FunctionLowerer(self, cursor)))()
            lowerer.passed_groups = groups or {}
            self.done[name] = lowerer.lower()
            self.done[name].name = name
            self.order.append(name)
        finally:
            self.active.pop()
        self.fresh = name           # lowered by this require (FunctionLowerer.lowered_call reads it)
        return name

    def parsed(self, inst: Instance):
        """The instance `inst` parsed (once per module): an Instantiation, or an Explicit."""
        if inst.name not in self.instances:
            self.instances[inst.name] = self.instantiator.instantiate([inst])[0]
        return self.instances[inst.name]

    def require_instance(self, spec, from_loc: SourceLoc, groups=None, call=None) -> str:
        """Make sure the template instance that specialization `spec` names (at call `call`) is lowered; its name."""
        return self.require_parsed(self.parsed(instance_of(spec, call)), from_loc, groups)

    def require_method(self, inst: Instance, from_loc: SourceLoc) -> tuple[str, object]:
        """Make sure the method that `inst` (templates.method_instance) makes is lowered; its name and
        the cursor of its definition in the parsed copy."""
        parsed = self.parsed(inst)
        return self.require_parsed(parsed, from_loc), parsed.cursor

    def require_parsed(self, parsed, from_loc: SourceLoc, groups=None) -> str:
        """Lower an instance: a parsed copy of its template, or an explicit specialization as it is."""
        make = (lambda: InstanceLowerer(self, parsed)) if isinstance(parsed, Instantiation) else None
        return self.require(parsed.cursor, from_loc, parsed.instance.name, make, groups)

    def report(self, exc: CutransError) -> None:
        """Keep `exc`'s diagnostics, once each (two instances of one template fail alike)."""
        self.diagnostics.extend(d for d in exc.diagnostics if d not in self.diagnostics)

    def lower(self) -> N.Module:
        for k in self.kernels():
            try:
                name = self.require(k, SourceLoc(self.path, k.location.line, k.location.column))
                if name != k.spelling:      # an overload (`scale_int_int`): the host launches it as `scale`
                    self.done[name].host_name = k.spelling
            except CutransError as exc:
                self.diagnostics.extend(exc.diagnostics)
        for parsed, at in self.instantiator.launched(self.tu, self.report):
            try:
                self.require_parsed(parsed, at)
            except CutransError as exc:
                self.report(exc)
        functions = [self.done[n] for n in self.order]
        # a function whose calls all went to by-value variants (references.by_value_variant) is left out
        called = {n.func for f in functions for n in walk(f.body) if isinstance(n, N.Call)}
        functions = [f for f in functions if f.name not in self.by_value_originals or f.name in called]
        return N.Module(os.path.basename(self.path), list(self.globals.values()), functions)


def lower_module(tu, path: str, options=None) -> tuple[N.Module, list[Diagnostic]]:
    """Lower the device code of `tu`; `options` must be those `tu` was parsed with (template
    instances are parsed again with them)."""
    ml = ModuleLowerer(tu, path, options)
    module = ml.lower()
    return module, ml.diagnostics
