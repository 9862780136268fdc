"""The one C-family emitter every backend derives from (STYLE.md rules 1, 2, 10, 11).

A backend states its differences as class attributes: the kernel qualifier, address-space
prefixes, barrier and fence spellings, work-item index expressions, the scalar type map, literal
suffixes and the math table. It overrides a method only when an attribute cannot say it.
Visitors are named `visit_<Node>` and return text; operator precedence lives in one table.
"""

from __future__ import annotations

import math
import re

import numpy as np

from translator.backends import line_map, simd_video
from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.builtins import CLASSIFY
from translator.ir.strings import c_string
from translator.frontend.device_printf import parse_format
from translator.ir.types import BF16, F32, Array, Pointer, Scalar, Struct, bits, is_float, is_scalar, size_align, used_structs, SCALARS

# C operator precedence, higher binds tighter.
PRECEDENCE = {
    ",": 1, "assign": 2, "?:": 3, "||": 4, "&&": 5, "|": 6, "^": 7, "&": 8, "==": 9, "!=": 9,
    "<": 10, ">": 10, "<=": 10, ">=": 10, "<<": 11, ">>": 11, "+": 12, "-": 12, "*": 13, "/": 13,
    "%": 13, "unary": 14, "postfix": 15, "primary": 16,
}

# Operand operators that C's precedence already binds tighter, but that a reader (and the compilers' warnings:
# clang's -Wparentheses, -Wshift-op-parentheses, -Wbitwise-op-parentheses, GCC's -Wparentheses) wants in
# parentheses: outer operator -> inner operators. `v >> 18 - 6 * k & 63u` is written `(v >> (18 - 6 * k)) & 63u`.
_ARITHMETIC = {"+", "-", "*", "/", "%"}
_COMPARISONS = {"<", ">", "<=", ">=", "==", "!="}
CLARIFIED = {
    "<<": {"+", "-"}, ">>": {"+", "-"},
    "&": _ARITHMETIC | _COMPARISONS | {"<<", ">>"},
    "^": _ARITHMETIC | _COMPARISONS | {"<<", ">>", "&"},
    "|": _ARITHMETIC | _COMPARISONS | {"<<", ">>", "&", "^"},
    "||": {"&&"},
}

C_TYPES = {
    "void": "void", "bool": "bool", "i8": "signed char", "u8": "unsigned char", "i16": "short",
    "u16": "unsigned short", "i32": "int", "u32": "unsigned int", "i64": "long long",
    "u64": "unsigned long long", "f32": "float", "f64": "double",
}

# Math: (IR function, scalar kind) -> format string over the arguments {0}, {1}, {2}.
_C_LIBM = ("sqrt", "cbrt", "exp", "exp2", "exp10", "expm1", "log", "log2", "log10", "log1p", "sin", "cos",
           "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "erf", "erfc",
           "fabs", "floor", "ceil", "trunc", "round", "rint", "lgamma", "tgamma", "pow", "fmin", "fmax",
           "fmod", "atan2", "hypot", "copysign", "fdim", "remainder", "fma")
_ARITY = {"pow": 2, "fmin": 2, "fmax": 2, "fmod": 2, "atan2": 2, "hypot": 2, "copysign": 2, "fdim": 2,
          "remainder": 2, "fma": 3}


def _call(name: str, arity: int) -> str:
    return f"{name}({', '.join('{%d}' % i for i in range(arity))})"


C_MATH = {}
for _f in _C_LIBM:
    C_MATH[(_f, "f32")] = _call(_f + "f", _ARITY.get(_f, 1))
    C_MATH[(_f, "f64")] = _call(_f, _ARITY.get(_f, 1))
# isnan... are C99 macros (OpenCL C built-ins) on float and double; a nonzero int, which for isinf and signbit
# need not be 1 (glibc's isinf gives -1 for -inf): compared with 0, as C++'s bool results are
C_MATH.update({(f, t): f"({f}({{0}}) != 0)" for f in CLASSIFY for t in ("f32", "f64")})
C_MATH.update({
    ("rsqrt", "f32"): "(1.0f / sqrtf({0}))", ("rsqrt", "f64"): "(1.0 / sqrt({0}))",
    ("divide", "f32"): "({0} / {1})",
    ("saturate", "f32"): "fminf(fmaxf({0}, 0.0f), 1.0f)",
    ("min", "f32"): "fminf({0}, {1})", ("max", "f32"): "fmaxf({0}, {1})",
    ("min", "f64"): "fmin({0}, {1})", ("max", "f64"): "fmax({0}, {1})",
    ("abs", "i32"): "abs({0})", ("abs", "i64"): "llabs({0})",
    ("abs", "f32"): "fabsf({0})", ("abs", "f64"): "fabs({0})",
    ("ldexp", "f32"): "ldexpf({0}, {1})", ("ldexp", "f64"): "ldexp({0}, {1})",
    ("frexp", "f32"): "frexpf({0}, {1})", ("frexp", "f64"): "frexp({0}, {1})",
})

