"""CUDA device built-ins that the IR represents as intrinsic operations.

Math: CUDA name -> (IR function, operand type, precision class). The precision class says which
accuracy the original promises: "ieee" (correctly rounded or CUDA's documented ULP bound for the
standard function), "approx" (the fast intrinsics, e.g. __expf) or "exact" (integer intrinsics,
which every backend must reproduce bit for bit). Backends spell each
(function, type) pair from their own tables.
"""

from __future__ import annotations

from translator.ir.dpx import DPX
from translator.ir.simd_video import SIMD_VIDEO

_F32_UNARY = ("sqrt", "rsqrt", "cbrt", "exp", "exp2", "exp10", "expm1", "log", "log2", "log10", "log1p",
              "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh", "acosh", "atanh",
              "erf", "erfc", "fabs", "floor", "ceil", "trunc", "round", "rint", "lgamma", "tgamma")
_F32_BINARY = ("pow", "fmin", "fmax", "fmod", "atan2", "hypot", "copysign", "fdim", "remainder")

MATH: dict[str, tuple[str, str, str]] = {}
for _f in _F32_UNARY + _F32_BINARY + ("fma",):
    MATH[_f + "f"] = (_f, "f32", "ieee")
    MATH[_f] = (_f, "f64", "ieee")
MATH.update({
    "__expf": ("exp", "f32", "approx"), "__exp10f": ("exp10", "f32", "approx"),
    "__logf": ("log", "f32", "approx"), "__log2f": ("log2", "f32", "approx"),
    "__log10f": ("log10", "f32", "approx"), "__sinf": ("sin", "f32", "approx"),
    "__cosf": ("cos", "f32", "approx"), "__tanf": ("tan", "f32", "approx"),
    "__powf": ("pow", "f32", "approx"), "__fdividef": ("divide", "f32", "approx"),
    "__fsqrt_rn": ("sqrt", "f32", "ieee"), "__fmaf_rn": ("fma", "f32", "ieee"),
    "__saturatef": ("saturate", "f32", "ieee"), "saturate": ("saturate", "f32", "ieee"),
    "fabs": ("fabs", "f64", "ieee"), "abs": ("abs", "", "ieee"), "llabs": ("abs", "i64", "ieee"),
    "min": ("min", "", "ieee"), "max": ("max", "", "ieee"),   # "" = the call's own type
    "ldexpf": ("ldexp", "f32", "ieee"), "ldexp": ("ldexp", "f64", "ieee"),
    "frexpf": ("frexp", "f32", "ieee"), "frexp": ("frexp", "f64", "ieee"),
    # in the default rounding mode (the only one device code has) nearbyint is rint
    "nearbyintf": ("rint", "f32", "ieee"), "nearbyint": ("rint", "f64", "ieee"),
})
# Math functions whose operands do not all have the function's type: name -> the type of each
# operand ("" = keep the argument's own type, e.g. frexp's `int *` out-parameter).
MATH_OPERANDS = {"ldexpf": ("f32", "i32"), "ldexp": ("f64", "i32"), "frexpf": ("f32", ""), "frexp": ("f64", ""),
                 "__sad": ("i32", "i32", "u32")}
# Classification (<cmath>'s and CUDA's overloads on float and double, std:: or not): exact; the operand keeps
# its own type, the result is the call's (bool in C++)
CLASSIFY = ("isnan", "isinf", "isfinite", "signbit")
MATH.update({name: (name, "", "exact") for name in CLASSIFY})
MATH_OPERANDS.update({name: ("",) for name in CLASSIFY})

