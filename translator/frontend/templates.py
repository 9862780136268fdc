"""Monomorphization of function templates in device code.

libclang exposes no template instantiations, so each one the program uses is re-created as source
text and parsed again. Which instantiations exist is clang's answer, not ours: a launch or a call
of a template refers to a specialization cursor whose template arguments (explicit, deduced and
defaulted alike) libclang reports. For each one, the template's definition is copied right after
itself (so name lookup and macros see exactly what the template saw) into a fresh namespace that
binds its parameters: type parameters as typedefs, non-type parameters as constexpr values. The
`template<...>` header is blanked out and the function renamed, so the copy hides no overload of
its original name. `#line` directives keep every location of the copy, and of the rest of the file,
at its original line; the file on disk never changes (the copy is parsed from unsaved files).

Host function templates are copied the same way when they launch kernels with dependent template
arguments: the launches in a host instance's copy name concrete kernel instances (which host templates
those are, and how the host code picks an instance: translator.frontend.host_templates).
"""

from __future__ import annotations

import ctypes
import dataclasses
import functools
import os
import re
import weakref

import clang.cindex as ci

from translator.diagnostics import CutransError, error
from translator.frontend import (cooperative_groups, deduction, discarded, explicit_instances,
                                 host_templates as H, local_headers, tu_index)
from translator.frontend.clang_setup import CompileOptions
from translator.ir.base import SourceLoc

K = ci.CursorKind
_NAMESPACE = "__cutrans_inst_"
PARAM_KINDS = (K.TEMPLATE_TYPE_PARAMETER, K.TEMPLATE_NON_TYPE_PARAMETER, K.TEMPLATE_TEMPLATE_PARAMETER)
_ARG_KINDS = {"TYPE": "type", "INTEGRAL": "value"}
_SCOPE_KINDS = (K.TRANSLATION_UNIT, K.NAMESPACE)
_RECORD_KINDS = (K.STRUCT_DECL, K.CLASS_DECL)
_TYPE_WORDS = {
    "unsigned char": "uchar", "signed char": "schar", "unsigned short": "ushort", "unsigned int": "uint",
    "unsigned long": "ulong", "long long": "longlong", "unsigned long long": "ulonglong",
}
CONFIG_CALLEE = "__cudaPushCallConfiguration"


# ---------------------------------------------------------------- presumed locations

class _Presumed:
    """clang_getPresumedLocation through ctypes: the location as `#line` directives present it."""

    def __init__(self):
        self.fn = ci.conf.lib.clang_getPresumedLocation
        self.fn.argtypes = [ci.SourceLocation, ctypes.POINTER(ci._CXString),
                            ctypes.POINTER(ctypes.c_uint), ctypes.POINTER(ctypes.c_uint)]
        self.fn.restype = None

    def __call__(self, location) -> tuple[str, int, int]:
        name, line, col = ci._CXString(), ctypes.c_uint(), ctypes.c_uint()
        self.fn(location, ctypes.byref(name), ctypes.byref(line), ctypes.byref(col))
        return ci._CXString.from_result(name), line.value, col.value


_presumed = None


def presumed(location) -> tuple[str, int, int]:
    """(file, line, column) of a libclang SourceLocation after `#line` directives."""
    global _presumed
    if _presumed is None:
        _presumed = _Presumed()
    return _presumed(location)


def _fail(cursor, message: str):
    raise CutransError(error("L001", message, *presumed(cursor.location)))


# ---------------------------------------------------------------- instances and their names

@dataclasses.dataclass(frozen=True)
class Binding:
    """One template parameter bound to one argument."""
    name: str            # the parameter's name ('' when it is unnamed: nothing to bind)
    kind: str            # type | value | template
    text: str            # the C++ declaration that binds it inside the copy
    mangled: str         # its part of the instance's name
    shown: str           # how the argument reads in `name<args>`
    argument: str = ""   # the argument as a template argument in generated host code ('' when it has none)
    # (path, offset) of the declarations of the types a type argument names: the copy must come after them
    declared_at: tuple = dataclasses.field(default=(), compare=False)


@dataclasses.dataclass(frozen=True)
class Instance:
    name: str                         # the IR name, e.g. reduce_float_256
    shown: str                        # reduce<float, 256>
    bindings: tuple[Binding, ...]
    template: object = dataclasses.field(compare=False, hash=False)   # FUNCTION_TEMPLATE (or CLASS_TEMPLATE) definition
    explicit: object = dataclasses.field(default=None, compare=False, hash=False)  # `template <>` definition
    member: int = -1     # of a class (template): the method lowered, by its place among the class's members


def template_of(function):
    """The FUNCTION_TEMPLATE that `function` (a FUNCTION_DECL) specializes, or None."""
    if function is None or function.kind != K.FUNCTION_DECL or function.get_num_template_arguments() < 0:
        return None
    tmpl = function.specialized_template
    return tmpl if tmpl is not None and tmpl.kind == K.FUNCTION_TEMPLATE else None


