"""Constant expressions evaluated by clang: clang_Cursor_Evaluate through ctypes (the Python binding does
not wrap it)."""

from __future__ import annotations

import ctypes

import clang.cindex as ci


class _Eval:
    """The value of an expression cursor (int or float), or None when clang cannot evaluate it."""

    def __init__(self):
        lib = ci.conf.lib
        lib.clang_Cursor_Evaluate.restype = ctypes.c_void_p
        lib.clang_Cursor_Evaluate.argtypes = [ci.Cursor]
        lib.clang_EvalResult_getKind.argtypes = [ctypes.c_void_p]
        lib.clang_EvalResult_getAsLongLong.restype = ctypes.c_longlong
        lib.clang_EvalResult_getAsLongLong.argtypes = [ctypes.c_void_p]
        lib.clang_EvalResult_isUnsignedInt.argtypes = [ctypes.c_void_p]
        lib.clang_EvalResult_getAsUnsigned.restype = ctypes.c_ulonglong
        lib.clang_EvalResult_getAsUnsigned.argtypes = [ctypes.c_void_p]
        lib.clang_EvalResult_getAsDouble.restype = ctypes.c_double
        lib.clang_EvalResult_getAsDouble.argtypes = [ctypes.c_void_p]
        lib.clang_EvalResult_dispose.argtypes = [ctypes.c_void_p]
        self.lib = lib

    def __call__(self, cursor):
        lib = self.lib
        res = lib.clang_Cursor_Evaluate(cursor)
        if not res:
            return None
        try:
            kind = lib.clang_EvalResult_getKind(res)
            if kind == 1:  # CXEval_Int
                if lib.clang_EvalResult_isUnsignedInt(res):
                    return int(lib.clang_EvalResult_getAsUnsigned(res))
                return int(lib.clang_EvalResult_getAsLongLong(res))
            if kind == 2:  # CXEval_Float
                return float(lib.clang_EvalResult_getAsDouble(res))
            return None
        finally:
            lib.clang_EvalResult_dispose(res)


_evaluate = None


def evaluate(cursor) -> int | float | None:
    global _evaluate
    if _evaluate is None:
        _evaluate = _Eval()
    return _evaluate(cursor)