# Integer intrinsics: exact by definition (precision "exact"). One IR function per operation, the
# operand type tells the widths apart. __sad(int, int, unsigned) lists i32: its third operand keeps
# its bits through the same-width conversion, and every backend spells the sum in unsigned.
MATH.update({
    "__popc": ("popc", "u32", "exact"), "__popcll": ("popc", "u64", "exact"),
    "__clz": ("clz", "i32", "exact"), "__clzll": ("clz", "i64", "exact"),
    "__ffs": ("ffs", "i32", "exact"), "__ffsll": ("ffs", "i64", "exact"),
    "__brev": ("brev", "u32", "exact"), "__brevll": ("brev", "u64", "exact"),
    "__mul24": ("mul24", "i32", "exact"), "__umul24": ("mul24", "u32", "exact"),
    "__mulhi": ("mulhi", "i32", "exact"), "__umulhi": ("mulhi", "u32", "exact"),
    "__mul64hi": ("mulhi", "i64", "exact"), "__umul64hi": ("mulhi", "u64", "exact"),
    "__sad": ("sad", "i32", "exact"), "__usad": ("sad", "u32", "exact"),
    "__hadd": ("hadd", "i32", "exact"), "__uhadd": ("hadd", "u32", "exact"),
    "__rhadd": ("rhadd", "i32", "exact"), "__urhadd": ("rhadd", "u32", "exact"),
    "__byte_perm": ("byte_perm", "u32", "exact"),
    # byte and halfword dot products with a 32-bit sum (wrapping); int and unsigned overloads: the call's type
    "__dp4a": ("dp4a", "", "exact"), "__dp2a_lo": ("dp2a_lo", "", "exact"), "__dp2a_hi": ("dp2a_hi", "", "exact"),
    "__float_as_uint": ("float_as_uint", "f32", "exact"), "__uint_as_float": ("uint_as_float", "u32", "exact"),
    "__float_as_int": ("float_as_int", "f32", "exact"), "__int_as_float": ("int_as_float", "i32", "exact"),
    "__double_as_longlong": ("double_as_longlong", "f64", "exact"),
    "__longlong_as_double": ("longlong_as_double", "i64", "exact"),
    "__double2hiint": ("double2hiint", "f64", "exact"), "__double2loint": ("double2loint", "f64", "exact"),
    "__hiloint2double": ("hiloint2double", "i32", "exact"),
    "__funnelshift_l": ("funnelshift_l", "u32", "exact"), "__funnelshift_r": ("funnelshift_r", "u32", "exact"),
    # the bits of a __half (cuda_fp16.h) and back; frontend/half.py also makes them of `*(short *)&h`
    "__half_as_ushort": ("half_as_ushort", "f16", "exact"), "__half_as_short": ("half_as_short", "f16", "exact"),
    "__ushort_as_half": ("ushort_as_half", "u16", "exact"), "__short_as_half": ("short_as_half", "i16", "exact"),
})
# SIMD video intrinsics on the 2x16- or 4x8-bit lanes of unsigned words (__vaddss4...): ir/simd_video.py
MATH.update({name: (op.func, "u32", "exact") for name, op in SIMD_VIDEO.items()})
# DPX intrinsics on an int, an unsigned int or its two 16-bit lanes (__vimax3_s32...): ir/dpx.py. The predicate
# pointers of __vibmax/__vibmin keep their own type.
MATH.update({name: (op.func, op.operand_type, "exact") for name, op in DPX.items()})
MATH_OPERANDS.update({name: (op.operand_type,) * op.arity + ("",) * op.predicates
                      for name, op in DPX.items() if op.predicates})

# Loads through the read-only or another cache (`__ldg(p)`...): a hint only, so each is the plain load `*p`.
CACHE_LOADS = ("__ldg", "__ldca", "__ldcg", "__ldcs", "__ldlu", "__ldcv")

# CUDA device features that no target translation can express yet: name -> (code, why). The frontend
# refuses a call to one of them with that code rather than the generic "no definition" (L002).
_TEXTURE_CALLS = ("tex1Dfetch", "tex1D", "tex2D", "tex3D", "tex1DLayered", "tex2DLayered", "texCubemap",
                  "tex2Dgather", "tex1DLod", "tex2DLod", "tex3DLod", "surf1Dread", "surf1Dwrite", "surf2Dread",
                  "surf2Dwrite", "surf3Dread", "surf3Dwrite")
UNSUPPORTED_CALLS = {name: ("L008", "textures and surfaces have no image mapping yet; read the data through a "
                                    "plain pointer instead") for name in _TEXTURE_CALLS}
# Atomic functions: CUDA name -> IR atomic op; operand types come from the call.
ATOMICS = {
    "atomicAdd": "add", "atomicSub": "sub", "atomicExch": "xchg", "atomicMin": "min", "atomicMax": "max",
    "atomicInc": "inc", "atomicDec": "dec", "atomicCAS": "cas", "atomicAnd": "and", "atomicOr": "or",
    "atomicXor": "xor",
}
# IR atomic op -> the CUDA name that spells it (the unscoped one)
ATOMIC_NAMES = {op: name for name, op in ATOMICS.items()}
# the same with the scope in the name (atomicAdd_block, atomicAdd_system): on one device, and with every block
# of a kernel on one device, the operation a plain atomic is (its device scope covers a block's)
ATOMICS.update({f"{name}_{scope}": op for name, op in list(ATOMICS.items()) for scope in ("block", "system")})

# Synchronisation: CUDA name -> (IR statement class name, scope)
SYNC = {
    "__syncthreads": ("Barrier", "block"),
    "__threadfence_block": ("Fence", "block"),
    "__threadfence": ("Fence", "device"),
    "__threadfence_system": ("Fence", "system"),
}