def instance_of(spec, call=None) -> Instance:
    """The instance a specialization cursor asks for; refuses what cannot be monomorphized. `call` (the call
    expression naming it, where there is one) tells the template template arguments, which libclang does not."""
    tmpl = template_of(spec)
    definition = tmpl.get_definition() if tmpl is not None else None
    if definition is None and tmpl is not None and _explicit_definition(spec) is not None:
        definition = tmpl      # only declared: the explicit specializations are all there is (and enough)
    if definition is None:
        _fail(spec, f"function template '{spec.spelling}' has no definition in this translation unit")
    _check_template(definition)
    params = [c for c in definition.get_children() if c.kind in PARAM_KINDS]
    if spec.get_num_template_arguments() != len(params):
        _fail(definition, f"cannot tell the template arguments of '{spec.displayname}'")
    named = iter(_template_arguments(call))
    bindings = tuple(_template_binding(spec, p, next(named, None)) if p.kind == K.TEMPLATE_TEMPLATE_PARAMETER
                     else _binding(spec, i, p) for i, p in enumerate(params))
    name = "_".join([scoped_name(definition) + overload_suffix(definition)] + [b.mangled for b in bindings])
    shown = f"{definition.spelling}<{', '.join(b.shown for b in bindings)}>"
    return Instance(_unclash(name, definition), shown, bindings, definition, _explicit_definition(spec))


def members(record) -> list:
    """A class (template)'s members in the order written, template parameters left out."""
    return [m for m in record.get_children() if m.kind not in PARAM_KINDS]


def method_instance(method, definition, name: str) -> Instance:
    """The instance, named `name`, that lowers `method` of an implicit instance of class template
    `definition` (`SharedMemory<int>::operator int *`): the whole class template is copied with its
    parameters bound, and the method at the same place among the copy's members is the function lowered.
    Only type arguments are bound: libclang reports no value of a non-type argument of a class."""
    _check_template(definition)
    params = [c for c in definition.get_children() if c.kind in PARAM_KINDS]
    rtype = method.semantic_parent.type.get_canonical()
    if rtype.get_num_template_arguments() != len(params):
        _fail(method, f"cannot tell the template arguments of '{rtype.spelling}'")
    args = [rtype.get_template_argument_type(i) for i in range(len(params))]
    for i, (p, arg) in enumerate(zip(params, args)):
        if p.kind != K.TEMPLATE_TYPE_PARAMETER or arg.kind == ci.TypeKind.INVALID:
            _fail(method, f"template argument {i + 1} of '{rtype.spelling}' is not a type; only class templates "
                          f"with type parameters are instantiated in device code")
    pattern = method.specialized_template
    written = members(definition)
    if pattern is None or pattern not in written:
        _fail(method, f"cannot find the definition of '{method.spelling}' in class template '{definition.spelling}'")
    bindings = tuple(_type_binding(p, arg) for p, arg in zip(params, args))
    return Instance(name, rtype.spelling, bindings, definition, member=written.index(pattern))


def member_template_instance(pattern, actuals: list[str], name: str) -> Instance:
    """The instance that lowers member function template `pattern` of a plain struct (a functor's `template <class
    T, class U> R operator()(T &&, U &&) const`) for parameters of the C++ types `actuals`, named `name` and the
    arguments: the struct is copied with the template's parameters bound to the arguments deduced from `actuals`
    (deduction.py) and the template's header blanked, and the method at the same place among the copy's members is
    the function lowered."""
    record = pattern.semantic_parent
    if record is None or record.kind not in _RECORD_KINDS or record.semantic_parent is None or \
            record.semantic_parent.kind not in _SCOPE_KINDS or record.specialized_template is not None:
        _fail(pattern, f"member function template '{pattern.spelling}' is supported in device code only in a struct "
                       f"that is not a template and is declared in a namespace")
    _check_parameters(pattern)
    params = [c for c in pattern.get_children() if c.kind in PARAM_KINDS]
    if any(p.kind != K.TEMPLATE_TYPE_PARAMETER for p in params):
        _fail(pattern, f"member function template '{pattern.spelling}' has a parameter that is not a type; only "
                       f"type parameters are deduced in device code")
    patterns = [a.type.spelling for a in pattern.get_children() if a.kind == K.PARM_DECL]
    bound = deduction.deduce([p.spelling for p in params], patterns, actuals)
    if bound is None or len(patterns) != len(actuals):
        _fail(pattern, f"cannot tell the template arguments of '{pattern.spelling}' called with "
                       f"({', '.join(actuals)}); each template parameter must be the type of a parameter")
    bindings = tuple(Binding(p.spelling, "type", f"typedef {bound[p.spelling]} {p.spelling};",
                             _mangle_type(bound[p.spelling]), bound[p.spelling]) for p in params)
    written = members(record)
    if pattern not in written:
        _fail(pattern, f"cannot find the definition of '{pattern.spelling}' in '{record.spelling}'")
    shown = f"{record.spelling}::{pattern.spelling}<{', '.join(b.shown for b in bindings)}>"
    return Instance("_".join([name] + [b.mangled for b in bindings]), shown, bindings, record,
                    member=written.index(pattern))


