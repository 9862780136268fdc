# generated — do not edit; edit translator/ir/nodes.spec and run `make generate`
"""IR node classes (see nodes.spec)."""

from __future__ import annotations

from translator.ir.base import Expr, Node, Stmt, SourceLoc  # noqa: F401



class Module(Node):
    __slots__ = ('name', 'globals', 'functions')
    _fields = (('name', 'attr'), ('globals', 'list'), ('functions', 'list'))

    def __init__(self, name, globals, functions, loc: SourceLoc | None = None):
        self.name = name
        self.globals = list(globals)
        self.functions = list(functions)
        self.loc = loc


class Function(Node):
    __slots__ = ('name', 'kind', 'ret', 'params', 'body', 'max_threads', 'host_name')
    _fields = (('name', 'attr'), ('kind', 'attr'), ('ret', 'attr'), ('params', 'list'), ('body', 'child'), ('max_threads', 'attr'), ('host_name', 'attr'))

    def __init__(self, name, kind, ret, params, body, max_threads=None, host_name=None, loc: SourceLoc | None = None):
        self.name = name
        self.kind = kind
        self.ret = ret
        self.params = list(params)
        self.body = body
        self.max_threads = max_threads
        self.host_name = host_name
        self.loc = loc


class Param(Node):
    __slots__ = ('name', 'type', 'host_type')
    _fields = (('name', 'attr'), ('type', 'attr'), ('host_type', 'attr'))

    def __init__(self, name, type, host_type=None, loc: SourceLoc | None = None):
        self.name = name
        self.type = type
        self.host_type = host_type
        self.loc = loc


class GlobalVar(Node):
    __slots__ = ('name', 'type', 'space', 'init', 'host')
    _fields = (('name', 'attr'), ('type', 'attr'), ('space', 'attr'), ('init', 'child'), ('host', 'attr'))

    def __init__(self, name, type, space, init, host=None, loc: SourceLoc | None = None):
        self.name = name
        self.type = type
        self.space = space
        self.init = init
        self.host = host
        self.loc = loc


class Block(Stmt):
    __slots__ = ('stmts',)
    _fields = (('stmts', 'list'),)

    def __init__(self, stmts, loc: SourceLoc | None = None):
        self.stmts = list(stmts)
        self.loc = loc


class VarDecl(Stmt):
    __slots__ = ('name', 'type', 'space', 'init')
    _fields = (('name', 'attr'), ('type', 'attr'), ('space', 'attr'), ('init', 'child'))

    def __init__(self, name, type, space, init, loc: SourceLoc | None = None):
        self.name = name
        self.type = type
        self.space = space
        self.init = init
        self.loc = loc


class ExprStmt(Stmt):
    __slots__ = ('expr',)
    _fields = (('expr', 'child'),)

    def __init__(self, expr, loc: SourceLoc | None = None):
        self.expr = expr
        self.loc = loc


class If(Stmt):
    __slots__ = ('cond', 'then', 'orelse')
    _fields = (('cond', 'child'), ('then', 'child'), ('orelse', 'child'))

    def __init__(self, cond, then, orelse, loc: SourceLoc | None = None):
        self.cond = cond
        self.then = then
        self.orelse = orelse
        self.loc = loc


class For(Stmt):
    __slots__ = ('init', 'cond', 'step', 'body', 'unroll')
    _fields = (('init', 'child'), ('cond', 'child'), ('step', 'child'), ('body', 'child'), ('unroll', 'attr'))

    def __init__(self, init, cond, step, body, unroll=None, loc: SourceLoc | None = None):
        self.init = init
        self.cond = cond
        self.step = step
        self.body = body
        self.unroll = unroll
        self.loc = loc


class While(Stmt):
    __slots__ = ('cond', 'body')
    _fields = (('cond', 'child'), ('body', 'child'))

    def __init__(self, cond, body, loc: SourceLoc | None = None):
        self.cond = cond
        self.body = body
        self.loc = loc


class DoWhile(Stmt):
    __slots__ = ('body', 'cond')
    _fields = (('body', 'child'), ('cond', 'child'))

    def __init__(self, body, cond, loc: SourceLoc | None = None):
        self.body = body
        self.cond = cond
        self.loc = loc


