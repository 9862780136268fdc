"""Structs and CUDA vector types in device code: lowering, layout, emission, refusals."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from translator.backends.cuda import CudaEmitter
from translator.driver import backend_for, load_unit
from translator.ir import nodes as N
from translator.ir.base import walk
from translator.ir.printer import print_ir
from translator.ir.types import F32, I32, Array, Struct, field_offsets, parse_type, size_align, used_structs, vector_struct
from translator.passes import run_pipeline

PARTICLE = "struct P { float x; int n; };\n"


def _kernel(module, name="k"):
    return next(f for f in module.functions if f.name == name)


def _emit(module, target: str) -> str:
    backend = backend_for(target)
    module = run_pipeline(module, target)
    return "".join(backend.struct_definitions(module) + [backend.visit(f) for f in module.functions])


# -- types ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("name, size, align", [
    ("float2", 8, 8), ("float3", 12, 4), ("float4", 16, 16), ("double2", 16, 16), ("double4", 32, 16),
    ("char2", 2, 2), ("char4", 4, 4), ("int3", 12, 4), ("longlong2", 16, 16),
])
def test_vector_types_have_cudas_size_and_alignment(name, size, align):
    assert size_align(vector_struct(name)) == (size, align)


def test_struct_layout_pads_fields_to_their_alignment():
    s = Struct("S", (("a", F32), ("b", vector_struct("float2")), ("c", I32), ("d", Array(I32, 3))))
    assert field_offsets(s) == [0, 8, 16, 20]
    assert size_align(s) == (32, 8)


def test_an_aligned_struct_is_padded_to_its_alignment():
    s = Struct("S", (("r", I32), ("g", I32), ("b", I32)), align=16)
    assert size_align(s) == (16, 16)
    assert size_align(Struct("P", (("lo", s), ("hi", s)))) == (32, 16)
    assert s.definition() == "struct S align(16) { r: i32; g: i32; b: i32 }"


ALIGNED = ("typedef struct __align__(16) { unsigned r, g, b; } rgb;\n"
           "struct alignas(8) bytes { unsigned char x, y, z, w; };\n"
           "__global__ void k(rgb* o, bytes* b) { o[0].r = b[0].x; }\n")


def test_the_frontend_reads_align_and_alignas_from_the_type(lower):
    module, diags = lower(ALIGNED)
    assert not diags
    structs = {s.name: s for s in used_structs(walk(module))}
    assert (structs["rgb"].align, structs["bytes"].align) == (16, 8)
    assert size_align(structs["rgb"]) == (16, 16)


@pytest.mark.parametrize("target, spelling", [
    ("opencl", "typedef struct __attribute__((aligned(16))) rgb {"),
    ("cpu", "typedef struct __attribute__((aligned(16))) rgb {"),
])
def test_backends_spell_the_alignment_a_struct_asked_for(lower, target, spelling):
    module, _ = lower(ALIGNED)
    text = _emit(module, target)
    assert spelling in text and "typedef struct __attribute__((aligned(8))) bytes {" in text


def test_cuda_round_trip_keeps_the_alignment(lower):
    module, _ = lower(ALIGNED)
    text = "".join(CudaEmitter().struct_definitions(module))
    assert "struct __align__(16) rgb {" in text and "struct __align__(8) bytes {" in text


def test_struct_types_round_trip_through_their_text():
    s = Struct("S", (("a", F32),))
    assert parse_type(str(s), {"S": s}) == s
    assert parse_type("struct S*global", {"S": s}).pointee == s


# -- lowering ------------------------------------------------------------------------------------
def test_member_access_through_pointer_is_a_member_of_a_dereference(lower):
    module, diags = lower(PARTICLE + "__global__ void k(P* p) { p->x = 1.0f; p[1].n = 2; }")
    assert not diags
    members = [n for n in walk(_kernel(module)) if isinstance(n, N.Member)]
    assert [(type(m.base).__name__, m.field, m.type) for m in members] == [("UnOp", "x", F32), ("Index", "n", I32)]
    assert members[0].base.op == "*"


def test_struct_copies_and_assignments_are_plain_ir(lower):
    module, diags = lower(PARTICLE + "__device__ P id(P v) { return v; }\n"
                          "__global__ void k(P* p) { P a = p[0]; P b = {2.0f, 3}; b = id(a); p[1] = b; }")
    assert not diags
    k = _kernel(module)
    decls = {n.name: n for n in walk(k) if isinstance(n, N.VarDecl)}
    assert isinstance(decls["a"].init, N.Index)
    assert isinstance(decls["b"].init, N.InitList) and decls["b"].init.type.name == "P"
    assigns = [n for n in walk(k) if isinstance(n, N.Assign)]
    assert [type(a.value).__name__ for a in assigns] == ["Call", "VarRef"]


def test_make_vector_becomes_an_init_list_with_converted_items(lower):
    module, diags = lower("__global__ void k(float4* o, int i) { o[0] = make_float4(i, 1.0f, 2.0f, 3.0f); }")
    assert not diags
    init = next(n for n in walk(_kernel(module)) if isinstance(n, N.InitList))
    assert init.type == vector_struct("float4")
    assert isinstance(init.items[0], N.Cast) and init.items[0].type == F32


def test_ir_text_lists_struct_definitions_first(lower):
    module, _ = lower(PARTICLE + "__global__ void k(P* p) { p->x = 1.0f; }")
    text = print_ir(module)
    assert text.index("struct P { x: f32; n: i32 }") < text.index("kernel k")


@pytest.mark.parametrize("snippet, message", [
    ("struct B { float x; }; struct S : B { float y; }; __global__ void k(S* s) { s->y = 1.0f; }", "base specifier"),
    ("struct S { int a : 3; }; __global__ void k(S* s) { s->a = 1; }", "bit-field"),
    ("struct __attribute__((packed)) S { char c; int i; }; __global__ void k(S* s) { s->i = 1; }", "packed"),
    ("struct S { char c; int i __attribute__((aligned(8))); }; __global__ void k(S* s) { s->i = 1; }", "aligned on its own"),
    ("#pragma pack(1)\nstruct S { char c; int i; };\n__global__ void k(S* s) { s->i = 1; }", "layout"),
    ("__global__ void k(unsigned* o) { uint3 t = threadIdx; o[0] = t.x; }", "threadIdx"),
    ("struct S { S* next; }; __global__ void k(S* s) { s->next = s; }", "refers to itself"),
    ("struct S { float x, y; }; __global__ void k(S* o) { S s = {.x = 1.0f}; o[0] = s; }", "designated"),
    ("struct S { float x, y; }; __global__ void k(S* o) { S s[2] = {1.0f, 2.0f, 3.0f, 4.0f}; o[0] = s[1]; }",
     "one braced list per element"),
])
def test_structs_without_an_exact_translation_are_refused(lower, snippet, message):
    _, diags = lower(snippet)
    assert diags and diags[0].code == "L003", diags
    assert message in diags[0].message
    assert diags[0].line >= 1


# -- emission ------------------------------------------------------------------------------------
def test_opencl_spells_matching_vectors_natively_and_float3_as_a_struct(lower):
    module, _ = lower("__global__ void k(float4* o, float3* t) { o[0] = make_float4(1.0f, 2.0f, 3.0f, 4.0f);"
                      " t[0] = make_float3(1.0f, 2.0f, 3.0f); }")
    text = _emit(module, "opencl")
    assert "(float4)(1.0f, 2.0f, 3.0f, 4.0f)" in text
    assert "typedef struct float4" not in text
    assert "typedef struct __attribute__((aligned(4))) cutrans_float3 {" in text
    assert "t[0] = (cutrans_float3){1.0f, 2.0f, 3.0f};" in text


def test_c_structs_give_vectors_cudas_alignment(lower):
    module, _ = lower("__global__ void k(float2* o) { float2 v = make_float2(1.0f, 2.0f); o[0] = v; }")
    text = _emit(module, "cpu")
    assert "typedef struct __attribute__((aligned(8))) float2 {\n    float x;\n    float y;\n} float2;" in text
    assert "float2 v = {1.0f, 2.0f};" in text


def test_arrow_and_compound_literals_in_c(lower):
    module, _ = lower(PARTICLE + "__global__ void k(P* p) { p->x = 1.0f; p[1] = P{2.0f, 3}; }")
    text = _emit(module, "cpu")
    assert "p->x = 1.0f;" in text
    assert "p[1] = (P){2.0f, 3};" in text


def test_cuda_round_trip_keeps_structs_and_make_calls(lower):
    module, _ = lower(PARTICLE + "__global__ void k(P* p, float2* v) { P a = {1.0f, 2}; p[0] = a;"
                      " v[0] = make_float2(a.x, 3.0f); }")
    text = CudaEmitter().visit(module)
    assert text.startswith("struct P {\n    float x;\n    int n;\n};")
    assert "P a = {1.0f, 2};" in text
    assert "v[0] = make_float2(a.x, 3.0f);" in text


def _opencl_files(cuda_file, text: str) -> dict:
    path = cuda_file(text + "int main() { return 0; }\n")
    return {name: data.decode() for name, data in backend_for("opencl").translate(load_unit(path), {}).files.items()}


def test_opencl_passes_a_struct_holding_pointers_field_by_field(cuda_file):
    files = _opencl_files(cuda_file, "struct Span { float* data; int n; };\n"
                                     "struct Job { Span in[2]; int dims[2]; float scale; };\n"
                                     "__global__ void k(Job job) { job.in[1].data[0] = job.scale * job.dims[1]; }\n")
    device, glue = files["snippet.cl"], files["snippet.launch.h"]
    assert "typedef struct Span {\n    __global float* data;\n    int n;\n} Span;" in device
    assert ("__kernel void k(__global float* job_in_0_data, int job_in_0_n, __global float* job_in_1_data, "
            "int job_in_1_n, int job_dims_0, int job_dims_1, float job_scale)") in device
    assert ("Job job = {{{job_in_0_data, job_in_0_n}, {job_in_1_data, job_in_1_n}}, {job_dims_0, job_dims_1}, "
            "job_scale};") in device
    assert "{oclrtKernelArg::Global, &job.in[1].data, sizeof(job.in[1].data)}," in glue
    assert "{oclrtKernelArg::Value, &job.dims[1], sizeof(job.dims[1])}," in glue
    assert "cutrans_args, 7);" in glue


def test_opencl_flattened_parameters_avoid_the_kernels_names(cuda_file):
    device = _opencl_files(cuda_file, "struct S { float* p; };\n"
                                      "__global__ void k(S s, float* s_p) { s.p[0] = s_p[0]; }\n")["snippet.cl"]
    assert "__kernel void k(__global float* cutrans_s_p, __global float* s_p)" in device
    assert "S s = {cutrans_s_p};" in device


@pytest.mark.parametrize("text, message, line", [
    ("struct V { float* p; };\n__global__ void k(float* x) { __shared__ float t[32]; V v; v.p = t; x[0] = v.p[0]; }\n",
     "a struct's pointer field gets a pointer into shared memory", 2),
    ("struct V { float* p; };\n__device__ V g;\n__global__ void k(float* x) { x[0] = g.p[0]; }\n",
     "__device__/__constant__ variable 'g' holds a struct with pointers", 2),
    ("struct V { float* p; };\n__global__ void k(V* vs, float* x) { x[0] = vs[1].p[0]; }\n",
     "a pointer to 'struct V' in global memory", 2),
    ("struct V { float* p; };\n__global__ void k(V v, float* x) { __shared__ V s; s = v; x[0] = s.p[0]; }\n",
     "'s' keeps a struct holding pointers in shared memory", 2),
    ("struct V { float** rows; };\n__global__ void k(V v, float* x) { x[0] = v.rows[0][0]; }\n",
     "field 'rows' of struct 'V' points to pointers", 2),
    ("union U { float* p; int i; };\n__global__ void k(U u, float* x) { x[0] = u.p[0]; }\n",
     "union 'U' holds a pointer", 2),
])
def test_opencl_refuses_what_would_put_a_host_pointer_outside_a_private_struct(cuda_file, text, message, line):
    with pytest.raises(Exception) as info:
        _opencl_files(cuda_file, text)
    diags = info.value.diagnostics
    assert diags[0].code == "L003" and message in diags[0].message and diags[0].line == line, diags[0]


def test_launch_glue_checks_struct_layouts_against_the_host():
    unit = load_unit(str(ROOT / "samples" / "struct_particles.cu"))
    for target in ("opencl", "cpu"):
        header = backend_for(target).translate(unit, {}).files["struct_particles.launch.h"].decode()
        assert "template <class cutrans_T0, class cutrans_T3>" in header
        assert ("static_assert(sizeof(cutrans_T3) == 12 && alignof(cutrans_T3) == 4 && offsetof(cutrans_T3, dt) == 0"
                in header)
        assert "struct alignas(16) float4 { float x, y, z, w; };" in header


def test_designated_initializers_of_struct_device_globals_are_refused(lower):
    """libclang lists only the items written: `{.y = 3.0f}` would have set x."""
    _, diags = lower("struct S { float x, y; };\n__constant__ S s = {.y = 3.0f};\n"
                     "__global__ void k(float* o) { o[0] = s.x; }")
    assert diags and diags[0].code == "L003" and "designated" in diags[0].message


@pytest.mark.parametrize("target", ["cpu", "opencl"])
def test_struct_device_globals_are_declared_on_the_host_with_the_structs_mirror(cuda_file, target):
    """The program's own struct is defined after the launch header, so the host copy of a struct variable
    (which cudaMemcpyToSymbol fills) is declared with the header's copy of the struct."""
    path = cuda_file("struct S { float x; int n; };\n__constant__ S c[4];\n__device__ S t;\n"
                     "__global__ void k(float* o) { o[0] = c[1].x + t.n; }\nint main() { return 0; }\n")
    files = backend_for(target).translate(load_unit(path), {}).files
    header = next(text.decode() for name, text in files.items() if name.endswith(".launch.h"))
    assert "typedef struct cutrans_host_S {" in header
    assert "cutrans_host_S c[4]" in header and "cutrans_host_S t" in header