def _explicit_definition(spec):
    """The definition of an explicit specialization (`template <> ... f<float>(...) {...}`), or None
    when `spec` is instantiated from the template's body."""
    d = spec.get_definition()
    return d if d is not None and [t.spelling for t in d.get_tokens()][:3] == ["template", "<", ">"] else None


def _check_template(tmpl) -> None:
    if tmpl.semantic_parent is None or tmpl.semantic_parent.kind not in _SCOPE_KINDS:
        _fail(tmpl, f"member function template '{tmpl.spelling}' is not supported in device code")
    _check_parameters(tmpl)


def _check_parameters(tmpl) -> None:
    for p in tmpl.get_children():
        if p.kind in PARAM_KINDS and "..." in (t.spelling for t in p.get_tokens()):
            _fail(p, f"variadic template '{tmpl.spelling}' is not supported")


def _binding(spec, i: int, param) -> Binding:
    kind = _ARG_KINDS.get(spec.get_template_argument_kind(i).name)
    if kind is None or (kind == "value") != (param.kind == K.TEMPLATE_NON_TYPE_PARAMETER):
        _fail(param, f"template argument {i + 1} of '{spec.spelling}' has a kind that is not supported")
    if kind == "type":
        return _type_binding(param, spec.get_template_argument_type(i))
    value, bits = spec.get_template_argument_value(i), spec.get_template_argument_unsigned_value(i)
    if param.type.get_canonical().kind == ci.TypeKind.BOOL:
        value = bits = int(value != 0)        # libclang reads `true` as a 1-bit signed -1
    text = f"constexpr {param.type.spelling} {param.spelling} = static_cast<{param.type.spelling}>({bits}ULL);"
    return Binding(param.spelling, kind, text, f"m{-value}" if value < 0 else str(value), str(value),
                   _value_argument(param, value, bits))


def _template_arguments(call) -> list:
    """The templates that the call `call` names as explicit template arguments (`BlockReduce<SumOp, float>(v)`:
    SumOp), in order: its callee's TEMPLATE_REF children."""
    if call is None:
        return []
    ref = next((k for k in call.walk_preorder() if k.kind == K.DECL_REF_EXPR), None)
    return [k.referenced for k in (ref.get_children() if ref is not None else ()) if k.kind == K.TEMPLATE_REF]


def _template_binding(spec, param, named) -> Binding:
    """Template template parameter `param` bound to the class (or alias) template `named`, by an alias template
    inside the copy: `template <class... A> using Func = ::SumOp<A...>;`."""
    target = _bound_template(named)
    if target is None:
        _fail(param, f"cannot tell the template argument for template template parameter '{param.spelling}' of "
                     f"'{spec.spelling}'; name it explicitly in the call (`f<SumOp, float>(x)`)")
    spelled = "::" + "::".join(_qualified_parts(target))
    return Binding(param.spelling, "template",
                   f"template <class... cutrans_args> using {param.spelling} = {spelled}<cutrans_args...>;",
                   _mangle_type(target.spelling), target.spelling)


def _bound_template(named):
    """The class or alias template that a template argument cursor names: through the alias template that binds
    a template template parameter inside another instance's copy, to what it was bound to."""
    while named is not None and named.kind == K.TYPE_ALIAS_TEMPLATE_DECL and named.semantic_parent is not None \
            and named.semantic_parent.spelling.startswith(_NAMESPACE):
        alias = next((k for k in named.get_children() if k.kind == K.TYPE_ALIAS_DECL), None)
        named = next((k.referenced for k in (alias.walk_preorder() if alias is not None else ())
                      if k.kind == K.TEMPLATE_REF), None)
    return named if named is not None and named.kind in (K.CLASS_TEMPLATE, K.TYPE_ALIAS_TEMPLATE_DECL) else None


def _qualified_parts(cursor) -> list[str]:
    parts, scope = [cursor.spelling], cursor.semantic_parent
    while scope is not None and scope.kind != K.TRANSLATION_UNIT:
        parts.insert(0, scope.spelling)
        scope = scope.semantic_parent
    return parts


