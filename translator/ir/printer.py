"""The IR as readable text (`cutrans ir FILE`). Fully parenthesized so that nothing is implied."""

from __future__ import annotations

from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.strings import c_string
from translator.ir.types import Struct, used_structs


class IRPrinter:
    indent_unit = "  "

    def __init__(self):
        self._cache = {}

    def method(self, node):
        cls = type(node)
        if cls not in self._cache:
            self._cache[cls] = getattr(self, f"visit_{cls.__name__}")
        return self._cache[cls]

    def __call__(self, node, depth: int = 0) -> str:
        return self.method(node)(node, depth)

    # -- module level
    def visit_Module(self, m, d):
        parts = [f"module {m.name}"]
        parts += [s.definition() for s in used_structs(walk(m))]
        parts += [self(g, d) for g in m.globals]
        parts += [self(f, d) for f in m.functions]
        return "\n\n".join(parts) + "\n"

    def visit_GlobalVar(self, g, d):
        init = f" = {self(g.init)}" if g.init is not None else ""
        return f"global {g.space} {g.name}: {g.type}{init}"

    def visit_Function(self, f, d):
        params = ", ".join(f"{p.name}: {p.type}" for p in f.params)
        bounds = f" max_threads({f.max_threads})" if f.max_threads is not None else ""
        return f"{f.kind} {f.name}({params}) -> {f.ret}{bounds} {self(f.body, d)}"

    # -- statements
    def line(self, text, d):
        return self.indent_unit * d + text

    def visit_Block(self, b, d):
        inner = [self.line(self(s, d + 1), d + 1) if not isinstance(s, N.Block) else
                 self.line(self(s, d + 1), d + 1) for s in b.stmts]
        return "{\n" + "".join(x + "\n" for x in inner) + self.line("}", d)

    def visit_VarDecl(self, v, d):
        init = f" = {self(v.init)}" if v.init is not None else ""
        return f"var {v.space} {v.name}: {v.type}{init}"

    def visit_ExprStmt(self, s, d):
        return self(s.expr)

    def visit_If(self, s, d):
        text = f"if {self(s.cond)} {self(s.then, d)}"
        return text + (f" else {self(s.orelse, d)}" if s.orelse is not None else "")

    def visit_For(self, s, d):
        parts = [self(p, d) if p is not None else "" for p in (s.init, s.cond, s.step)]
        unroll = f"unroll({s.unroll}) " if s.unroll is not None else ""
        return f"for ({'; '.join(parts)}) {unroll}{self(s.body, d)}"

    def visit_While(self, s, d):
        return f"while {self(s.cond)} {self(s.body, d)}"

    def visit_DoWhile(self, s, d):
        return f"do {self(s.body, d)} while {self(s.cond)}"

    def visit_Switch(self, s, d):
        return f"switch {self(s.cond)} {self(s.body, d)}"

    def visit_Case(self, s, d):
        return f"case {s.value}:"

    def visit_Default(self, s, d):
        return "default:"

    def visit_Return(self, s, d):
        return "return" + (f" {self(s.value)}" if s.value is not None else "")

    def visit_Break(self, s, d):
        return "break"

    def visit_Continue(self, s, d):
        return "continue"

    def visit_Barrier(self, s, d):
        return f"barrier {s.scope}"

    def visit_Fence(self, s, d):
        return f"fence {s.scope}"

    # -- expressions
    def visit_IntLit(self, e, d=0):
        return f"{e.value}:{e.type}"

    def visit_FloatLit(self, e, d=0):
        return f"{e.value!r}:{e.type}"

    def visit_BoolLit(self, e, d=0):
        return "true" if e.value else "false"

    def visit_VarRef(self, e, d=0):
        return e.name

    def visit_SpecialReg(self, e, d=0):
        return f"%{e.reg}" + (f".{e.dim}" if e.dim else "")

    def visit_BinOp(self, e, d=0):
        return f"({self(e.lhs)} {e.op} {self(e.rhs)})"

    def visit_UnOp(self, e, d=0):
        if e.op.startswith("post"):
            return f"({self(e.operand)}{e.op[4:]})"
        return f"({e.op}{self(e.operand)})"

    def visit_Assign(self, e, d=0):
        return f"{self(e.target)} {e.op} {self(e.value)}"

    def visit_Conditional(self, e, d=0):
        return f"({self(e.cond)} ? {self(e.then)} : {self(e.orelse)})"

    def visit_Call(self, e, d=0):
        return f"call {e.func}({', '.join(self(a) for a in e.args)}):{e.type}"

    def visit_MathCall(self, e, d=0):
        return f"math.{e.func}.{e.precision}({', '.join(self(a) for a in e.args)}):{e.type}"

    def visit_Atomic(self, e, d=0):
        return f"atomic.{e.op}({', '.join(self(a) for a in e.args)}):{e.type}"

    def visit_WarpOp(self, e, d=0):
        return f"warp.{e.op}({', '.join(self(a) for a in e.args)}):{e.type}"

    def visit_MatrixOp(self, e, d=0):
        frags = "".join(f"<{f}>" for f in e.frags)
        layout = f".{e.layout}" if e.layout else ""
        return f"matrix.{e.op}{layout}{frags}({', '.join(self(a) for a in e.args)}):{e.type}"

    def visit_Index(self, e, d=0):
        return f"{self(e.base)}[{self(e.index)}]"

    def visit_Member(self, e, d=0):
        return f"{self(e.base)}.{e.field}"

    def visit_InitList(self, e, d=0):
        items = "{" + ", ".join(self(i) for i in e.items) + "}"
        return f"{items}:{e.type}" if isinstance(e.type, Struct) else items

    def visit_StrLit(self, e, d=0):
        return c_string(e.value)

    def visit_Printf(self, e, d=0):
        return f"printf({', '.join(self(a) for a in [e.format, *e.args])})"

    def visit_Cast(self, e, d=0):
        kind = "convert" if e.implicit else "cast"
        return f"{kind}<{e.type}>({self(e.value)})"


def print_ir(node) -> str:
    return IRPrinter()(node)
