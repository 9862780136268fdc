"""The emulation's compiler is probed for the contraction that CUEMU_FMAD asks of it
(translator.verify.reference.contraction_note)."""

import glob

import pytest

from translator.verify import reference


def test_the_emulations_compiler_is_probed_for_contraction(monkeypatch):
    """An H200 machine's g++ left the emulation's optimize("fp-contract=fast") without effect: the probe
    must say so rather than let the reference silently round twice. clang ignores that attribute too."""
    clang = next(iter(sorted(glob.glob("/usr/lib/llvm-*/bin/clang++"))), None)
    if clang is None or not reference.contraction_flags(True):
        pytest.skip("needs clang++ and a processor with FMA")
    reference.contraction_note.cache_clear()
    assert reference.contraction_note() == ""                      # GCC honours the attribute
    monkeypatch.setenv("CXX", clang)
    reference.contraction_note.cache_clear()
    try:
        assert "does not contract device code" in reference.contraction_note()
    finally:
        reference.contraction_note.cache_clear()