def _type_binding(param, arg) -> Binding:
    """Type parameter `param` bound to type `arg` by a typedef inside the copy."""
    spelling = arg.get_canonical().spelling
    return Binding(param.spelling, "type", f"typedef {spelling} {param.spelling};",
                   cooperative_groups.mangled_type(arg) or _mangle_type(spelling), spelling, spelling,
                   tuple(_declarations(arg)))


_WRAPPERS = {"POINTER": "get_pointee", "LVALUEREFERENCE": "get_pointee", "RVALUEREFERENCE": "get_pointee",
             "CONSTANTARRAY": "get_array_element_type", "INCOMPLETEARRAY": "get_array_element_type"}


def _declarations(ctype):
    """(path, offset) of the declaration of each record or enum type that `ctype` names: itself, through
    pointers, references and arrays, and in its template arguments."""
    t = ctype.get_canonical()
    while t.kind.name in _WRAPPERS:
        t = getattr(t, _WRAPPERS[t.kind.name])().get_canonical()
    decl = t.get_declaration()
    if decl is not None and decl.kind != K.NO_DECL_FOUND and decl.location.file is not None:
        yield decl.location.file.name, decl.extent.start.offset
    for i in range(max(t.get_num_template_arguments(), 0)):
        arg = t.get_template_argument_type(i)
        if arg.kind != ci.TypeKind.INVALID:
            yield from _declarations(arg)


def _value_argument(param, value: int, bits: int) -> str:
    """A non-type template argument spelled so that it converts to the parameter's type exactly."""
    ptype = H.tag_parameter_type(param)
    if ptype is None:
        return ""
    if ptype == "bool":
        return "true" if value else "false"
    if param.type.get_canonical().kind in H.SIGNED:
        return str(value)
    return f"{bits}u" if bits < 1 << 32 else f"{bits}ull"


def _mangle_type(spelling: str) -> str:
    words = spelling.replace("*", " ptr ").replace("&", " ref ")
    for long, short in sorted(_TYPE_WORDS.items(), key=lambda kv: -len(kv[0])):
        words = re.sub(rf"\b{long}\b", short, words)
    return "_".join(re.findall(r"[A-Za-z0-9]+", words))


def scoped_name(tmpl) -> str:
    parts, scope = [tmpl.spelling], tmpl.semantic_parent
    while scope is not None and scope.kind == K.NAMESPACE:
        parts.insert(0, scope.spelling or "anon")
        scope = scope.semantic_parent
    return "_".join(parts)


_SCOPES: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()   # tu -> {scope USR: _Scope}


@dataclasses.dataclass
class _Scope:
    """The functions declared directly in one scope (the translation unit or a namespace)."""
    names: set = dataclasses.field(default_factory=set)
    templates: dict = dataclasses.field(default_factory=dict)   # name -> offsets of first declarations


def _scope(cursor) -> _Scope:
    """What `cursor` (a translation unit or namespace) declares; scanned once per translation unit."""
    per_tu = _SCOPES.setdefault(cursor.translation_unit, {})
    key = cursor.get_usr()
    if key not in per_tu:
        scope = per_tu[key] = _Scope()
        for c in cursor.get_children():
            if c.kind in (K.FUNCTION_DECL, K.FUNCTION_TEMPLATE):
                scope.names.add(c.spelling)
            if c.kind == K.FUNCTION_TEMPLATE:
                scope.templates.setdefault(c.spelling, set()).add(c.canonical.extent.start.offset)
    return per_tu[key]


def overload_suffix(tmpl) -> str:
    """Overloaded templates of one name get `_o1`, `_o2`... in order of first declaration."""
    firsts = sorted(_scope(tmpl.semantic_parent).templates.get(tmpl.spelling, ()))
    if len(firsts) < 2:
        return ""
    return f"_o{firsts.index(tmpl.canonical.extent.start.offset) + 1}"


def _unclash(name: str, tmpl) -> str:
    """Append `_t` until `name` names no file-scope function of the translation unit."""
    taken = _scope(tmpl.translation_unit.cursor).names
    while name in taken:
        name += "_t"
    return name


def launch_instance_name(callee) -> str | None:
    """The instance name for a launch's callee expression, or None for a plain kernel (or one refused)."""
    ref = callee.referenced
    if template_of(ref) is None:
        return None
    try:
        return instance_of(ref).name
    except CutransError:
        return None


# ---------------------------------------------------------------- launches in host code

def template_launches(tu, files: list[str]):
    """(the callee's referenced cursor, launch cursor) for every launch in `files` (the main file and its
    own headers) whose kernel is not a plain function, in source order."""
    for cur in (c for path in files for c in tu_index.preorder(tu, path)):
        callee = launch_callee(cur)
        ref = callee.referenced if callee is not None else None
        if callee is not None and (ref is None or ref.kind != K.FUNCTION_DECL or template_of(ref)):
            yield ref, cur