def test_opencl_refuses_bools_inside_structs(cuda_file):
    path = cuda_file("struct S { bool on; float x; };\n__global__ void k(S* s) { s->x = 1.0f; }\n"
                     "int main() { return 0; }\n")
    with pytest.raises(Exception) as info:
        backend_for("opencl").translate(load_unit(path), {})
    assert info.value.diagnostics[0].code == "L003" and "bool" in info.value.diagnostics[0].message


def test_sizeof_of_structs_with_vectors_follows_cuda_alignment(lower):
    module, diags = lower("struct S { float a; float2 b; };\n"
                          "__global__ void k(unsigned long* o) { o[0] = sizeof(S); o[1] = alignof(float2); }")
    assert not diags
    values = [n.value for n in walk(_kernel(module)) if isinstance(n, N.IntLit) and n.value > 1]
    assert values == [16, 8]


def test_cpu_kernels_give_each_thread_its_own_copy_of_written_parameters(lower):
    """Regression: one C call runs every thread of a block, so `n += threadIdx.x` once changed the
    parameter for all the threads after it."""
    module, _ = lower(PARTICLE + "__global__ void k(float* o, P prm, int n) {"
                      " prm.x += threadIdx.x; n++; o[threadIdx.x] = prm.x + n; }")
    text = backend_for("cpu").kernel(run_pipeline(module, "cpu").functions[0])
    assert "P cutrans_arg_prm, int cutrans_arg_n)" in text
    assert "P prm = cutrans_arg_prm;" in text and "int n = cutrans_arg_n;" in text


