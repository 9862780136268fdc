"""Launches inside host function templates: which kernel instances they need, and how host code picks one.

A launch inside a host function template may name its kernel's template arguments through the host
template's parameters (`k<T><<<g, b>>>(...)`) or leave them to be deduced from dependent arguments.
Its kernel instances are those of the host template's instances: each host instance that the file
asks for (a call with explicit or deduced template arguments, possibly from another host template's
instance) is copied and parsed like a kernel instance (translator.frontend.templates), and the launches
in the copy are concrete. The host code keeps the template; its launch calls one generic dispatch
function per kernel template (`cutrans_dispatch_<glue>`), overloaded in the launch header for each
instance on a tag type `cutrans_kernel_<glue><args>`, so that the C++ compiler picks the instance.
"""

from __future__ import annotations

import os

import weakref

import clang.cindex as ci

from translator.diagnostics import CutransError, warning
from translator.frontend import templates as T, tu_index
from translator.ir.base import SourceLoc

K = ci.CursorKind

_INTEGRAL = {ci.TypeKind.BOOL, ci.TypeKind.CHAR_U, ci.TypeKind.UCHAR, ci.TypeKind.CHAR16, ci.TypeKind.CHAR32,
             ci.TypeKind.USHORT, ci.TypeKind.UINT, ci.TypeKind.ULONG, ci.TypeKind.ULONGLONG, ci.TypeKind.CHAR_S,
             ci.TypeKind.SCHAR, ci.TypeKind.WCHAR, ci.TypeKind.SHORT, ci.TypeKind.INT, ci.TypeKind.LONG,
             ci.TypeKind.LONGLONG}
SIGNED = {ci.TypeKind.CHAR_S, ci.TypeKind.SCHAR, ci.TypeKind.WCHAR, ci.TypeKind.SHORT, ci.TypeKind.INT,
           ci.TypeKind.LONG, ci.TypeKind.LONGLONG}
_GENERIC: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()   # tu -> {glue: {instance name: tag args}}


def generic_instances(tu) -> dict:
    """glue name -> {kernel instance name: its tag's template arguments}, for the kernel instances that
    launches inside host template instances of `tu` ask for. One dict per translation unit: the host
    sites hold it, and lowering (Instantiator.launched) fills it when it finds the instances."""
    return _GENERIC.setdefault(tu, {})


def overloaded_decls(ref) -> list:
    """The declarations an OVERLOADED_DECL_REF cursor (a name not yet resolved) may name."""
    lib = ci.conf.lib
    decls = []
    for i in range(lib.clang_getNumOverloadedDecls(ref)):
        d = lib.clang_getOverloadedDecl(ref, i)
        d._tu = ref._tu
        decls.append(d)
    return decls


def dependent_kernel(callee):
    """The kernel template a launch's callee names while its template arguments are still dependent
    (written with the enclosing template's parameters, or deduced from dependent arguments); None for
    any other callee, or when the name is overloaded among kernels. Functions that are no kernels do not count:
    a launch cannot call them (HeCBench jaccard's `fill<weighted, T><<<...>>>` next to `using namespace std`,
    whose std::fill templates the name finds too)."""
    ref = callee.referenced if callee is not None else None
    if ref is None or ref.kind != K.OVERLOADED_DECL_REF:
        return None
    decls = [d.get_definition() or d for d in overloaded_decls(ref)]
    kernels = [d for d in decls if _is_kernel(d)]
    if len(kernels) != 1 or kernels[0].kind != K.FUNCTION_TEMPLATE:
        return None
    return kernels[0]


def plain_kernel_overloads(ref, main: str) -> bool:
    """Whether the name a launch's callee spells (`ref`, not yet resolved in a host template) finds only plain
    kernels of the main file `main` (`f16AtomicOnGlobalMem(__half *, int)` and `(__nv_bfloat16 *, int)`): each
    is lowered as it stands, and the launch glue gives them one host name, whose C++ overloads each instance
    of the host template resolves as CUDA does."""
    decls = overloaded_decls(ref) if ref is not None and ref.kind == K.OVERLOADED_DECL_REF else []
    definitions = [d.get_definition() for d in decls]
    return bool(decls) and all(d is not None and d.kind == K.FUNCTION_DECL and _is_kernel(d) and
                               d.location.file is not None and os.path.realpath(d.location.file.name) == main
                               for d in definitions)


def _is_kernel(cursor) -> bool:
    return any(c.kind == K.CUDAGLOBAL_ATTR for c in cursor.get_children())


def generic_name(tmpl) -> str:
    """The name of a kernel template's dispatch glue: what its instances' names begin with."""
    return T.scoped_name(tmpl) + T.overload_suffix(tmpl)


def tag_parameter_type(param) -> str | None:
    """The type of a non-type template parameter as the launch header spells it; None when it is no
    builtin integral type (an enum, or a type that depends on another parameter)."""
    canonical = param.type.get_canonical()
    return canonical.spelling if canonical.kind in _INTEGRAL else None