def launched_instance(ref, launch) -> Instance:
    """The instance a launch asks for; refused when its template arguments are still dependent."""
    if template_of(ref) is None:
        overloads = H.overloaded_decls(ref) if ref is not None and ref.kind == K.OVERLOADED_DECL_REF else []
        if overloads and all(d.kind == K.FUNCTION_DECL for d in overloads):
            _fail(launch, f"kernel '{ref.spelling}' is overloaded, and which overload this launch calls depends on "
                          f"template parameters of the enclosing function; launch it where the argument types are "
                          f"known, or make the kernel a template")
        _fail(launch, "this launch's kernel depends on template parameters of the enclosing function, "
              "which is not a function template at namespace scope; launch a specific instantiation instead")
    return instance_of(ref)


def launch_callee(cur):
    if cur.kind != K.CALL_EXPR or cur.spelling == CONFIG_CALLEE:
        return None
    kids = list(cur.get_children())
    if len(kids) > 1 and kids[1].kind == K.CALL_EXPR and kids[1].spelling == CONFIG_CALLEE:
        return kids[0]
    return None


# ---------------------------------------------------------------- the copies, parsed again

@dataclasses.dataclass
class Explicit:
    """A function lowered as it is written: an explicit specialization of a template, or a plain
    kernel that the main file launches and an included header defines."""
    instance: Instance
    cursor: object


@dataclasses.dataclass
class Instantiation:
    """An instance parsed as a plain function: its cursor and how to read its copy."""
    instance: Instance
    cursor: object           # the FUNCTION_DECL inside the instance's namespace
    namespace: str
    name_at: tuple[int, int] # presumed (line, column) of the function's name in the copy
    shift: int               # columns the renaming added after the name on that line

    def is_bound_constant(self, ref) -> bool:
        parent = ref.semantic_parent if ref is not None else None
        lexical = ref.lexical_parent if ref is not None else None      # a block-scope `extern` has the namespace
        return (ref.kind == K.VAR_DECL and parent is not None and parent.kind == K.NAMESPACE   # as its semantic parent
                and parent.spelling == self.namespace and lexical is not None and lexical.kind == K.NAMESPACE)

    def column(self, line: int, col: int) -> int:
        return col - self.shift if (line, col) > self.name_at and line == self.name_at[0] else col