def test_a_union_lowers_with_every_field_at_offset_zero(lower):
    module, diags = lower("union U { float f; unsigned int u; unsigned char b[4]; double d; };\n"
                          "__global__ void k(U* p, unsigned int* o) { U v = p[0]; v.f = 1.0f; o[0] = v.u; }")
    assert not diags
    s = next(t for t in used_structs(list(walk(module))) if t.name == "U")
    assert s.union and str(s) == "union U"
    assert field_offsets(s) == [0, 0, 0, 0] and size_align(s) == (8, 8)


# -- default member initializers (frontend/member_defaults.py) -------------------------------------
DEFAULTED = ("struct R { float lo = -1.0f; float hi = 2.0f; };\n"
             "struct S { int n = 4; R r; int* p = nullptr; int k; float2 v; };\n")


def test_default_member_initializers_fill_every_object_device_code_makes(lower):
    module, diags = lower(DEFAULTED + "__global__ void k(int* o) { S a; S b{7}; R rs[2]; S z = S{};\n"
                                      "o[0] = a.n + b.n + (int)rs[1].hi + z.r.hi; }")
    assert not diags
    text = _emit(module, "opencl")
    assert "S a = {4, {-1.0f, 2.0f}, 0, 0, (float2)(0.0f, 0.0f)};" in text
    assert "S b = {7, {-1.0f, 2.0f}, 0, 0, (float2)(0.0f, 0.0f)};" in text       # the 7, then the defaults
    assert "R rs[2] = {{-1.0f, 2.0f}, {-1.0f, 2.0f}};" in text
    assert "S z = {4, {-1.0f, 2.0f}, 0, 0, (float2)(0.0f, 0.0f)};" in text