# Built-in variables: name -> IR special register
SPECIAL_REGS = {"threadIdx": "thread_idx", "blockIdx": "block_idx", "blockDim": "block_dim",
                "gridDim": "grid_dim"}

# The kernel parameter that carries a launch's dynamic shared memory (`extern __shared__`): the
# frontend adds it to kernels that use such memory; each backend supplies it from the launch.
DYNAMIC_SHARED = "cutrans_dynamic_shared"

# sincos(x, &s, &c): name -> (operand type, precision); lowered to a sin and a cos of one value.
SINCOS = {"sincosf": ("f32", "ieee"), "sincos": ("f64", "ieee"), "__sincosf": ("f32", "approx")}

# Warp operations: CUDA name -> (IR op, operand roles). Every operand is explicit in the IR: an
# argument the call leaves out gets its default from WARP_DEFAULTS (the full mask, width 32).
# The value of a shuffle has the call's own type; each other role converts to the type CUDA's
# declaration gives it (WARP_OPERANDS). `__syncwarp` is an op of type void, used as a statement.
WARP = {
    "__shfl_sync": ("shfl_idx", ("mask", "value", "lane", "width")),
    "__shfl_up_sync": ("shfl_up", ("mask", "value", "delta", "width")),
    "__shfl_down_sync": ("shfl_down", ("mask", "value", "delta", "width")),
    "__shfl_xor_sync": ("shfl_xor", ("mask", "value", "lane_mask", "width")),
    "__ballot_sync": ("ballot", ("mask", "pred")),
    "__any_sync": ("any", ("mask", "pred")),
    "__all_sync": ("all", ("mask", "pred")),
    "__activemask": ("activemask", ()),
    "__syncwarp": ("syncwarp", ("mask",)),
    # sm_80 warp reductions over the lanes of the mask (CUDA overloads them for int and unsigned: add,
    # min and max; and, or and xor take unsigned). The result has the call's type; int min/max compare
    # signed, add wraps modulo 2^32.
    "__reduce_add_sync": ("reduce_add", ("mask", "value")),
    "__reduce_min_sync": ("reduce_min", ("mask", "value")),
    "__reduce_max_sync": ("reduce_max", ("mask", "value")),
    "__reduce_and_sync": ("reduce_and", ("mask", "value")),
    "__reduce_or_sync": ("reduce_or", ("mask", "value")),
    "__reduce_xor_sync": ("reduce_xor", ("mask", "value")),
    # block votes: a __syncthreads that also reduces a predicate over the whole block. They are not
    # warp operations, but they lower the same way on targets without sub-groups (an exchange
    # through shared memory between barriers), so they share the IR node and the lowering pass.
    "__syncthreads_count": ("block_count", ("pred",)),
    "__syncthreads_and": ("block_and", ("pred",)),
    "__syncthreads_or": ("block_or", ("pred",)),
    # cutrans's own spelling (declared by the stand-in headers, for the IR's CUDA round trip) of the
    # exchange between any two threads of a block that multi-warp cooperative-groups tiles are made of
    "__cutrans_block_shfl": ("block_shfl", ("value", "thread")),
    # and of the shuffles of a struct (cooperative groups shuffle any type, CUDA's intrinsics only numbers)
    "__cutrans_shfl_sync": ("shfl_idx", ("mask", "value", "lane", "width")),
    "__cutrans_shfl_up_sync": ("shfl_up", ("mask", "value", "delta", "width")),
    "__cutrans_shfl_down_sync": ("shfl_down", ("mask", "value", "delta", "width")),
    "__cutrans_shfl_xor_sync": ("shfl_xor", ("mask", "value", "lane_mask", "width")),
}
STRUCT_SHUFFLES = {op: name for name, (op, _) in WARP.items() if name.startswith("__cutrans_shfl")}
WARP_OPERANDS = {"mask": "u32", "value": "", "lane": "i32", "delta": "u32", "lane_mask": "i32",
                 "width": "i32", "pred": "i32", "thread": "u32"}    # "" = the call's own type
WARP_DEFAULTS = {"mask": 0xFFFFFFFF, "width": 32}
WARP_SHUFFLES = ("shfl_idx", "shfl_up", "shfl_down", "shfl_xor")
WARP_VOTES = ("ballot", "any", "all")
WARP_REDUCTIONS = ("reduce_add", "reduce_min", "reduce_max", "reduce_and", "reduce_or", "reduce_xor")
BLOCK_VOTES = ("block_count", "block_and", "block_or")
WARP_LANES = 32