class Instantiator:
    """Parses instances of templates, in batches, from the translation unit their template is in."""

    def __init__(self, tu, options: CompileOptions | None):
        self.main = tu.spelling
        self.args = (options or CompileOptions()).clang_args()
        # without the options `tu` was parsed with, check that the defaults preprocess alike (when a
        # template is first instantiated: reading the predefined macros costs a fifth of a second)
        self.check_fingerprint = options is None
        self.index = ci.Index.create()
        self.files = {id(tu): {}}      # per translation unit: the unsaved file contents it was parsed from
        self.units = [tu]              # keeps every translation unit (and so its cursors) alive
        self.count = 0

    def instantiate(self, instances: list[Instance]) -> list:
        """An Explicit for each explicit specialization; the others parsed together in one new
        translation unit per translation unit their templates are in."""
        groups: dict[int, list[Instance]] = {}
        for inst in instances:
            if inst.explicit is None:
                groups.setdefault(id(inst.template.translation_unit), []).append(inst)
        parsed = {}
        for group in groups.values():
            parsed.update(zip((inst.name for inst in group), self._parse_copies(group)))
        return [Explicit(inst, inst.explicit) if inst.explicit is not None else parsed[inst.name]
                for inst in instances]

    def _parse_copies(self, instances: list[Instance]) -> list[Instantiation]:
        namespaces = []
        for _ in instances:
            self.count += 1
            namespaces.append(f"{_NAMESPACE}{self.count}")
        dropped = {}
        if any(discarded.constexpr_ifs(inst.template) for inst in instances):
            first, files = self._parse_batch(instances, namespaces, {}, strict=False)   # for the conditions
            found = _functions_in_namespaces(first, set(files))
            dropped = {ns: discarded.ranges(inst.template, found[ns])
                       for inst, ns in zip(instances, namespaces) if ns in found}
        new, files = self._parse_batch(instances, namespaces, dropped, strict=True)
        self.files[id(new)] = files
        self.units.append(new)
        found = _functions_in_namespaces(new, set(files))
        return [self._instantiation(inst, ns, found, files) for inst, ns in zip(instances, namespaces)]

    def _parse_batch(self, instances: list[Instance], namespaces: list[str], dropped: dict, strict: bool):
        """A translation unit with a copy of each instance (in namespace `namespaces[i]`, without the
        substatements dropped[namespace] lists), and the unsaved files it was parsed from."""
        files = dict(self.files[id(instances[0].template.translation_unit)])
        edits = {}
        for inst, namespace in zip(instances, namespaces):
            path, offset, text = self._copy(inst, namespace, files, dropped.get(namespace, ()))
            edits.setdefault(path, {}).setdefault(offset, []).append((inst.template, text))
        for path, at in edits.items():
            files[path] = _apply(files[path], at)
        return self._parse(files, instances[0].template, strict), files

    def launched(self, tu, report) -> list:
        """(parsed instance, launch location) for each template kernel instance, and each plain kernel of a
        header, that the host code of the main file of `tu` and of its own headers launches, parsed in one go;
        `report(CutransError)` takes each problem, and its launch is skipped."""
        found = {}
        files = local_headers.program_files(tu, tu.spelling)
        hosts, in_hosts = H.host_templates(tu, files)
        for ref, launch in template_launches(tu, files):
            if template_of(ref) is None and H.launch_key(launch) in in_hosts:
                continue            # its instances are those that the host template's instances launch
            if template_of(ref) is None and H.plain_kernel_overloads(ref, os.path.realpath(tu.spelling)):
                continue            # lowered with the main file's kernels; C++ picks the overload per instance
            try:
                inst = launched_instance(ref, launch)
            except CutransError as exc:
                report(exc)
                continue
            found.setdefault(inst.name, (inst, SourceLoc(*presumed(launch.location))))
        instantiated = set()
        for inst, at in self._host_launches(tu, files, hosts, instantiated, report):
            found.setdefault(inst.name, (inst, at))
        for inst, at in H.header_kernels(tu, files):
            found.setdefault(inst.name, (inst, at))
        for key, launch, host in in_hosts.values():
            if key not in instantiated:
                report(H.unused_host(launch, host))
        pending = list(found.values())
        try:
            parsed = self.instantiate([inst for inst, _ in pending]) if pending else []
            return [(p, at) for p, (_, at) in zip(parsed, pending)]
        except CutransError:
            return self._one_by_one(pending, report)

    def _host_launches(self, tu, files: list[str], hosts: set, instantiated: set, report) -> list:
        """(kernel instance, launch location) for each launch in the instances of the host templates
        `hosts` that `files` ask for, found by parsing copies of those instances, batch by batch
        (an instance may ask for instances of other host templates). Each kernel instance is entered
        in H.generic_instances(tu) too; `instantiated` gets the keys of the host templates parsed."""
        if not hosts:
            return []
        table, seen, results = H.generic_instances(tu), set(), []
        calls = [c for path in files for c in H.calls_in_file(tu, path)] + self._explicit(tu, files)
        pending = self._wanted_hosts(calls, hosts, seen, report)
        while pending:
            parsed = self._instantiate_reporting(pending, report)
            pending = []
            for p in (p for p in parsed if isinstance(p, Instantiation)):
                instantiated.add(H.template_key(p.instance.template))
                for launch in (c for c in H.calls_in(p.cursor) if launch_callee(c) is not None):
                    self._host_launch(launch, table, results, report)
                others = (c for c in H.calls_in(p.cursor) if launch_callee(c) is None)
                pending += self._wanted_hosts(others, hosts, seen, report)
        return results

    def _explicit(self, tu, files: list[str]) -> list:
        """A cursor naming the specialization for each explicit instantiation definition of a function template
        in `files` that clang resolves, from one parse of the files with a probe after each (explicit_instances)."""
        written = []
        for path in files:
            written += explicit_instances.written(tu, path, len(written))
        if not written:
            return []
        texts = dict(self.files[id(tu)])
        for path in dict.fromkeys(w.path for w in written):
            texts[path] = _apply(_source(texts, path), {w.end: [(None, w.probe)] for w in written if w.path == path})
        probed = self._parse(texts, tu.cursor, strict=False)
        self.files[id(probed)] = texts
        self.units.append(probed)
        return explicit_instances.specializations(probed, set(texts))

    def _instantiate_reporting(self, instances: list[Instance], report) -> list:
        """The instances parsed together, or one by one when that fails (reporting each failure)."""
        try:
            return self.instantiate(instances)
        except CutransError:
            return [p for p, _ in self._one_by_one([(inst, None) for inst in instances], report)]

    def _host_launch(self, launch, table: dict, results: list, report) -> None:
        ref = launch_callee(launch).referenced
        if template_of(ref) is None:
            return                                         # a plain kernel: lowered as it is
        try:
            inst = self._original(instance_of(ref))
        except CutransError as exc:
            report(exc)
            return
        table.setdefault(H.generic_name(inst.template), {})[inst.name] = H.tag_arguments(inst)
        results.append((inst, SourceLoc(*presumed(launch.location))))

    def _wanted_hosts(self, calls, hosts: set, seen: set, report) -> list[Instance]:
        """The instances of host templates in `hosts` that `calls` ask for and that are not in `seen`."""
        wanted = []
        for call in calls:
            tmpl = template_of(call.referenced)
            if tmpl is None or H.template_key(tmpl) not in hosts:
                continue
            try:
                inst = self._original(instance_of(call.referenced))
            except CutransError as exc:
                report(exc)
                continue
            if inst.name not in seen and inst.explicit is None:
                seen.add(inst.name)
                wanted.append(inst)
        return wanted

    def _original(self, inst: Instance) -> Instance:
        """`inst` with its template's cursor taken from the translation unit the file was parsed into
        first (so copies are made from the file as it is, and parsed together), when it is found there."""
        tu = self.units[0]
        if inst.template.translation_unit is tu:
            return inst
        path, line, col = presumed(inst.template.location)
        f = tu.get_file(path)
        c = ci.Cursor.from_location(tu, ci.SourceLocation.from_position(tu, f, line, col)) if f else None
        c = template_of(c) or c           # an explicit instantiation's declaration sits at the template's name
        if c is not None and c.kind == K.FUNCTION_TEMPLATE and c.spelling == inst.template.spelling:
            return dataclasses.replace(inst, template=c.get_definition() or c)
        return inst

    def _one_by_one(self, pending: list, report) -> list:
        """Parse instances one at a time, so that each problem is reported alone."""
        results = []
        for inst, at in pending:
            try:
                results.append((self.instantiate([inst])[0], at))
            except CutransError as exc:
                report(exc)
        return results

    def _copy(self, inst: Instance, namespace: str, files: dict, dropped) -> tuple[str, int, bytes]:
        tmpl = inst.template
        path = tmpl.extent.start.file.name if tmpl.extent.start.file else ""
        text = _null_statements(_source(files, path), dropped)
        start, end = tmpl.extent.start.offset, tmpl.extent.end.offset
        name_at = tmpl.location.offset
        if tmpl.location.file is None or tmpl.location.file.name != path or \
                text[name_at:name_at + len(tmpl.spelling)] != tmpl.spelling.encode():
            _fail(tmpl, f"template '{tmpl.spelling}' is written through a macro; it cannot be instantiated")
        if tmpl.kind in _RECORD_KINDS:        # a plain struct copied for one of its member templates: that one's
            member = members(tmpl)[inst.member]      # header goes, the struct's name is the only one changed
            member_header = _header_end(member)
            text = text[:member.extent.start.offset] + _blank(text[member.extent.start.offset:member_header]) + \
                text[member_header:]
            header = start
        else:
            header = _header_end(tmpl)
        body = (b" " * (tmpl.extent.start.column - 1) + _blank(text[start:header]) + text[header:name_at]
                + _copy_name(namespace, tmpl.spelling).encode() + text[name_at + len(tmpl.spelling):end])
        first = presumed(tmpl.extent.start)
        # a class ends at its `;`: the copy goes after it, and has its own
        if tmpl.kind in (K.CLASS_TEMPLATE, *_RECORD_KINDS):
            if re.match(rb"\s*;", text[end:]) is None:
                _fail(tmpl, f"class '{tmpl.spelling}' does not end with ';' where libclang says it ends")
            body += b";"
        anchor = _last_declaring(tmpl, inst, path) or tmpl
        end, after = _past_semicolon(text, anchor.extent.end.offset, presumed(anchor.extent.end))
        bindings = " ".join(b.text for b in inst.bindings if b.name)
        copy = (f"\nnamespace {namespace} {{ {bindings}\n{_line(first[1], first[0])}".encode() + body
                + f"\n}}\n{_line(after[1], after[0])}".encode() + b" " * (after[2] - 1))
        return path, end, copy

    @functools.cached_property
    def fingerprint(self) -> tuple:
        return _fingerprint(self.units[0])

    def _parse(self, files: dict, tmpl, strict: bool = True):
        unsaved = sorted(files.items())
        try:
            tu = self.index.parse(self.main, args=self.args, unsaved_files=unsaved,
                                  options=ci.TranslationUnit.PARSE_DETAILED_PROCESSING_RECORD)
        except ci.TranslationUnitLoadError as exc:
            _fail(tmpl, f"libclang failed to parse an instance of '{tmpl.spelling}': {exc}")
        if self.check_fingerprint and _fingerprint(tu) != self.fingerprint:
            _fail(tmpl, f"cannot instantiate '{tmpl.spelling}': the file was parsed with compiler options "
                  "that were not passed on to the template instantiation")
        bad = [d for d in tu.diagnostics if d.severity >= ci.Diagnostic.Error]
        if bad and strict:
            _fail(tmpl, f"an instance of '{tmpl.spelling}' does not compile as a plain function: {bad[0].spelling}")
        return tu

    def _instantiation(self, inst: Instance, namespace: str, found: dict, files: dict) -> Instantiation:
        cursor = found.get(namespace)
        if cursor is None:
            _fail(inst.template, f"the copy of '{inst.shown}' was not found after parsing it")
        _, line, col = presumed(cursor.location)        # the renamed name: of the function, or of the class
        if inst.member >= 0:
            cursor = members(cursor)[inst.member]
        return Instantiation(inst, cursor, namespace, (line, col),
                             len(_copy_name(namespace, inst.template.spelling)) - len(inst.template.spelling))