def test_a_constructor_starts_from_the_default_member_initializers(lower):
    module, diags = lower("struct S { int a = 1; int b; __device__ S(int x) : b(x) {} };\n"
                          "__global__ void k(int* o) { S s(4); o[0] = s.a + s.b; }")
    assert not diags
    text = _emit(module, "opencl")
    assert "S self = {1, 0};" in text and text.index("S self = {1, 0};") < text.index("self.b = x;")


def test_a_struct_the_host_passes_runs_no_default_member_initializer(lower):
    module, diags = lower(DEFAULTED + "__global__ void k(int* o, S s) { S c = s; o[0] = c.n; }")
    assert not diags
    assert "S c = s;" in _emit(module, "cpu")


@pytest.mark.parametrize("text, message", [
    ("struct S { int a = 1; int b = a + 1; };\n__global__ void k(int* o) { S s; o[0] = s.b; }",
     "default member initializer of 'S::b' is not a constant expression"),
    ("struct S { int a = 1; };\n__global__ void k(int* o) { S s[300]; o[0] = s[7].a; }",
     "an array of 300 structs with default member initializers; up to 256"),
])
def test_default_member_initializers_device_code_cannot_run_exactly_are_refused(lower, text, message):
    _, diags = lower(text)
    assert diags and diags[0].code == "L003" and message in diags[0].message, diags