# Integer intrinsics (builtins.MATH, precision "exact"): GCC builtins where they agree with CUDA on
# every input, otherwise the helpers in runtime_shims/cpu/cpurt_device.h.
C_MATH.update({
    ("popc", "u32"): "__builtin_popcount({0})", ("popc", "u64"): "__builtin_popcountll({0})",
    ("ffs", "i32"): "__builtin_ffs({0})", ("ffs", "i64"): "__builtin_ffsll({0})",
    ("mul24", "u32"): "((({0}) & 0xffffffu) * (({1}) & 0xffffffu))",
    ("mul24", "i32"): "cutrans_mul24_i32({0}, {1})",
    ("sad", "i32"): "cutrans_sad_i32({0}, {1}, {2})", ("sad", "u32"): "cutrans_sad_u32({0}, {1}, {2})",
    # halving adds in a wider type, so that the sum cannot overflow; funnel shifts on the 64-bit hi:lo
    ("hadd", "i32"): "(int)(((long long){0} + {1}) >> 1)",
    ("rhadd", "i32"): "(int)(((long long){0} + {1} + 1) >> 1)",
    ("hadd", "u32"): "(unsigned int)(((unsigned long long){0} + {1}) >> 1)",
    ("rhadd", "u32"): "(unsigned int)(((unsigned long long){0} + {1} + 1u) >> 1)",
    ("funnelshift_l", "u32"): "(unsigned int)(((unsigned long long){1} << 32 | {0}) << ({2} & 31u) >> 32)",
    ("funnelshift_r", "u32"): "(unsigned int)(((unsigned long long){1} << 32 | {0}) >> ({2} & 31u))",
    ("byte_perm", "u32"): "cutrans_byte_perm_u32({0}, {1}, {2})",
    ("dp4a", "i32"): "cutrans_dp4a_i32({0}, {1}, {2})", ("dp4a", "u32"): "cutrans_dp4a_u32({0}, {1}, {2})",
    ("dp2a_lo", "i32"): "cutrans_dp2a_i32({0}, {1}, {2}, 0)", ("dp2a_lo", "u32"): "cutrans_dp2a_u32({0}, {1}, {2}, 0)",
    ("dp2a_hi", "i32"): "cutrans_dp2a_i32({0}, {1}, {2}, 1)", ("dp2a_hi", "u32"): "cutrans_dp2a_u32({0}, {1}, {2}, 1)",
    # bit reinterpretations (runtime_shims/cpu/cpurt_device.h copies the bits with memcpy)
    ("float_as_uint", "f32"): "cutrans_float_as_uint({0})", ("uint_as_float", "u32"): "cutrans_uint_as_float({0})",
    ("float_as_int", "f32"): "cutrans_float_as_int({0})", ("int_as_float", "i32"): "cutrans_int_as_float({0})",
    ("double_as_longlong", "f64"): "(long long)cutrans_double_as_ulong({0})",
    ("longlong_as_double", "i64"): "cutrans_ulong_as_double((unsigned long long)({0}))",
    ("double2hiint", "f64"): "(int)(cutrans_double_as_ulong({0}) >> 32)",
    ("double2loint", "f64"): "(int)(unsigned int)cutrans_double_as_ulong({0})",
    ("hiloint2double", "i32"): "cutrans_ulong_as_double((unsigned long long)(unsigned int)({0}) << 32 | (unsigned int)({1}))",
    ("half_as_ushort", "f16"): "cutrans_fp16_bits({0})",
    ("half_as_short", "f16"): "(short)cutrans_fp16_bits({0})",
    ("ushort_as_half", "u16"): "cutrans_fp16_from_bits({0})",
    ("short_as_half", "i16"): "cutrans_fp16_from_bits((unsigned short)({0}))",
})
# the bits of a bfloat16, which is its bits here (cutrans_bf16, templates/bf16_helpers.j2), and back
C_MATH.update({("bf16_as_ushort", "bf16"): "(unsigned short){0}", ("bf16_as_short", "bf16"): "(short){0}",
               ("ushort_as_bf16", "u16"): "(cutrans_bf16){0}", ("short_as_bf16", "i16"): "(cutrans_bf16){0}",
               ("fma_bf16", "f32"): "cutrans_fma_bf16({0}, {1}, {2})"})
