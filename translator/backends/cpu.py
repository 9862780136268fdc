"""CPU backend: kernels from IR into C with OpenMP (`<stem>.kernels.c`), host code onto
runtime_shims/cpu. Blocks are spread over threads with `omp parallel for`; the threads of a
block become `omp simd` loops, one per parallel region between barriers (cpu_schedule.py), each a
z/y/x loop nest with threadIdx.x as the vectorized counter (cpu_thread_loop.py).
"""

from __future__ import annotations

from pathlib import Path

from translator.backends.base import C_ATOMICS, C_TYPES, PRECEDENCE, CFamilyEmitter
from translator.backends.cpu_schedule import BlockLevel, Region, Scheduler, check_returns, context_variables
from translator.backends import cpu_thread_loop as thread_loop, half_atomics
from translator.backends.cpu_uniform_check import Vote, vote_text
from translator.backends.program import ProgramBackend, render
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.effects import STEPS
from translator.ir.builtins import DYNAMIC_SHARED
from translator.passes.hoist_shared import is_block_scoped
from translator.ir.types import F16, F32, Array

# The per-warp tensor-core helpers' tile routines (passes/lower_matrix_ops.py), in runtime_shims/cpu/cpurt_tiles.h
TILE_MATH = {"convert_halves": "cutrans_convert_halves({0}, {1}, {2})",
             "convert_halves_transposed": "cutrans_convert_halves_transposed({0}, {1}, {2}, {3}, {4})",
             "mma_f32": "cutrans_mma_f32({0}, {1}, {2}, {3}, {4}, {5}, {6})"}
_HALF_ATOMIC = "cutrans_atomic_{}_{}".format     # the helper of atomic (op, type) on a 16-bit float
THREAD = thread_loop.THREAD   # the linear thread index (an int) inside a block's thread loop
INIT_COPY = "cutrans_init"    # a per-thread variable's brace-list initializer, copied into its storage


def _root_variable(e):
    """The variable an lvalue belongs to, through member accesses (`s.a.b = v` writes `s`)."""
    while isinstance(e, N.Member):
        e = e.base
    return e.name if isinstance(e, N.VarRef) else None


def private_parameters(f: N.Function) -> N.Function:
    """In CUDA every thread has its own copy of the kernel's parameters; here one call runs all the
    threads. A parameter the kernel writes to (or takes the address of) becomes a per-thread
    variable initialized from the argument, which is renamed `cutrans_arg_<name>`."""
    lvalues = [n.target for n in walk(f.body) if isinstance(n, N.Assign)]
    lvalues += [n.operand for n in walk(f.body) if isinstance(n, N.UnOp) and n.op in _MUTATING]
    written = {_root_variable(e) for e in lvalues}
    params, copies = [], []
    for p in f.params:
        if p.name not in written:
            params.append(p)
            continue
        arg = f"cutrans_arg_{p.name}"
        params.append(N.Param(arg, p.type, loc=p.loc))
        copies.append(N.VarDecl(p.name, p.type, "private", N.VarRef(arg, p.type, loc=p.loc), loc=p.loc))
    body = N.Block(copies + f.body.stmts, loc=f.body.loc)
    return N.Function(f.name, f.kind, f.ret, params, body, loc=f.loc)


_MUTATING = (*STEPS, "&")

# What a device function that reads CUDA's built-in variables takes from its caller, in this order: the names
# a kernel's thread loop defines (the kernel's own parameters, its block loop and its thread loop), by the
# special registers that are spelled with them.
BUILTINS = (("threadIdx", "const cutrans_uint3"), ("blockIdx", "const cutrans_uint3"),
            ("blockDim", "const cutrans_dim3"), ("gridDim", "const cutrans_dim3"), (THREAD, "const int"),
            ("cutrans_nthreads", "const unsigned int"))