# -- struct types outside file scope (records.output_name) -------------------------------------------
def test_structs_in_namespaces_classes_and_functions_are_named_by_their_scopes(lower):
    module, diags = lower("namespace geo { struct Vec { float x, y; }; }\n"
                          "struct Grid { struct Cell { int r; }; Cell c; };\n"
                          "__global__ void k(geo::Vec* v, Grid g, unsigned* o) { struct L { int a; }; L l = {g.c.r};\n"
                          "union { float f; unsigned u; } bits; bits.f = v[0].x; o[0] = bits.u + l.a; }")
    assert not diags
    names = [s.name for s in used_structs(walk(module))]
    assert names == ["geo_Vec", "Grid_Cell", "Grid", "k_L", "k_union_4_1"]
    text = _emit(module, "opencl")
    assert "typedef union k_union_4_1 {\n    float f;\n    uint u;\n} k_union_4_1;" in text


def test_a_struct_local_to_a_function_template_is_one_struct_per_instance(cuda_file):
    device = _opencl_files(cuda_file, "template <class T> __global__ void k(T* o) { struct L { T v; }; L l = {o[0]};"
                                      " o[1] = l.v; }\nvoid run(float* f, int* i) { k<<<1, 1>>>(f); k<<<1, 1>>>(i); }\n"
                           )["snippet.cl"]
    assert "typedef struct k_inst1_L {\n    float v;\n} k_inst1_L;" in device
    assert "typedef struct k_inst2_L {\n    int v;\n} k_inst2_L;" in device