class Switch(Stmt):
    __slots__ = ('cond', 'body')
    _fields = (('cond', 'child'), ('body', 'child'))

    def __init__(self, cond, body, loc: SourceLoc | None = None):
        self.cond = cond
        self.body = body
        self.loc = loc


class Case(Stmt):
    __slots__ = ('value',)
    _fields = (('value', 'attr'),)

    def __init__(self, value, loc: SourceLoc | None = None):
        self.value = value
        self.loc = loc


class Default(Stmt):
    __slots__ = ()
    _fields = ()

    def __init__(self, loc: SourceLoc | None = None):
        self.loc = loc


class Return(Stmt):
    __slots__ = ('value',)
    _fields = (('value', 'child'),)

    def __init__(self, value, loc: SourceLoc | None = None):
        self.value = value
        self.loc = loc


class Break(Stmt):
    __slots__ = ()
    _fields = ()

    def __init__(self, loc: SourceLoc | None = None):
        self.loc = loc


class Continue(Stmt):
    __slots__ = ()
    _fields = ()

    def __init__(self, loc: SourceLoc | None = None):
        self.loc = loc


class Barrier(Stmt):
    __slots__ = ('scope',)
    _fields = (('scope', 'attr'),)

    def __init__(self, scope, loc: SourceLoc | None = None):
        self.scope = scope
        self.loc = loc


class Fence(Stmt):
    __slots__ = ('scope',)
    _fields = (('scope', 'attr'),)

    def __init__(self, scope, loc: SourceLoc | None = None):
        self.scope = scope
        self.loc = loc


class IntLit(Expr):
    __slots__ = ('value', 'type')
    _fields = (('value', 'attr'),)

    def __init__(self, value, type, loc: SourceLoc | None = None):
        self.value = value
        self.type = type
        self.loc = loc


class FloatLit(Expr):
    __slots__ = ('value', 'text', 'type')
    _fields = (('value', 'attr'), ('text', 'attr'))

    def __init__(self, value, text, type, loc: SourceLoc | None = None):
        self.value = value
        self.text = text
        self.type = type
        self.loc = loc


class BoolLit(Expr):
    __slots__ = ('value', 'type')
    _fields = (('value', 'attr'),)

    def __init__(self, value, type, loc: SourceLoc | None = None):
        self.value = value
        self.type = type
        self.loc = loc


class VarRef(Expr):
    __slots__ = ('name', 'type')
    _fields = (('name', 'attr'),)

    def __init__(self, name, type, loc: SourceLoc | None = None):
        self.name = name
        self.type = type
        self.loc = loc


class SpecialReg(Expr):
    __slots__ = ('reg', 'dim', 'type')
    _fields = (('reg', 'attr'), ('dim', 'attr'))

    def __init__(self, reg, dim, type, loc: SourceLoc | None = None):
        self.reg = reg
        self.dim = dim
        self.type = type
        self.loc = loc


class BinOp(Expr):
    __slots__ = ('op', 'lhs', 'rhs', 'type')
    _fields = (('op', 'attr'), ('lhs', 'child'), ('rhs', 'child'))

    def __init__(self, op, lhs, rhs, type, loc: SourceLoc | None = None):
        self.op = op
        self.lhs = lhs
        self.rhs = rhs
        self.type = type
        self.loc = loc


class UnOp(Expr):
    __slots__ = ('op', 'operand', 'type')
    _fields = (('op', 'attr'), ('operand', 'child'))

    def __init__(self, op, operand, type, loc: SourceLoc | None = None):
        self.op = op
        self.operand = operand
        self.type = type
        self.loc = loc


class Assign(Expr):
    __slots__ = ('op', 'target', 'value', 'type')
    _fields = (('op', 'attr'), ('target', 'child'), ('value', 'child'))

    def __init__(self, op, target, value, type, loc: SourceLoc | None = None):
        self.op = op
        self.target = target
        self.value = value
        self.type = type
        self.loc = loc


class Conditional(Expr):
    __slots__ = ('cond', 'then', 'orelse', 'type')
    _fields = (('cond', 'child'), ('then', 'child'), ('orelse', 'child'))

    def __init__(self, cond, then, orelse, type, loc: SourceLoc | None = None):
        self.cond = cond
        self.then = then
        self.orelse = orelse
        self.type = type
        self.loc = loc