def _last_declaring(tmpl, inst: Instance, path: str):
    """The declaration beside the template (in its scope, in its file) that is the last to declare a type the
    instance's arguments name, when that comes after the template (graphB+'s `swap<EdgeInfo>`, with EdgeInfo
    declared below swap): the copy goes after it, where a typedef of the argument compiles. None otherwise."""
    after = [offset for b in inst.bindings for where, offset in b.declared_at
             if where == path and offset > tmpl.extent.end.offset]
    if not after or tmpl.lexical_parent is None:
        return None
    siblings = [s for s in tmpl.lexical_parent.get_children()
                if s.extent.start.file is not None and s.extent.start.file.name == path]
    holding = [s for s in siblings for offset in after if s.extent.start.offset <= offset < s.extent.end.offset]
    return max(holding, key=lambda s: s.extent.end.offset, default=None)


def _past_semicolon(text: bytes, end: int, at: tuple) -> tuple[int, tuple]:
    """The offset after a declaration that ends at `end` (presumed location `at`), past the `;` that ends a class
    (libclang's extent stops before it), and the presumed location there."""
    semicolon = re.match(rb"\s*;", text[end:])
    if semicolon is None:
        return end, at
    skipped = text[end:end + semicolon.end()]
    lines = skipped.count(b"\n")
    return end + semicolon.end(), (at[0], at[1] + lines,
                                   len(skipped) - skipped.rindex(b"\n") if lines else at[2] + len(skipped))