_REG_BUILTINS = {"thread_idx": {"threadIdx"}, "block_idx": {"blockIdx"}, "block_dim": {"blockDim"},
                 "grid_dim": {"gridDim"}, "thread_linear": {THREAD}, "block_threads": {"cutrans_nthreads"}}


def builtins_needed(module: N.Module) -> dict[str, tuple[str, ...]]:
    """Device function -> the built-in names it reads, itself or through the device functions it calls
    (callees come before their callers in the module). A kernel defines them all."""
    needed: dict[str, set] = {}
    for f in module.functions:
        if f.kind == "kernel":
            continue
        names: set = set()
        for n in walk(f.body):
            if isinstance(n, N.SpecialReg):
                names |= _REG_BUILTINS.get(n.reg, set())
            elif isinstance(n, N.Call) and n.func in needed:
                names |= needed[n.func]
        needed[f.name] = names
    return {name: tuple(b for b, _ in BUILTINS if b in names) for name, names in needed.items() if names}


class CPUBackend(ProgramBackend, CFamilyEmitter):
    name = "cpu"
    kernel_qualifier = "void"
    device_qualifier = "static inline"
    unroll_pragma = "#pragma GCC unroll {n}"  # GCC's spelling, which clang accepts too
    type_map = {**C_TYPES, "bool": "_Bool", "f16": "_Float16", "bf16": "cutrans_bf16"}   # GCC 12+/clang 15+ on x86-64 and AArch64

    def visit_MathCall(self, e: N.MathCall):
        if e.func in TILE_MATH:
            return self.fill_template(TILE_MATH[e.func], e.args)
        return super().visit_MathCall(e)

    def c_cast(self, e: N.Cast):
        """A float narrowed to a half goes through the preamble's helper, which gives CUDA's NaN."""
        if e.type == F16 and e.value.type == F32 and not isinstance(e.value, N.FloatLit):
            return self.fill_template("cutrans_f16_from_float({0})", [e.value])
        return super().c_cast(e)

    def scalar(self, t, node=None) -> str:
        if t.name == "f16":
            self.features.add("fp16")       # kernels.c.j2 checks that the compiler has _Float16
        return super().scalar(t, node)
    atomic_table = C_ATOMICS | {key: _HALF_ATOMIC(*key) + "({0}, {1})" for key in half_atomics.CPU}
    barrier = "/* __syncthreads(): region boundary */"
    special_regs = {**CFamilyEmitter.special_regs, "thread_linear": f"((unsigned int){THREAD})",
                    "block_threads": "cutrans_nthreads"}
    fences = {"block": "__atomic_thread_fence(__ATOMIC_SEQ_CST)", "device": "__atomic_thread_fence(__ATOMIC_SEQ_CST)",
              "system": "__atomic_thread_fence(__ATOMIC_SEQ_CST)"}
    runtime_dir = "cpu"
    runtime_header = "cpurt.h"
    device_suffix = ".kernels.c"
    template_dir = "cpu"

    def __init__(self):
        super().__init__()
        self.context: set[str] = set()
        self.loop_depth = 0
        self.in_region = False
        self.kernel_name = ""
        self.index_form = None    # how to spell the global x index here (cpu_thread_loop.INDEX_FORMS)
        self.global_x = False     # does the kernel use the fast global index (cpu_thread_loop.py)?
        self.next_label = "cutrans_next_thread"
        self.builtins: dict[str, tuple[str, ...]] = {}   # device function -> built-ins it takes (builtins_needed)
        self.half_atomics: set[tuple[str, str]] = set()   # atomicAdd on 16-bit floats used (half_atomics.py)

    # -- per-thread code -----------------------------------------------------------------------
    def visit_Call(self, e: N.Call):
        """A device function that reads built-in variables gets the caller's (`builtins_needed`)."""
        text, prec = super().visit_Call(e)
        extra = self.builtins.get(e.func, ())
        if not extra:
            return text, prec
        return f"{text[:-1]}{', ' if e.args else ''}{', '.join(extra)})", prec

    def visit_VarRef(self, e: N.VarRef):
        text, prec = super().visit_VarRef(e)
        return (f"{text}[{THREAD}]", prec) if e.name in self.context else (text, prec)

    def visit_BinOp(self, e: N.BinOp):
        text, prec = super().visit_BinOp(e)
        if self.index_form is None or not thread_loop.is_global_x_index(e):
            return text, prec
        self.global_x = True
        return thread_loop.INDEX_FORMS[self.index_form].format(generic=text), PRECEDENCE["primary"]

    def visit_VarDecl(self, v: N.VarDecl, depth: int = 0) -> str:
        if v.name not in self.context:
            return super().visit_VarDecl(v, depth)
        if v.init is None:
            return f"/* {v.name} lives in per-thread storage */"
        if isinstance(v.init, N.InitList):      # a brace list is no expression in C: copied from a constant
            copy = self.declare(v.type, INIT_COPY, "private", v)
            return (f"{{ {copy} = {self.init_text(v.init)}; "
                    f"__builtin_memcpy(&{v.name}[{THREAD}], &{INIT_COPY}, sizeof {INIT_COPY}); }}")
        return f"{v.name}[{THREAD}] = {self.expr(v.init)};"

    def visit_Return(self, s: N.Return, depth: int) -> str:
        if not self.in_region:
            return super().visit_Return(s, depth)
        if self.loop_depth:
            return f"goto {self.next_label};"
        return "continue;"

    def _loop(self, method, s, depth):
        self.loop_depth += 1
        try:
            return method(self, s, depth)
        finally:
            self.loop_depth -= 1

    def visit_For(self, s, depth):
        return self._loop(CFamilyEmitter.visit_For, s, depth)

    def visit_While(self, s, depth):
        return self._loop(CFamilyEmitter.visit_While, s, depth)

    def visit_DoWhile(self, s, depth):
        return self._loop(CFamilyEmitter.visit_DoWhile, s, depth)

    # -- kernels -------------------------------------------------------------------------------
    def kernel(self, f: N.Function) -> str:
        f = private_parameters(f)
        shared = [s for s in f.body.stmts if is_block_scoped(s)]
        body = [s for s in f.body.stmts if s not in shared]
        schedule = Scheduler(f).schedule(body)
        check_returns(schedule)
        ctx = context_variables(schedule)
        self.context = set(ctx)
        decls = [self.visit(N.VarDecl(s.name, s.type, "private", s.init, loc=s.loc)) for s in shared]
        decls += [self.declare(Array(d.type, 0), d.name, "private", d).replace("[0]", "[cutrans_nthreads]") + ";"
                  for d in ctx.values()]
        self.in_region, self.kernel_name, self.global_x = True, f.name, False
        block = self.schedule_text(schedule, 2)
        self.context, self.in_region = set(), False
        dynamic = any(p.name == DYNAMIC_SHARED for p in f.params)
        launch = [thread_loop.LAUNCH_DECL] if self.global_x else []
        decls = ([thread_loop.BLOCK_DECL] if self.global_x else []) + decls
        # every variable the block loop reads from outside is each OpenMP thread's own copy: shared, GCC reads
        # it through a pointer that a store through any pointer may change (-fno-strict-aliasing), so it is
        # read again at every use and the thread loops around such stores are not vectorized
        copied = ["gridDim", "blockDim", "cutrans_shared_bytes", *(p.name for p in f.params if p.name != DYNAMIC_SHARED),
                  "cutrans_nthreads", *([thread_loop.FITS_X] if self.global_x else [])]
        return render("cpu/kernel.c.j2", signature=self.signature(f), decls=decls, body=block, copied=copied,
                      launch_decls=launch, dynamic_shared=DYNAMIC_SHARED if dynamic else None)

    def schedule_text(self, schedule: list, depth: int) -> str:
        """Barrier items need no text: the end of one work-item loop is the barrier."""
        return "\n".join(self._ITEM_TEXT[type(item)](self, item, depth) for item in schedule
                         if not isinstance(item, N.Barrier))

    def vote(self, item: Vote, depth: int) -> str:
        return self._in_thread_loop("select", vote_text, self, item, self.kernel_name, depth)

    def _in_thread_loop(self, form: str, render_loop, *args):
        self.index_form = form
        try:
            return render_loop(*args)
        finally:
            self.index_form = None

    def uniform_decl(self, item: N.VarDecl, depth: int) -> str:
        return self.pad(depth) + self.visit(item, depth)

    def region(self, region: Region, depth: int) -> str:
        """The region's work-item loop; where it uses the global x index, two versions of it, one
        for launches whose index fits in int (vectorizable) and one for the others (cpu_thread_loop.py)."""
        used, self.global_x = self.global_x, False
        fast = self._in_thread_loop("fast", self._region, region, depth + 1, "cutrans_next_thread")
        if not self.global_x:
            self.global_x = used
            return self._in_thread_loop("generic", self._region, region, depth, "cutrans_next_thread")
        generic = self._in_thread_loop("generic", self._region, region, depth + 1, "cutrans_next_thread_w")
        pad = self.pad(depth)
        return f"{pad}if ({thread_loop.FITS_X}) {{\n{fast}\n{pad}}} else {{\n{generic}\n{pad}}}"

    def _region(self, region: Region, depth: int, label: str) -> str:
        self.next_label = label
        leaders = thread_loop.warp_leaders(region.stmts)
        if leaders is not None:
            return self._leader_loop(leaders, depth, label)
        bound = thread_loop.region_bound(region.stmts, self.context, self.index_form == "fast")
        if bound is None:
            return self._thread_loop(region.stmts, depth, label, "(int)blockDim.x")
        # cpu_thread_loop.Bound: the x loop stops where the guard would fail, and the guarded statements
        # run unguarded
        pad, inner = self.pad(depth), self.pad(depth + 1)
        base = thread_loop.BLOCK_BASE_X if bound.base is None else f"(long long)({self.expr(bound.base)})"
        lines, ends = [], {"end": "(int)blockDim.x", "begin": "0"}
        for which, value, added in (("end", bound.limit, bound.limit_plus), ("begin", bound.first, bound.first_plus)):
            if value is None:
                continue
            # where the bound puts the x counter, clamped to [0, blockDim.x]; a begin past the end runs nothing
            at, name = thread_loop.LOOP_ENDS[which]
            plus = f" + {added}" if added else ""
            lines += [f"const long long {at} = (long long)({self.expr(value)}){plus} - {base};",
                      f"const int {name} = {at} <= 0 ? 0 : {at} < (long long)blockDim.x ? (int){at} : (int)blockDim.x;"]
            ends[which] = name
        row = thread_loop.row_check(self.expr(bound.row)) if bound.row is not None else ""
        loop = self._thread_loop([*region.stmts[:-1], *bound.then], depth + 1, label, ends["end"], ends["begin"], row)
        return f"{pad}{{\n" + "".join(f"{inner}{line}\n" for line in lines) + f"{loop}\n{pad}}}"

    def _thread_loop(self, region_stmts: list, depth: int, label: str, end: str, begin: str = "0",
                     row: str = "") -> str:
        pad, inner = self.pad(depth), self.pad(depth + 1)
        return (thread_loop.loop_head(pad, inner, end=end, begin=begin, row=row)
                + self._loop_body(region_stmts, depth + 2, label) + thread_loop.loop_tail(pad, inner))

    def _leader_loop(self, stmts: list, depth: int, label: str) -> str:
        """cpu_thread_loop.warp_leaders: only the first thread of each warp runs the region."""
        return thread_loop.leader_head(self.pad(depth)) + self._loop_body(stmts, depth + 1, label) + self.pad(depth) + "}"

    def _loop_body(self, stmts: list, depth: int, label: str) -> str:
        """A work-item loop's body: the statements in a block, then the label a thread's `return` jumps to."""
        pad = self.pad(depth)
        text = "".join(self.pad(depth + 1) + self.visit(s, depth + 1) + "\n" for s in stmts)
        target = f"{pad}{label}:;\n" if f"goto {label};" in text else ""
        return f"{pad}{{\n{text}{pad}}}\n{target}"

    def block_level(self, item: BlockLevel, depth: int) -> str:
        s = item.stmt
        inner = [self.schedule_text(part, depth + 1) for part in item.parts]
        close = self.pad(depth) + "}"
        if isinstance(s, N.Block) or (item.checked and not isinstance(s, N.If)):
            head = "{" if isinstance(s, N.Block) else "for (;;) {"
            return head + "\n" + inner[0] + "\n" + close
        if isinstance(s, N.For):
            init = self.visit(s.init, depth) if s.init is not None else ";"
            cond = f" {self.expr(s.cond)}" if s.cond is not None else ""
            step = f" {self.expr(s.step)}" if s.step is not None else ""
            return f"for ({init}{cond};{step}) {{\n{inner[0]}\n{close}"
        if isinstance(s, N.While):
            return f"while ({self.expr(s.cond)}) {{\n{inner[0]}\n{close}"
        cond = f"{item.checked.name} != 0" if item.checked else self.expr(s.cond)
        text = f"if ({cond}) {{\n{inner[0]}\n{close}"
        return text + (f" else {{\n{inner[1]}\n{close}" if item.parts[1] else "")

    def block_level_text(self, item: BlockLevel, depth: int) -> str:
        return self.pad(depth) + self.block_level(item, depth)

    def escape_text(self, item, depth: int) -> str:
        """A block-level `break`/`continue` of a uniform loop with barriers (cpu_schedule.Scheduler.escape)."""
        return self.pad(depth) + ("break;" if isinstance(item, N.Break) else "continue;")

    _ITEM_TEXT = {Region: region, Vote: vote, BlockLevel: block_level_text, N.VarDecl: uniform_decl,
                  N.Break: escape_text, N.Continue: escape_text}

    def device_source(self, module, unit) -> str:
        self.builtins = builtins_needed(module)
        functions = [self.kernel(f) if f.kind == "kernel" else self.visit(f) for f in module.functions]
        variables = [self.visit(g) for g in module.globals]
        return render("cpu/kernels.c.j2", source_name=Path(unit.path).name, functions=functions,
                      variables=variables, features=self.features, structs=self.struct_definitions(module),
                      fast_math=self.applies("fast-math"), simd_helpers=self.simd_video_helpers(),
                      half_atomics=[half_atomics.fields(key, half_atomics.CPU, _HALF_ATOMIC)
                                    for key in half_atomics.order(self.half_atomics, half_atomics.CPU)])

    def atomic_context(self, e: N.Atomic, tname: str) -> dict:
        if (e.op, tname) in half_atomics.CPU:
            half_atomics.require((e.op, tname), half_atomics.CPU, self.half_atomics, self.features)
        return {}

    def hidden_params(self, f: N.Function) -> list[str]:
        """The built-in variables a device function reads (`builtins_needed`), taken from its caller."""
        return [f"{decl} {name}" for name, decl in BUILTINS if name in self.builtins.get(f.name, ())]

    def signature(self, f: N.Function) -> str:
        if f.kind != "kernel":
            return super().signature(f)
        params = "".join(", " + self.declare(p.type, p.name, "private", p) for p in f.params
                         if p.name != DYNAMIC_SHARED)
        return (f"void cutrans_kernel_{f.name}(cutrans_dim3 gridDim, cutrans_dim3 blockDim, size_t cutrans_shared_bytes"
                f"{params})")