class Call(Expr):
    __slots__ = ('func', 'args', 'type')
    _fields = (('func', 'attr'), ('args', 'list'))

    def __init__(self, func, args, type, loc: SourceLoc | None = None):
        self.func = func
        self.args = list(args)
        self.type = type
        self.loc = loc


class MathCall(Expr):
    __slots__ = ('func', 'precision', 'args', 'type')
    _fields = (('func', 'attr'), ('precision', 'attr'), ('args', 'list'))

    def __init__(self, func, precision, args, type, loc: SourceLoc | None = None):
        self.func = func
        self.precision = precision
        self.args = list(args)
        self.type = type
        self.loc = loc


class Atomic(Expr):
    __slots__ = ('op', 'args', 'type')
    _fields = (('op', 'attr'), ('args', 'list'))

    def __init__(self, op, args, type, loc: SourceLoc | None = None):
        self.op = op
        self.args = list(args)
        self.type = type
        self.loc = loc


class WarpOp(Expr):
    __slots__ = ('op', 'args', 'type')
    _fields = (('op', 'attr'), ('args', 'list'))

    def __init__(self, op, args, type, loc: SourceLoc | None = None):
        self.op = op
        self.args = list(args)
        self.type = type
        self.loc = loc


class Index(Expr):
    __slots__ = ('base', 'index', 'type')
    _fields = (('base', 'child'), ('index', 'child'))

    def __init__(self, base, index, type, loc: SourceLoc | None = None):
        self.base = base
        self.index = index
        self.type = type
        self.loc = loc


class Member(Expr):
    __slots__ = ('base', 'field', 'type')
    _fields = (('base', 'child'), ('field', 'attr'))

    def __init__(self, base, field, type, loc: SourceLoc | None = None):
        self.base = base
        self.field = field
        self.type = type
        self.loc = loc


class Cast(Expr):
    __slots__ = ('value', 'implicit', 'type')
    _fields = (('value', 'child'), ('implicit', 'attr'))

    def __init__(self, value, implicit, type, loc: SourceLoc | None = None):
        self.value = value
        self.implicit = implicit
        self.type = type
        self.loc = loc


class InitList(Expr):
    __slots__ = ('items', 'type')
    _fields = (('items', 'list'),)

    def __init__(self, items, type, loc: SourceLoc | None = None):
        self.items = list(items)
        self.type = type
        self.loc = loc


class StrLit(Expr):
    __slots__ = ('value', 'type')
    _fields = (('value', 'attr'),)

    def __init__(self, value, type, loc: SourceLoc | None = None):
        self.value = value
        self.type = type
        self.loc = loc


class Printf(Expr):
    __slots__ = ('format', 'args', 'type')
    _fields = (('format', 'child'), ('args', 'list'))

    def __init__(self, format, args, type, loc: SourceLoc | None = None):
        self.format = format
        self.args = list(args)
        self.type = type
        self.loc = loc


class MatrixOp(Expr):
    __slots__ = ('op', 'frags', 'layout', 'args', 'type')
    _fields = (('op', 'attr'), ('frags', 'attr'), ('layout', 'attr'), ('args', 'list'))

    def __init__(self, op, frags, layout, args, type, loc: SourceLoc | None = None):
        self.op = op
        self.frags = frags
        self.layout = layout
        self.args = list(args)
        self.type = type
        self.loc = loc


ALL = ('Module', 'Function', 'Param', 'GlobalVar', 'Block', 'VarDecl', 'ExprStmt', 'If', 'For', 'While', 'DoWhile', 'Switch', 'Case', 'Default', 'Return', 'Break', 'Continue', 'Barrier', 'Fence', 'IntLit', 'FloatLit', 'BoolLit', 'VarRef', 'SpecialReg', 'BinOp', 'UnOp', 'Assign', 'Conditional', 'Call', 'MathCall', 'Atomic', 'WarpOp', 'Index', 'Member', 'Cast', 'InitList', 'StrLit', 'Printf', 'MatrixOp',)
