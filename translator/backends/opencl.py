"""OpenCL C backend: kernels from IR into `<stem>.cl`, host code onto runtime_shims/opencl."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from translator.backends import half_atomics, line_map, simd_video
from translator.backends import opencl_struct_params as struct_params
from translator.backends.base import ATOMIC_KEYS, ATOMIC_OPERANDS, C_MATH, C_TYPES, PRECEDENCE, CFamilyEmitter
from translator.backends.program import ProgramBackend, render, where
from translator.diagnostics import CutransError, error
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.builtins import ATOMIC_NAMES, DYNAMIC_SHARED
from translator.ir.dpx import BY_FUNC as DPX_BY_FUNC
from translator.ir.types import BFLOAT162, BOOL, F32, I32, Pointer, Struct, is_float, size_align, vector_struct
from translator.passes.address_spaces import space_of

OPENCL_TYPES = {**C_TYPES, "i8": "char", "u8": "uchar", "u16": "ushort", "u32": "uint", "i64": "long",
                "u64": "ulong", "f16": "half", "bf16": "cutrans_bf16"}

# OpenCL's math built-ins are overloaded: one spelling serves float and double.
OPENCL_MATH = {key: fmt.replace(f"{key[0]}f(", f"{key[0]}(") for key, fmt in C_MATH.items()}
OPENCL_MATH.update({
    ("rsqrt", "f32"): "rsqrt({0})", ("rsqrt", "f64"): "rsqrt({0})",
    ("saturate", "f32"): "fmin(fmax({0}, 0.0f), 1.0f)",
    ("min", "f32"): "fmin({0}, {1})", ("max", "f32"): "fmax({0}, {1})",
    ("abs", "i32"): "(int)abs({0})",         # OpenCL's abs(int) returns uint
    ("abs", "i64"): "(long)abs({0})", ("abs", "f32"): "fabs({0})", ("abs", "f64"): "fabs({0})",
    # integer intrinsics: OpenCL's clz(0) is the width and mul_hi/abs_diff are exact, as in CUDA;
    # OpenCL's mul24 is undefined outside 24 bits, so __mul24 and friends are helpers (program.cl.j2)
    ("popc", "u32"): "(int)popcount({0})", ("popc", "u64"): "(int)popcount({0})",
    ("clz", "i32"): "clz({0})", ("clz", "i64"): "(int)clz({0})",
    ("mulhi", "i32"): "mul_hi({0}, {1})", ("mulhi", "u32"): "mul_hi({0}, {1})",
    ("mulhi", "i64"): "mul_hi({0}, {1})", ("mulhi", "u64"): "mul_hi({0}, {1})",
    ("sad", "i32"): "(abs_diff({0}, {1}) + (uint)({2}))", ("sad", "u32"): "(abs_diff({0}, {1}) + ({2}))",
    # OpenCL's hadd/rhadd are CUDA's __hadd/__rhadd: computed without overflow, rounding down/up
    ("hadd", "i32"): "hadd({0}, {1})", ("hadd", "u32"): "hadd({0}, {1})",
    ("rhadd", "i32"): "rhadd({0}, {1})", ("rhadd", "u32"): "rhadd({0}, {1})",
    ("funnelshift_l", "u32"): "(uint)(upsample({1}, {0}) << ({2} & 31u) >> 32)",
    ("funnelshift_r", "u32"): "(uint)(upsample({1}, {0}) >> ({2} & 31u))",
    ("float_as_uint", "f32"): "as_uint({0})", ("uint_as_float", "u32"): "as_float({0})",
    ("float_as_int", "f32"): "as_int({0})", ("int_as_float", "i32"): "as_float({0})",
    ("double_as_longlong", "f64"): "as_long({0})", ("longlong_as_double", "i64"): "as_double((long)({0}))",
    ("double2hiint", "f64"): "(int)(as_ulong({0}) >> 32)", ("double2loint", "f64"): "(int)(uint)as_ulong({0})",
    ("hiloint2double", "i32"): "as_double((ulong)(uint)({0}) << 32 | (uint)({1}))",
})
# (IR function, type) -> (the helper function in the preamble that spells it, its arity)
OPENCL_HELPERS = {("ffs", "i32"): ("cutrans_ffs_i32", 1), ("ffs", "i64"): ("cutrans_ffs_i64", 1),
                  ("brev", "u32"): ("cutrans_brev_u32", 1), ("brev", "u64"): ("cutrans_brev_u64", 1),
                  ("mul24", "i32"): ("cutrans_mul24_i32", 2), ("byte_perm", "u32"): ("cutrans_byte_perm_u32", 3),
                  ("dp4a", "i32"): ("cutrans_dp4a_i32", 3), ("dp4a", "u32"): ("cutrans_dp4a_u32", 3),
                  # the bits of a half, which is held in a float here (passes/half_as_float.py), and back
                  ("half_as_ushort", "f32"): ("cutrans_fp16_bits", 1),
                  ("ushort_as_half", "u16"): ("cutrans_fp16_from_bits", 1),
                  ("fma_bf16", "f32"): ("cutrans_fma_bf16", 3),     # templates/bf16_helpers.j2
                  **simd_video.helpers()}     # generated into the preamble by CFamilyEmitter.simd_video_helpers
OPENCL_MATH.update({key: f"{name}({', '.join('{%d}' % i for i in range(arity))})"
                    for key, (name, arity) in OPENCL_HELPERS.items()})
OPENCL_MATH.update({("half_as_short", "f32"): "(short)cutrans_fp16_bits({0})",
                    ("short_as_half", "i16"): "cutrans_fp16_from_bits((ushort)({0}))"})
OPENCL_HELPERS.update({("half_as_short", "f32"): ("cutrans_fp16_bits", 1),
                       ("short_as_half", "i16"): ("cutrans_fp16_from_bits", 1),
                       # spelled as in C (backends/base.py), with the half of b they take as a last argument
                       **{(f"dp2a_{half}", t): (f"cutrans_dp2a_{t}", 4) for half in ("lo", "hi") for t in ("i32", "u32")}})

# f16 values in floats, half in memory only (passes/half_as_float.py): function -> spelling over its operands
HALF_MEMORY = {"load_half": "vload_half({1}, {0})", "store_half": "vstore_half_rte({0}, {2}, {1})",
               "load_half2": "vload_half2({1}, {0})", "store_half2": "vstore_half2_rte({0}, {2}, {1})",
               "round_half": "cutrans_round_half({0})"}   # or cutrans_round_half_f64 for a double

# Atomics. OpenCL 1.2's built-ins return the old value and are relaxed, as CUDA's are; 64-bit ones
# come from cl_khr_int64_{base,extended}_atomics. Where OpenCL has no built-in with CUDA's meaning
# (float/double add, atomicInc/atomicDec: OpenCL's atomic_inc ignores the bound), the preamble gets
# a compare-and-swap loop over the bits, one per (op, type, address space) used.
_OPENCL_ATOMIC_NAMES = {"add": "add", "sub": "sub", "xchg": "xchg", "min": "min", "max": "max",
                        "cas": "cmpxchg", "and": "and", "or": "or", "xor": "xor"}
_EXTENDED = {"min", "max", "and", "or", "xor"}
CAS_LOOPS = {("add", "f32"): "x + v", ("add", "f64"): "x + v", ("add_half", "f32"): "cutrans_round_half(x + v)",
             ("inc", "u32"): "x >= v ? 0u : x + 1u", ("dec", "u32"): "(x == 0u || x > v) ? v : x - 1u"}
# value type -> (bits type, compare-and-swap, to bits, from bits)
CAS_TYPES = {"f32": ("uint", "atomic_cmpxchg", "as_uint", "as_float"),
             "f64": ("ulong", "atom_cmpxchg", "as_ulong", "as_double"),
             "u32": ("uint", "atomic_cmpxchg", "", "")}


def _helper_name(op: str, t: str, space: str) -> str:
    """The preamble helper of atomic `op` on `t` in `space` (a CAS loop, or half_atomics.py's)."""
    return f"cutrans_atomic_{op}_{t}_{space}"


def _atomic_entry(op: str, t: str) -> tuple[str, tuple[str, ...]]:
    """(format, extensions it needs) for a CUDA atomic on OpenCL."""
    wide = t in ("i64", "u64", "f64")
    needs = ("int64_extended_atomics" if op in _EXTENDED else "int64_base_atomics",) if wide else ()
    args = ", ".join("{%d}" % i for i in range(1 + ATOMIC_OPERANDS.get(op, 1)))
    if (op, t) in CAS_LOOPS:
        return f"{_helper_name(op, t, '{space}')}({args})", needs
    return f"{'atom' if wide else 'atomic'}_{_OPENCL_ATOMIC_NAMES[op]}({args})", needs


OPENCL_ATOMICS = {key: _atomic_entry(*key) for key in ATOMIC_KEYS | {("add_half", "f32")}}
# atomicAdd on the 16-bit floats (backends/half_atomics.py): helpers per address space
OPENCL_ATOMICS.update({key: (_helper_name(*key, "{space}") + "({0}, {1})", ()) for key in half_atomics.OPENCL})
ATOMIC_SPACES = {"global": "global", "shared": "local"}     # atomics exist in these spaces only
# preamble features a CAS loop's rule calls
CAS_NEEDS = {("add_half", "f32"): ("cutrans_round_half",)}
_CUDA_ATOMIC = ATOMIC_NAMES | {"add_half": "atomicAdd"}
# the value operand of atomicAdd on a half (op add_half, passes/half_as_float.py), by the pointee here
_HALF_VALUES = {"f16": F32, "f32": F32, "u32": vector_struct("float2"), "float2": vector_struct("float2")}


def pointer_spaces(f: N.Function) -> dict:
    """name -> the space a reference to it points into: space_of's environment for f. The pointers a struct holds
    point into global memory (backends/opencl_struct_params.py makes sure), which ("host_struct", name) says."""
    decls = [*f.params, *(n for n in walk(f.body) if isinstance(n, N.VarDecl))]
    env = {d.name: d.type.space if isinstance(d.type, Pointer) else getattr(d, "space", "private") for d in decls}
    env.update({("host_struct", d.name): True for d in decls if struct_params.holds_pointer_struct(
        d.type.pointee if isinstance(d.type, Pointer) else d.type)})
    return env


def _exact_operand(a):
    """An operand of OpenCL's overloaded integer min/max with its conversion spelled: max(char, int) is
    ambiguous there (CUDA's max(b.x, 0) on a char4 lane converts the char to int first)."""
    if isinstance(a, N.Cast) and a.implicit and a.value.type != a.type:
        return N.Cast(a.value, False, a.type, loc=a.loc)
    return a


class OpenCLBackend(ProgramBackend, CFamilyEmitter):
    name = "opencl"
    kernel_qualifier = "__kernel"
    device_qualifier = ""
    space_prefix = {"global": "__global ", "shared": "__local ", "constant": "__constant ",
                    "private": "", "local": "", "generic": ""}
    barrier = "barrier(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE)"
    fences = {"block": "mem_fence(CLK_LOCAL_MEM_FENCE | CLK_GLOBAL_MEM_FENCE)",
              "device": "mem_fence(CLK_GLOBAL_MEM_FENCE)"}
    special_regs = {
        "thread_idx": "(uint)get_local_id({index})", "block_idx": "(uint)get_group_id({index})",
        "block_dim": "(uint)get_local_size({index})", "grid_dim": "(uint)get_num_groups({index})",
        "warp_size": "32",
        "thread_linear": "(uint)(get_local_id(0) + get_local_size(0) * (get_local_id(1) + get_local_size(1) * get_local_id(2)))",
        "block_threads": "(uint)(get_local_size(0) * get_local_size(1) * get_local_size(2))",
    }
    special_reg_prec = PRECEDENCE["unary"]
    type_map = OPENCL_TYPES
    int_suffix = {"u32": "u", "i64": "L", "u64": "UL"}
    math_table = OPENCL_MATH
    atomic_table = {key: fmt for key, (fmt, _) in OPENCL_ATOMICS.items()}
    min_max_ints = "{op}({0}, {1})"
    printf_lengths = {"ll": "l"}        # OpenCL C's long is 64 bits and it has no 'll'
    printf_unpromoted_floats = True     # OpenCL C promotes float to double itself, only where fp64 exists
    mark_lines = True                   # the runtime maps build-log lines back to the .cu (backends/line_map.py)
    # CUDA divides and takes square roots correctly rounded unless -use_fast_math; OpenCL must be told.
    exact_build_options = "-cl-fp32-correctly-rounded-divide-sqrt"
    fast_math_build_options = "-cl-fast-relaxed-math"          # with --unsafe fast-math (translator.unsafe)

    @property
    def build_options(self) -> str:
        return self.fast_math_build_options if self.applies("fast-math") else self.exact_build_options
    runtime_dir = "opencl"
    device_suffix = ".cl"
    template_dir = "opencl"

    runtime_header = "oclrt.h"

    def __init__(self):
        super().__init__()
        self.spaces: dict[str, str] = {}
        self.cas_loops: set[tuple[str, str, str]] = set()
        self.half_atomics: set[tuple[str, str, str]] = set()
        self.line_map: list[str] = []       # C string literals for oclrtProgramSource.line_map
        self.flat_prefixes: dict[str, str] = {}     # set per function by visit_Function

    def signature(self, f: N.Function) -> str:
        if f.kind != "kernel":
            return super().signature(f)
        params = ", ".join(self.kernel_param(p) for p in f.params) or "void"
        return f"{self.kernel_qualifier} {self.type_name(f.ret, f)} {f.name}({params})"

    def param_text(self, p: N.Param) -> str:
        """A device function that uses dynamic shared memory takes it as its kernel does, passed on as is."""
        return self.dynamic_shared_param(p) or super().param_text(p)

    def kernel_args(self, p: N.Param, kind: str, name: str) -> list[tuple[str, str]]:
        """A struct holding pointers goes field by field (backends/opencl_struct_params.py)."""
        if not struct_params.flattened(p):
            return super().kernel_args(p, kind, name)
        return [("Global" if isinstance(leaf.type, Pointer) else "Value", f"{name}{leaf.path}")
                for leaf in struct_params.fields(p)]

    @staticmethod
    def dynamic_shared_param(p: N.Param) -> str | None:
        return f"__local ulong2* {p.name}" if p.name == DYNAMIC_SHARED else None

    def kernel_param(self, p: N.Param) -> str:
        """OpenCL C forbids bool kernel arguments: a bool parameter arrives as the host's one byte, uchar.
        Dynamic shared memory is declared with a 16-byte element, CUDA's alignment of it: NVIDIA's OpenCL
        driver computed wrong results from a `__local uchar*` argument read through float and int views
        (an H100, driver 580), and right ones from uint, float, ulong2 and float4. Only casts use it."""
        if p.type == BOOL:
            return f"uchar {p.name}"
        if p.name in self.flat_prefixes:
            start = self.flat_prefixes[p.name]
            return ", ".join(self.kernel_param(N.Param(f"{start}_{leaf.suffix}", leaf.type, loc=p.loc))
                             for leaf in struct_params.fields(p))
        return self.param_text(p)

    # -- structs: CUDA vectors whose layout OpenCL's own vector types share are spelled natively;
    # float3 and friends (12 bytes in CUDA, 16 in OpenCL) and 32-byte vectors become plain structs.
    def native_vector(self, s: Struct) -> bool:
        return s.vector and len(s.fields) in (2, 4) and size_align(s)[0] <= 16 and s != BFLOAT162

    def struct_name(self, s: Struct) -> str:
        return s.name if not s.vector or self.native_vector(s) else f"cutrans_{s.name}"

    def defines(self, s: Struct) -> bool:
        return not self.native_vector(s)

    def struct_definition(self, s: Struct, node) -> str:
        if any(struct_params.holds_pointer(t) for _, t in s.fields):
            struct_params.check_definition(s, node)
            s = dataclasses.replace(s, fields=tuple((f, struct_params.global_fields(t)) for f, t in s.fields))
        if BOOL in (t for _, t in s.fields):
            raise CutransError(error("L003", f"struct '{s.name}' holds a bool, whose size OpenCL leaves to the "
                                             f"device, so the host's layout may differ", *where(node)))
        return super().struct_definition(s, node)

    def visit_InitList(self, e: N.InitList):
        if isinstance(e.type, Struct) and self.native_vector(e.type):
            items = ", ".join(self.expr(i, PRECEDENCE["assign"]) for i in e.items)
            return f"({e.type.name})({items})", PRECEDENCE["unary"]
        return super().visit_InitList(e)

    def init_text(self, e) -> str:
        if isinstance(e, N.InitList) and isinstance(e.type, Struct) and self.native_vector(e.type):
            return self.visit_InitList(e)[0]
        return super().init_text(e)

    def visit_UnOp(self, e: N.UnOp):
        """OpenCL C takes no address of a vector's element (`&v.y` of a float4, as in
        `(__half2 *)&v.y`): the vector's address as a pointer to its elements, plus the lane."""
        member = e.operand
        if not (e.op == "&" and isinstance(member, N.Member) and isinstance(member.base.type, Struct)
                and self.native_vector(member.base.type)):
            return super().visit_UnOp(e)
        vector = member.base.type
        elements = Pointer(dict(vector.fields)[member.field], space_of(e, self.spaces) or "private")
        first = N.Cast(N.UnOp("&", member.base, Pointer(vector, elements.space), loc=e.loc), False, elements,
                       loc=e.loc)
        lane = [name for name, _ in vector.fields].index(member.field)
        return self.visit_BinOp(N.BinOp("+", first, N.IntLit(lane, I32, loc=e.loc), elements, loc=e.loc)) if lane \
            else self.c_cast(first)

    def visit_Function(self, f: N.Function, depth: int = 0) -> str:
        self.spaces = pointer_spaces(f)
        # a kernel's struct parameters that hold pointers -> what their flattened parameters' names start with
        self.flat_prefixes = {p.name: struct_params.prefix(f, p) for p in f.params
                              if f.kind == "kernel" and struct_params.flattened(p)}
        text = super().visit_Function(f, depth)
        rebuilt = [f"{self.declare(p.type, p.name, 'private', p)} = "
                   f"{struct_params.initializer(p.type, self.flat_prefixes[p.name])};"
                   for p in f.params if p.name in self.flat_prefixes]
        if not rebuilt:
            return text
        head, brace, rest = text.partition("{\n")      # the struct parameters, rebuilt from their fields
        return head + brace + "".join(f"{self.pad(depth + 1)}{line}\n" for line in rebuilt) + rest

    def visit_MathCall(self, e: N.MathCall):
        if e.func in HALF_MEMORY:                   # passes/half_as_float.py
            template = HALF_MEMORY[e.func]
            if e.func == "round_half":
                helper = "cutrans_round_half" if e.args[0].type == F32 else "cutrans_round_half_f64"
                self.features.add(helper)
                template = f"{helper}({{0}})"
            return self.fill_template(template, e.args)
        if e.func in ("min", "max") and not is_float(e.type):
            return self.fill_template(self.min_max_ints.replace("{op}", e.func), [_exact_operand(a) for a in e.args])
        op = DPX_BY_FUNC.get(e.func)
        if op and any(space_of(a, self.spaces) != "private" for a in e.args[op.arity:]):
            self.unsupported(e, f"{op.cuda} with a predicate outside private memory (its helper takes a private "
                                "`bool *`); point it at a local bool")
        return super().visit_MathCall(e)

    def note_math(self, func: str, tname: str) -> None:
        super().note_math(func, tname)
        if (func, tname) in OPENCL_HELPERS:
            self.features.add(OPENCL_HELPERS[(func, tname)][0])

    def atomic_context(self, e: N.Atomic, tname: str) -> dict:
        space = ATOMIC_SPACES.get(space_of(e.args[0], self.spaces))
        if space is None:
            self.unsupported(e, f"atomic {e.op} outside global and shared memory")
        self.features.update(OPENCL_ATOMICS[(e.op, tname)][1])
        self.need_atomic((e.op, tname, space))
        return {"space": space}

    def need_atomic(self, key: tuple[str, str, str]) -> None:
        """Put the helper of atomic (op, type, space), and what it calls, into the preamble."""
        if key[:2] in CAS_LOOPS:
            self.cas_loops.add(key)
            self.features.update(CAS_NEEDS.get(key[:2], ()))
        elif key[:2] in half_atomics.OPENCL:
            for loop in half_atomics.require(key, half_atomics.OPENCL, self.half_atomics, self.features):
                self.need_atomic(loop)

    def atomic_operand_type(self, op: str, pointee):
        return _HALF_VALUES[pointee.name] if op == "add_half" else pointee

    def cas_helper(self, op: str, tname: str, space: str) -> dict:
        bits, cas, to_bits, from_bits = CAS_TYPES[tname]
        return {"name": _helper_name(op, tname, space), "cuda": _CUDA_ATOMIC[op], "space": space,
                "what": "__half (held in a float)" if op == "add_half" else self.type_map[tname],
                "type": self.type_map[tname], "bits": bits, "cas": cas, "to_bits": to_bits,
                "from_bits": from_bits, "rule": CAS_LOOPS[(op, tname)]}

    def device_source(self, module, unit) -> str:
        """The .cl text; sets `line_map` (backends/line_map.py), which the launch header gives the runtime."""
        struct_params.check_module(module, pointer_spaces)
        functions = [self.visit(f) for f in module.functions]
        helpers = [self.cas_helper(*key) for key in sorted(self.cas_loops)]
        halves = [half_atomics.fields(key, half_atomics.OPENCL, _helper_name)
                  for key in half_atomics.order(self.half_atomics, half_atomics.OPENCL)]
        text, entries = line_map.strip(render("opencl/program.cl.j2", source_name=Path(unit.path).name,
                                              functions=functions, features=self.features, cas_loops=helpers,
                                              half_atomics=halves,
                                              simd_helpers=self.simd_video_helpers(),
                                              structs=self.struct_definitions(module)))
        self.line_map = line_map.c_string_lines(line_map.encode(entries))
        return text