for _f, _types in (("clz", ("i32", "i64")), ("brev", ("u32", "u64")), ("mulhi", ("i32", "u32", "i64", "u64"))):
    C_MATH.update({(_f, _t): _call(f"cutrans_{_f}_{_t}", 2 if _f == "mulhi" else 1) for _t in _types})
# SIMD video and DPX intrinsics: helpers generated from translator/ir/simd_video.py and translator/ir/dpx.py into
# the preamble (simd_video_helpers)
C_MATH.update(simd_video.math_entries())

# Conversions to bfloat16 (templates/bf16_helpers.j2), each one rounding to nearest even: source type ->
# helper. A type a float holds exactly goes through float; 64-bit integers never get here (frontend/half.py).
BF16_FROM = {"f32": "cutrans_float_to_bf16", "f64": "cutrans_double_to_bf16", "i32": "cutrans_int_to_bf16",
             "u32": "cutrans_uint_to_bf16"}
BF16_VIA_FLOAT = ("bool", "i8", "u8", "i16", "u16", "f16")


_TYPE_FEATURES = {"f64": ("fp64",), "bf16": ("bf16",)}     # what a type's use needs in the preamble
# ... and a math function's, beyond its operand type's (these make a bfloat16, or compute in double)
_MATH_FEATURES = {"ushort_as_bf16": ("bf16",), "short_as_bf16": ("bf16",), "fma_bf16": ("bf16", "fp64")}

# Atomics: (IR op, pointee type) -> format over the pointer {0} and the operands {1}, {2}. The C
# spelling calls the helpers in runtime_shims/cpu/cpurt_device.h; the set of keys is what CUDA
# offers on int, unsigned, 64-bit integers, float and double.
ATOMIC_OPERANDS = {"cas": 2}
ATOMIC_INT_OPS = ("add", "sub", "xchg", "min", "max", "cas", "and", "or", "xor")
ATOMIC_KEYS = ({(op, t) for op in ATOMIC_INT_OPS for t in ("i32", "u32", "i64", "u64")}
               | {("add", "f32"), ("add", "f64"), ("xchg", "f32"), ("inc", "u32"), ("dec", "u32")})
C_ATOMICS = {(op, t): _call(f"cutrans_atomic_{op}_{t}", 1 + ATOMIC_OPERANDS.get(op, 1)) for op, t in ATOMIC_KEYS}