def tag_parameters(tmpl) -> tuple[str | None, str]:
    """(the template parameter list of a kernel template's tag, or None, why not). Parameters keep
    their names; a default is kept where it reads the same in the launch header (literals, operators
    and earlier parameters)."""
    params, names = [], set()
    for p in (c for c in tmpl.get_children() if c.kind in T.PARAM_KINDS):
        tokens = list(p.get_tokens())
        if p.kind == K.TEMPLATE_TEMPLATE_PARAMETER or "..." in (t.spelling for t in tokens):
            return None, f"template parameter '{p.spelling}' of '{tmpl.spelling}' is not supported"
        if p.kind == K.TEMPLATE_TYPE_PARAMETER:
            head = f"class {p.spelling}"
        else:
            ptype = tag_parameter_type(p)
            if ptype is None:
                return None, (f"template parameter '{p.spelling}' of '{tmpl.spelling}' has type "
                              f"'{p.type.spelling}'; only integral types are supported here")
            head = f"{ptype} {p.spelling}"
        params.append(head + _portable_default(tokens, names))
        names.add(p.spelling)
    return ", ".join(params), ""


def _portable_default(tokens, names: set) -> str:
    spellings = [t.spelling for t in tokens]
    if "=" not in spellings:
        return ""
    rest = tokens[spellings.index("=") + 1:]
    if not rest or any(t.kind == ci.TokenKind.IDENTIFIER and t.spelling not in names for t in rest):
        return ""
    return " = " + " ".join(t.spelling for t in rest)


def tag_arguments(inst: T.Instance) -> str | None:
    """The template arguments of an instance's tag (None when one has no spelling in host code)."""
    args = [b.argument for b in inst.bindings]
    return None if "" in args else ", ".join(args)


def header_kernels(tu, files: list[str]):
    """(Instance lowered as written, launch location) for each plain kernel that the host code of `files`
    (the main file and its own headers) launches and that is defined in another file than the main one
    (`kernels.h`)."""
    for call in (c for path in files for c in calls_in_file(tu, path)):
        callee = T.launch_callee(call)
        ref = callee.referenced if callee is not None else None
        if ref is None or ref.kind != K.FUNCTION_DECL or T.template_of(ref) is not None:
            continue
        d = ref.get_definition()
        if d is not None and d.location.file is not None and d.location.file.name != tu.spelling:
            yield T.Instance(d.spelling, d.spelling, (), d, d), SourceLoc(*T.presumed(call.location))


def unused_host(launch, host) -> CutransError:
    kernel = dependent_kernel(T.launch_callee(launch)).spelling
    return CutransError(warning(
        "L001", f"this launch of kernel template '{kernel}' depends on the template parameters of host "
        f"template '{host.spelling}', which this file never instantiates: no instance of '{kernel}' is "
        "generated for it",
        *T.presumed(launch.location)))


def launch_key(call) -> tuple:
    """What identifies a launch among those of several files: its file and offset."""
    start = call.extent.start
    return start.file.name if start.file is not None else None, start.offset


def template_key(tmpl) -> tuple:
    """What identifies a template across translation units parsed from one file: where it is first declared."""
    return T.presumed(tmpl.canonical.location)


def _function_templates(cursors, path: str):
    for c in cursors:
        if c.location.file is None or c.location.file.name != path:
            continue
        if c.kind in (K.NAMESPACE, K.LINKAGE_SPEC):
            yield from _function_templates(c.get_children(), path)
        elif c.kind == K.FUNCTION_TEMPLATE and c.is_definition():
            yield c


def _is_call(c) -> bool:
    return c.kind == K.CALL_EXPR and c.spelling != T.CONFIG_CALLEE


def calls_in(cursor):
    return (c for c in cursor.walk_preorder() if _is_call(c))


def calls_in_file(tu, path: str):
    """The calls in the top-level declarations of file `path`, in source order."""
    return (c for c in tu_index.preorder(tu, path) if _is_call(c))


def _dependent_callees(call) -> list:
    """The function templates a dependent call may name."""
    ref = next((c for c in call.get_children()), None)
    ref = ref.referenced if ref is not None else None
    return overloaded_decls(ref) if ref is not None and ref.kind == K.OVERLOADED_DECL_REF else []


def host_templates(tu, files: list[str]) -> tuple[set, dict]:
    """(keys of the host function templates of `files` (the main file and its own headers) whose instances
    launch kernels through dependent launches, directly or through other such templates; those launches,
    by launch_key, with the key of the template they are in)."""
    templates = [t for path in files for t in _function_templates(tu_index.top_level(tu, path), path)]
    wanted, launches, calls = set(), {}, {}
    for t in templates:
        if _is_kernel(t):
            continue
        callees = calls.setdefault(template_key(t), set())
        for call in calls_in(t):
            if dependent_kernel(T.launch_callee(call)) is not None:
                wanted.add(template_key(t))
                launches[launch_key(call)] = (template_key(t), call, t)
            else:
                callees.update(template_key(d) for d in _dependent_callees(call) if d.kind == K.FUNCTION_TEMPLATE)
    grew = True
    while grew:
        grew = False
        for key, callees in calls.items():
            if key not in wanted and callees & wanted:
                wanted.add(key)
                grew = True
    return wanted, launches