def _fingerprint(tu) -> tuple:
    """What preprocessing depends on besides the file's text: predefined and command-line macros
    (with their values) and the files included."""
    macros = tuple((c.spelling, tuple(t.spelling for t in c.get_tokens())) for c in tu_index.top_level(tu, None)
                   if c.kind == K.MACRO_DEFINITION)
    return macros, tuple(sorted(i.include.name for i in tu.get_includes()))


def _copy_name(namespace: str, name: str) -> str:
    return f"{namespace}_{name}"


def _line(line: int, path: str) -> str:
    quoted = path.replace("\\", "\\\\").replace('"', '\\"')
    return f'#line {line} "{quoted}"\n'


def _source(files: dict, path: str) -> bytes:
    """The text of file `path` as a parse sees it: its unsaved contents in `files` (read into it first)."""
    if path not in files:
        with open(path, "rb") as f:
            files[path] = f.read()
    return files[path]


def _blank(text: bytes) -> bytes:
    return bytes(b if b in b"\r\n" else 0x20 for b in text)


def _null_statements(text: bytes, dropped) -> bytes:
    """`text` with each substatement in `dropped` (byte ranges) made a null statement of its length and lines:
    `;`, or `0` where the statement's own `;` follows its range (an expression or a return)."""
    for start, end in sorted(dropped, reverse=True):
        null = b"0" if text[end:].lstrip()[:1] == b";" else b";"
        text = text[:start] + null + _blank(text[start + 1:end]) + text[end:]
    return text


def _header_end(tmpl) -> int:
    """Offset just after the `>` that closes the template's parameter list."""
    angles = parens = 0
    for tok in tmpl.get_tokens():
        s = tok.spelling
        parens += (s in "([{") - (s in ")]}") if len(s) == 1 else 0
        if parens == 0 and s == "<":
            angles += 1
        elif parens == 0 and s in (">", ">>"):
            angles -= len(s)
            if angles <= 0:
                return tok.extent.end.offset
    _fail(tmpl, f"cannot find the end of the template header of '{tmpl.spelling}'")


def _apply(text: bytes, at: dict) -> bytes:
    """Insert each offset's copies (in request order) into `text`, from the back."""
    for offset in sorted(at, reverse=True):
        text = text[:offset] + b"".join(copy for _, copy in at[offset]) + text[offset:]
    return text


def _functions_in_namespaces(tu, paths: set) -> dict:
    """namespace name -> the function (or class) declared in it, for every instance namespace in `paths`."""
    found, todo = {}, [c for path in paths for c in tu_index.top_level(tu, path) if c.kind == K.NAMESPACE]
    while todo:
        ns = todo.pop()
        for c in ns.get_children():
            if c.kind == K.NAMESPACE:
                todo.append(c)
            elif c.kind in (K.FUNCTION_DECL, K.STRUCT_DECL, K.CLASS_DECL) and ns.spelling.startswith(_NAMESPACE):
                found[ns.spelling] = c
    return found