class CFamilyEmitter:
    name = "c"
    unroll_pragma = "#pragma unroll {n}"     # N.For.unroll (clang's spelling: CUDA, HIP, OpenCL C)
    kernel_qualifier = ""
    device_qualifier = "static inline"
    space_prefix = {"global": "", "shared": "", "constant": "", "local": "", "private": "", "generic": ""}
    barrier = "__syncthreads()"
    fences = {"block": "__threadfence_block()", "device": "__threadfence()", "system": "__threadfence_system()"}
    special_regs = {
        "thread_idx": "threadIdx.{dim}", "block_idx": "blockIdx.{dim}", "block_dim": "blockDim.{dim}",
        "grid_dim": "gridDim.{dim}", "warp_size": "32",
        # the linear thread id in the block and the block's thread count (warp-op lowering)
        "thread_linear": "(threadIdx.x + threadIdx.y * blockDim.x + threadIdx.z * blockDim.x * blockDim.y)",
        "block_threads": "(blockDim.x * blockDim.y * blockDim.z)",
    }
    qualify_pointees = True       # does a pointer spell its pointee's address space (OpenCL: __global float*)?
    special_reg_prec = PRECEDENCE["postfix"]
    special_reg_precs: dict = {}   # register -> precedence of its spelling, where it is not special_reg_prec
    global_spaces = {"constant": "constant", "global": "global"}   # IR space of a global -> declaration space
    type_map = C_TYPES
    int_suffix = {"u32": "u", "i64": "LL", "u64": "ULL"}
    math_table = C_MATH
    atomic_table: dict = {}          # none in plain C: the CPU and OpenCL backends bring their own
    min_max_ints = "cutrans_{op}_{type}({0}, {1})"
    indent_unit = "    "
    restrict_keyword = "restrict"      # C99 and OpenCL C; C++ (CUDA, HIP) spells it __restrict__
    printf_lengths: dict = {}          # printf length modifier -> the target's spelling (OpenCL C has no 'll')
    printf_unpromoted_floats = False   # pass a float printf argument as float (OpenCL: no fp64 needed)
    mark_lines = False                 # put line_map marks in front of statements (strip them after rendering)

    def __init__(self):
        self.features: set[str] = set()
        self._dispatch = {}

    # -- errors ------------------------------------------------------------------------------
    def unsupported(self, node, what: str):
        loc = getattr(node, "loc", None)
        where = (loc.path, loc.line, loc.col) if loc else ("<ir>", 0, 0)
        raise CutransError(error("B001", f"the {self.name} backend has no spelling for {what}", *where))

    # -- types -------------------------------------------------------------------------------
    def scalar(self, t: Scalar, node=None) -> str:
        if t.name not in self.type_map:
            self.unsupported(node, f"type {t.name}")
        self.features.update(_TYPE_FEATURES.get(t.name, ()))
        return self.type_map[t.name]

    def declare(self, t, name: str, space: str = "private", node=None) -> str:
        """A C declaration of `name` with IR type `t`, living in `space`."""
        prefix = self.space_prefix.get(space, "")
        if isinstance(t, Array):
            return prefix + self.declare(t.elem, f"{name}[{t.size}]", "private", node)
        if isinstance(t, Pointer) and isinstance(t.pointee, Array):     # T (*name)[N]: a decayed array parameter
            restrict = f"{self.restrict_keyword} " if t.restrict else ""
            pointee_space = t.space if self.qualify_pointees else "private"
            rows = self.declare(t.pointee, f"(*{restrict}{name})", pointee_space, node)
            if t.const:                   # `__global const float (*m)[8]`, as a pointer to scalars spells it
                space = self.space_prefix.get(pointee_space, "")
                rows = f"{space}const {rows[len(space):]}"
            return prefix + rows
        if isinstance(t, Pointer):
            pointee_prefix = self.space_prefix.get(t.space, "") if self.qualify_pointees else ""
            inner = self.declare(t.pointee, "", t.space, node) if isinstance(t.pointee, Pointer) else (
                pointee_prefix + ("const " if t.const else "") + self.type_word(t.pointee, node))
            restrict = f" {self.restrict_keyword}" if t.restrict else ""
            return f"{prefix}{inner}*{restrict}{' ' + name if name else ''}"
        return f"{prefix}{self.type_word(t, node)}{' ' + name if name else ''}"

    def type_word(self, t, node=None) -> str:
        """The spelling of a scalar or struct type."""
        return self.struct_name(t) if isinstance(t, Struct) else self.scalar(t, node)

    # -- structs -----------------------------------------------------------------------------
    def struct_name(self, s: Struct) -> str:
        return s.name

    def defines(self, s: Struct) -> bool:
        """Does the output define `s` (rather than the target providing it)?"""
        return True

    def struct_definitions(self, module: N.Module) -> list[str]:
        """The definitions of the structs the module uses, each after those its fields use."""
        nodes = list(walk(module))
        return [self.struct_definition(s, next(n for n in nodes if s in used_structs([n])))
                for s in used_structs(nodes) if self.defines(s)]

    def struct_definition(self, s: Struct, node) -> str:
        """`typedef struct|union [aligned] name { fields } name;`: C and OpenCL C, and valid C++ too. A
        vector type gets CUDA's alignment, a struct the program aligned (`__align__`) its own; other
        structs have their natural C layout already."""
        aligned = f" __attribute__((aligned({size_align(s)[1]})))" if s.vector or s.align else ""
        fields = "".join(f"{self.indent_unit}{self.declare(t, f, 'private', node)};\n" for f, t in s.fields)
        name = self.struct_name(s)
        kind = "union" if s.union else "struct"
        return f"typedef {kind}{aligned} {name} {{\n{fields}}} {name};\n"

    def init_text(self, e) -> str:
        """An initializer: struct and array lists as plain braces, any other expression as itself."""
        if isinstance(e, N.InitList):
            return "{" + ", ".join(self.init_text(i) for i in e.items) + "}"
        return self.expr(e, PRECEDENCE["assign"])

    def type_name(self, t, node=None) -> str:
        return self.declare(t, "", "private", node)

    # -- dispatch ----------------------------------------------------------------------------
    def visit(self, node, *args):
        cls = type(node)
        fn = self._dispatch.get(cls)
        if fn is None:
            fn = getattr(self, f"visit_{cls.__name__}", None)
            if fn is None:
                self.unsupported(node, f"IR node {cls.__name__} ({node!r})")
            self._dispatch[cls] = fn
        return fn(node, *args)

    # -- functions ---------------------------------------------------------------------------
    def param_text(self, p: N.Param) -> str:
        """How one parameter of a device function is declared (a backend may spell some differently)."""
        return self.declare(p.type, p.name, "private", p)

    def hidden_params(self, f: N.Function) -> list[str]:
        """Declarations a backend adds after `f`'s own parameters (none here)."""
        return []

    def signature(self, f: N.Function) -> str:
        params = ", ".join([self.param_text(p) for p in f.params] + self.hidden_params(f)) or "void"
        qual = self.kernel_qualifier if f.kind == "kernel" else self.device_qualifier
        return f"{qual + ' ' if qual else ''}{self.type_name(f.ret, f)} {f.name}({params})"

    def visit_Function(self, f: N.Function, depth: int = 0) -> str:
        return f"{self.mark(f)}{self.signature(f)}\n{self.visit(f.body, depth)}\n"

    def mark(self, node) -> str:
        """The line-map mark of `node`'s source line, where this emitter keeps a line map (backends/line_map.py)."""
        return line_map.mark(node.loc) if self.mark_lines else ""

    # -- statements --------------------------------------------------------------------------
    def pad(self, depth: int) -> str:
        return self.indent_unit * depth

    def body(self, stmt, depth: int) -> str:
        """A statement used as the body of if/for/while: always braced."""
        if isinstance(stmt, N.Block):
            return self.visit(stmt, depth)
        return "{\n" + self.pad(depth + 1) + self.mark(stmt) + self.visit(stmt, depth + 1) + "\n" + self.pad(depth) + "}"

    def visit_Block(self, b: N.Block, depth: int) -> str:
        lines = "".join(self.pad(depth + 1) + self.mark(s) + self.visit(s, depth + 1) + "\n" for s in b.stmts)
        return "{\n" + lines + self.pad(depth) + "}"

    def visit_VarDecl(self, v: N.VarDecl, depth: int = 0) -> str:
        init = f" = {self.init_text(v.init)}" if v.init is not None else ""
        return f"{self.declare(v.type, v.name, v.space, v)}{init};"

    def visit_ExprStmt(self, s: N.ExprStmt, depth: int) -> str:
        return self.expr(s.expr) + ";"

    def visit_If(self, s: N.If, depth: int) -> str:
        text = f"if ({self.expr(s.cond)}) {self.body(s.then, depth)}"
        if s.orelse is None:
            return text
        if isinstance(s.orelse, N.If):
            return f"{text} else {self.visit(s.orelse, depth)}"
        return f"{text} else {self.body(s.orelse, depth)}"

    def visit_For(self, s: N.For, depth: int) -> str:
        init = self.visit(s.init, depth) if s.init is not None else ";"
        cond = f" {self.expr(s.cond)}" if s.cond is not None else ""
        step = f" {self.expr(s.step)}" if s.step is not None else ""
        hint = self.unroll_pragma.format(n=s.unroll) + "\n" + self.pad(depth) if s.unroll is not None else ""
        return f"{hint}for ({init}{cond};{step}) {self.body(s.body, depth)}"

    def visit_While(self, s: N.While, depth: int) -> str:
        return f"while ({self.expr(s.cond)}) {self.body(s.body, depth)}"

    def visit_DoWhile(self, s: N.DoWhile, depth: int) -> str:
        return f"do {self.body(s.body, depth)} while ({self.expr(s.cond)});"

    def visit_Switch(self, s: N.Switch, depth: int) -> str:
        return f"switch ({self.expr(s.cond)}) {self.body(s.body, depth)}"

    def visit_Case(self, s: N.Case, depth: int) -> str:
        return f"case {s.value}:"

    def visit_Default(self, s: N.Default, depth: int) -> str:
        return "default:"

    def visit_Return(self, s: N.Return, depth: int) -> str:
        return "return;" if s.value is None else f"return {self.expr(s.value)};"

    def visit_Break(self, s, depth: int) -> str:
        return "break;"

    def visit_Continue(self, s, depth: int) -> str:
        return "continue;"

    def visit_Barrier(self, s: N.Barrier, depth: int) -> str:
        return self.barrier + ";"

    def visit_Fence(self, s: N.Fence, depth: int) -> str:
        if s.scope not in self.fences:
            self.unsupported(s, f"a {s.scope}-scope fence")
        return self.fences[s.scope] + ";"

    # -- expressions -------------------------------------------------------------------------
    def expr(self, e, min_prec: int = 0) -> str:
        text, prec = self.visit(e)
        return f"({text})" if prec < min_prec else text

    def visit_IntLit(self, e: N.IntLit):
        suffix = self.int_suffix.get(e.type.name, "") if isinstance(e.type, Scalar) else ""
        if e.value < 0:
            if e.value == -(2 ** 31) and e.type.name == "i32":
                return "-2147483647 - 1", PRECEDENCE["+"]     # a difference: parenthesized where it must be
            return f"-{-e.value}{suffix}", PRECEDENCE["unary"]
        return f"{e.value}{suffix}", PRECEDENCE["primary"]

    def float_text(self, value: float, t: Scalar) -> str:
        if math.isnan(value):
            return "NAN" if t == F32 else "((double)NAN)"
        if math.isinf(value):
            sign = "-" if value < 0 else ""
            return f"{sign}INFINITY" if t == F32 else f"{sign}((double)INFINITY)"
        scalar = np.float32(value) if t == F32 else np.float64(value)
        if value == 0 or 1e-4 <= abs(value) < 1e7:
            text = np.format_float_positional(scalar, unique=True, trim="0")
        else:
            text = np.format_float_scientific(scalar, unique=True, trim="0").replace("e+", "e")
        return text + ("f" if t == F32 else "")

    def visit_FloatLit(self, e: N.FloatLit):
        text = e.text or self.float_text(e.value, e.type)
        prec = PRECEDENCE["unary"] if text.startswith("-") else PRECEDENCE["primary"]
        return text, prec

    def visit_BoolLit(self, e: N.BoolLit):
        return ("1" if e.value else "0"), PRECEDENCE["primary"]

    def visit_VarRef(self, e: N.VarRef):
        return e.name, PRECEDENCE["primary"]

    def visit_SpecialReg(self, e: N.SpecialReg):
        fmt = self.special_regs.get(e.reg)
        if fmt is None:
            self.unsupported(e, f"the special register {e.reg}")
        return (fmt.format(dim=e.dim, index="xyz".index(e.dim) if e.dim else 0),
                self.special_reg_precs.get(e.reg, self.special_reg_prec))

    def visit_BinOp(self, e: N.BinOp):
        if BF16 in (e.lhs.type, e.rhs.type):       # a bfloat16 is its bits: C arithmetic on them is meaningless
            self.unsupported(e, f"'{e.op}' on bf16 bits (the frontend computes in float)")
        p = PRECEDENCE[e.op]
        clarified = {PRECEDENCE[op] for op in CLARIFIED.get(e.op, ())}

        def operand(node, least):
            text, prec = self.visit(node)           # by what it prints as: a cast may print as its value alone
            return f"({text})" if prec < least or prec in clarified else text
        return f"{operand(e.lhs, p)} {e.op} {operand(e.rhs, p + 1)}", p

    def visit_UnOp(self, e: N.UnOp):
        if e.operand.type == BF16 and e.op not in ("&", "*"):
            self.unsupported(e, f"'{e.op}' on bf16 bits (the frontend computes in float)")
        if e.op.startswith("post"):
            return f"{self.expr(e.operand, PRECEDENCE['postfix'])}{e.op[4:]}", PRECEDENCE["postfix"]
        operand = self.expr(e.operand, PRECEDENCE["unary"])
        space = " " if operand[:1] == e.op[-1:] else ""      # keep "- -x" from becoming "--x"
        return f"{e.op}{space}{operand}", PRECEDENCE["unary"]

    def visit_Assign(self, e: N.Assign):
        if e.op != "=" and e.target.type == BF16:
            self.unsupported(e, f"'{e.op}' on bf16 bits (the frontend computes in float)")
        p = PRECEDENCE["assign"]
        return f"{self.expr(e.target, p + 1)} {e.op} {self.expr(e.value, p)}", p

    def visit_Conditional(self, e: N.Conditional):
        p = PRECEDENCE["?:"]
        return f"{self.expr(e.cond, p + 1)} ? {self.expr(e.then, p)} : {self.expr(e.orelse, p)}", p

    def visit_Call(self, e: N.Call):
        args = ", ".join(self.expr(a, PRECEDENCE["assign"]) for a in e.args)
        return f"{e.func}({args})", PRECEDENCE["postfix"]

    def visit_StrLit(self, e: N.StrLit):
        return c_string(e.value), PRECEDENCE["primary"]

    def visit_Printf(self, e: N.Printf):
        args = [self.printf_argument(a) for a in e.args]
        if any(a.type.name == "f64" for a in args if isinstance(a.type, Scalar)):
            self.features.add("fp64")
        texts = [c_string(self.printf_format(e.format.value))] + [self.expr(a, PRECEDENCE["assign"]) for a in args]
        return f"printf({', '.join(texts)})", PRECEDENCE["postfix"]

    def printf_argument(self, a):
        """The argument as passed: a float promoted to double stays float where printf_unpromoted_floats."""
        promoted = isinstance(a, N.Cast) and a.implicit and a.type.name == "f64" and a.value.type == F32
        return a.value if promoted and self.printf_unpromoted_floats else a

    def printf_format(self, fmt: str) -> str:
        """The format with each length modifier in printf_lengths respelled for the target."""
        out, last = [], 0
        for conv in parse_format(fmt):
            if conv.length in self.printf_lengths:
                head = conv.text[:-len(conv.length) - 1]
                out += [fmt[last:conv.offset], head, self.printf_lengths[conv.length], conv.conv]
                last = conv.offset + len(conv.text)
        return "".join(out) + fmt[last:]

    def math_key(self, e: N.MathCall) -> tuple[str, str]:
        t = e.args[0].type if e.args else e.type
        return e.func, t.name if isinstance(t, Scalar) else str(t)

    def visit_MathCall(self, e: N.MathCall):
        func, tname = self.math_key(e)
        if func in ("min", "max") and not is_float(e.type):
            fmt = self.min_max_ints.replace("{op}", func).replace("{type}", tname)
        else:
            fmt = self.math_table.get((func, tname))
        if fmt is None:
            self.unsupported(e, f"math function {func} on {tname}")
        self.note_math(func, tname)
        return self.fill_template(fmt, e.args)

    def fill_template(self, fmt: str, operands) -> tuple[str, int]:
        """Substitute operands into a spelling template. An operand that is a whole argument of a
        call in the template (`f({0}, {1})`) stands alone; anywhere else (`({0} / {1})`) it is
        parenthesized unless it is a primary, postfix or unary expression, so that `a / (b + c)`
        never loses its parentheses. The whole is parenthesized unless it is one group or call."""
        pieces, last = [], 0
        for m in _PLACEHOLDER.finditer(fmt):
            whole_argument = _CALL_OPEN.search(fmt[:m.start()]) and fmt[m.end():m.end() + 1] in (")", ",")
            level = PRECEDENCE["assign"] if whole_argument else PRECEDENCE["unary"]
            pieces += [fmt[last:m.start()], self.expr(operands[int(m.group(1))], level)]
            last = m.end()
        text = "".join(pieces) + fmt[last:]
        if _one_group(text):
            return text, PRECEDENCE["postfix"]
        return f"({text})", PRECEDENCE["primary"]

    def note_math(self, func: str, tname: str) -> None:
        """Record what a math call needs in the preamble (a backend adds its helper functions)."""
        self.features.update(_TYPE_FEATURES.get(tname, ()))
        self.features.update(_MATH_FEATURES.get(func, ()))
        if func in simd_video.BY_FUNC:
            self.features.add(simd_video.helper_name(simd_video.BY_FUNC[func]))

    def simd_video_helpers(self) -> list[str]:
        """The definitions of the SIMD video and DPX helpers the emitted code calls, for the preamble."""
        return simd_video.used_helpers(self.features, self.device_qualifier, self.type_map.get("bool", "bool"))

    def visit_Index(self, e: N.Index):
        return f"{self.expr(e.base, PRECEDENCE['postfix'])}[{self.expr(e.index)}]", PRECEDENCE["postfix"]

    def visit_Member(self, e: N.Member):
        """`(*p).f` is spelled `p->f`."""
        if isinstance(e.base, N.UnOp) and e.base.op == "*":
            return f"{self.expr(e.base.operand, PRECEDENCE['postfix'])}->{e.field}", PRECEDENCE["postfix"]
        return f"{self.expr(e.base, PRECEDENCE['postfix'])}.{e.field}", PRECEDENCE["postfix"]

    def needs_cast(self, e: N.Cast) -> bool:
        """Explicit casts always print; implicit ones only where C's own conversion could differ."""
        if not e.implicit:
            return True
        src, dst = e.value.type, e.type
        if not (is_scalar(src) and is_scalar(dst)):
            return True
        kind = lambda t: SCALARS[t.name][1]  # noqa: E731
        floaty = is_float(src) or is_float(dst)
        return kind(src) != kind(dst) and floaty or (floaty and bits(src) != bits(dst))

    def visit_Cast(self, e: N.Cast):
        if BF16 in (e.type, e.value.type) and e.type != e.value.type:
            return self.bf16_conversion(e)
        folded = self.fold_literal_cast(e)
        if folded is not None:
            return folded
        if not self.needs_cast(e):
            return self.visit(e.value)
        return self.c_cast(e)

    def c_cast(self, e: N.Cast):
        """`(T)value`, as C spells the conversion."""
        return f"({self.type_name(e.type, e)}){self.expr(e.value, PRECEDENCE['unary'])}", PRECEDENCE["unary"]

    def bf16_conversion(self, e: N.Cast):
        """A conversion to or from bfloat16, whose values are their bits: through the preamble's helpers."""
        self.features.add("bf16")
        src, dst = e.value.type, e.type
        if dst == BF16:
            if src.name in BF16_FROM:
                self.features.update(_TYPE_FEATURES.get(src.name, ()))     # the double helper needs fp64
                return self.fill_template(f"{BF16_FROM[src.name]}({{0}})", [e.value])
            if src.name in BF16_VIA_FLOAT:
                return self.fill_template("cutrans_float_to_bf16((float){0})", [e.value])
            self.unsupported(e, f"a conversion from {src} to bf16")
        text = "cutrans_bf16_to_float({0})"
        return self.fill_template(text if dst == F32 else f"({self.type_name(dst, e)}){text}", [e.value])

    def fold_literal_cast(self, e: N.Cast):
        """convert<f32>(2:i32) prints as 2.0f, convert<u32>(2:i32) as 2u: exact, and easier to read."""
        v = e.value
        if not e.implicit or not isinstance(v, (N.IntLit, N.FloatLit)) or not is_scalar(e.type):
            return None
        if is_float(e.type) and e.type.name in ("f32", "f64"):
            if isinstance(v, N.IntLit) and abs(v.value) < 2 ** 24:
                return self.visit(N.FloatLit(float(v.value), "", e.type))
            if isinstance(v, N.FloatLit) and e.type == F32:
                return self.visit(N.FloatLit(v.value, "", e.type))
        if isinstance(v, N.IntLit) and not is_float(e.type) and e.type.name != "bool":
            lo, hi = _int_range(e.type)
            if lo <= v.value <= hi:
                return self.visit(N.IntLit(v.value, e.type))
        return None

    def visit_InitList(self, e: N.InitList):
        """A struct value where an expression stands: a compound literal `(T){...}`."""
        if isinstance(e.type, Struct):
            return f"({self.type_name(e.type, e)}){self.init_text(e)}", PRECEDENCE["unary"]
        return self.init_text(e), PRECEDENCE["primary"]

    def visit_GlobalVar(self, g: N.GlobalVar, depth: int = 0) -> str:
        init = f" = {self.init_text(g.init)}" if g.init is not None else ""
        return f"{self.declare(g.type, g.name, self.global_spaces[g.space], g)}{init};"

    def visit_Atomic(self, e: N.Atomic):
        pointer = e.args[0].type
        pointee = pointer.pointee if isinstance(pointer, Pointer) else None
        if not (is_scalar(pointee) or isinstance(pointee, Struct) and pointee.vector):
            self.unsupported(e, f"atomic {e.op} on {pointer}")
        tname = pointee.name
        fmt = self.atomic_table.get((e.op, tname))
        if fmt is None:
            self.unsupported(e, f"atomic {e.op} on {tname}")
        self.features.update(_TYPE_FEATURES.get(tname, ()))
        value = self.atomic_operand_type(e.op, pointee)
        operands = [a if a.type == value else N.Cast(a, True, value, loc=a.loc) for a in e.args[1:]]
        args = [self.expr(a, PRECEDENCE["assign"]) for a in [e.args[0], *operands]]
        return fmt.format(*args, **self.atomic_context(e, tname)), PRECEDENCE["postfix"]

    def atomic_operand_type(self, op: str, pointee):
        """The type of an atomic's value operands: the pointee's, unless the target keeps the values apart
        from the memory's type (OpenCL's halves in floats)."""
        return pointee

    def atomic_context(self, e: N.Atomic, tname: str) -> dict:
        """Extra fields for the atomic's format (OpenCL: the address space), and its preamble needs."""
        return {}


_PLACEHOLDER = re.compile(r"\{(\d)\}")
_CALL_OPEN = re.compile(r"(?:[A-Za-z_]\w*\(|, )$")      # just after `name(` or `, ` in a call


def _one_group(text: str) -> bool:
    """Is `text` one parenthesized group, `( ... )`, or one call, `f( ... )`, from start to end?"""
    start = text.find("(")
    if start < 0 or not text.endswith(")") or (start and not re.fullmatch(r"[A-Za-z_]\w*", text[:start])):
        return False
    depth = 0
    for i, ch in enumerate(text[start:], start):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0:
            return i == len(text) - 1
    return False


def _int_range(t: Scalar) -> tuple[int, int]:
    n, kind = SCALARS[t.name]
    return (0, 2 ** n - 1) if kind == "uint" else (-(2 ** (n - 1)), 2 ** (n - 1) - 1)