def test_an_anonymous_member_union_is_refused_with_its_reason(lower):
    _, diags = lower("struct W { union { int i; float f; }; int n; };\n"
                     "__global__ void k(W* w, int* o) { o[0] = w->n; }")
    assert diags and diags[0].code == "L003" and "anonymous union member" in diags[0].message, diags


# -- class template instances with data (records._check_instance) ---------------------------------------
def test_class_template_instances_are_structs_named_by_their_arguments(lower):
    module, diags = lower("template <class T, int N> struct Arr { T v[N]; int n; };\n"
                          "template <> struct Arr<char, 1> { int only; };\n"
                          "__global__ void k(Arr<double, 3>* a, Arr<char, 1> c, float* o) {\n"
                          "Arr<Arr<float, 2>, 1> nested; nested.v[0].v[1] = 2.0f; o[0] = a->v[2] + c.only + nested.v[0].v[1]; }")
    assert not diags
    structs = {s.name: s for s in used_structs(walk(module))}
    assert set(structs) == {"Arr_double_3", "Arr_char_1", "Arr_float_2", "Arr_Arr_float_2_1"}
    assert structs["Arr_double_3"].fields == (("v", Array(parse_type("f64"), 3)), ("n", I32))
    assert structs["Arr_char_1"].fields == (("only", I32),)                      # the specialization's own fields


@pytest.mark.parametrize("text, message", [
    ("template <class T> struct P { T a; __device__ P(T x) : a(x) {} };\n"
     "__global__ void k(float* o) { P<float> p(1.0f); o[0] = p.a; }", "has a constructor of its own"),
    ("template <class T> struct P { T a = 1; };\n__global__ void k(float* o) { P<float> p; o[0] = p.a; }",
     "default member initializer of 'a'"),
    ("template <class T> struct P { T a; __device__ T get() const { return a; } };\n"
     "__global__ void k(P<float>* p, float* o) { o[0] = p->get(); }", "methods of class template instances"),
])
def test_what_a_class_template_would_run_is_refused(lower, text, message):
    _, diags = lower(text)
    assert diags and diags[0].code == "L003" and message in diags[0].message, diags


def test_arrays_of_structs_take_one_braced_list_per_element_and_defaults_for_the_rest(lower):
    module, diags = lower("struct R { float lo = -1.0f; float hi = 2.0f; };\nstruct P { int a; float b; };\n"
                          "__global__ void k(float* o) { R rs[3] = {{0.5f, 1.5f}}; P ps[2] = {{1, 2.5f}, {3, 4.5f}};\n"
                          "o[0] = rs[2].lo + ps[1].b; }")
    assert not diags
    text = _emit(module, "cpu")
    assert "R rs[3] = {{0.5f, 1.5f}, {-1.0f, 2.0f}, {-1.0f, 2.0f}};" in text
    assert "P ps[2] = {{1, 2.5f}, {3, 4.5f}};" in text
