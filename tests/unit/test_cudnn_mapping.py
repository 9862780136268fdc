"""cuDNN -> MIOpen (translator/mappings/cudnn.toml): a name is renamed only onto a MIOpen call with the same
arguments meaning the same things; every other name is M001 and its record says why.

test_library_mappings.py uses every record of the table; this file pins the decisions a plausible-looking
rename would get wrong."""

from __future__ import annotations

import re

from translator import mappings
from translator.mappings import TABLE_DIR

_RECORD = re.compile(r'^("?[\w./]+"?) = \{')


def _table() -> dict[str, mappings.Record]:
    return {r.name: r for r in mappings.load_table("cudnn")}


def test_every_name_miopen_lacks_has_its_reason_above_it():
    lines = (TABLE_DIR / "cudnn.toml").read_text(encoding="utf-8").splitlines()
    table = _table()
    unexplained = []
    for above, line in zip(lines, lines[1:]):
        match = _RECORD.match(line)
        if match and table[match.group(1).strip('"')].flag("hip") == "unsupported":
            if not (above.startswith("# M001: ") and len(above) > len("# M001: ") + 10):
                unexplained.append(match.group(1))
    assert unexplained == []


def test_calls_whose_miopen_counterpart_takes_other_arguments_are_not_renamed():
    """Each has a MIOpen function of a similar name whose argument list differs (a format or NaN option
    missing, the mode or the workspace moved, a find step required): a rename would compile and be wrong."""
    table = _table()
    differ = ["cudnnSetTensor4dDescriptor", "cudnnSetFilter4dDescriptor", "cudnnSetConvolution2dDescriptor",
              "cudnnConvolutionForward", "cudnnConvolutionBackwardData", "cudnnConvolutionBackwardFilter",
              "cudnnGetConvolutionForwardWorkspaceSize", "cudnnFindConvolutionForwardAlgorithm",
              "cudnnSetPooling2dDescriptor", "cudnnPoolingForward", "cudnnSetActivationDescriptor",
              "cudnnSoftmaxForward", "cudnnSoftmaxBackward", "cudnnSetLRNDescriptor", "cudnnLRNCrossChannelForward",
              "cudnnSetDropoutDescriptor", "cudnnDropoutForward", "cudnnRNNBackwardWeights", "cudnnGetVersion",
              "cudnnAddTensor", "cudnnGetTensorNdDescriptor"]
    assert [name for name in differ if table[name].flag("hip") != "unsupported"] == []


def test_calls_with_miopens_argument_list_are_renamed():
    table = _table()
    same = {"cudnnSetTensorNdDescriptor": "miopenSetTensorDescriptor",
            "cudnnGetTensor4dDescriptor": "miopenGet4dTensorDescriptor",
            "cudnnCreateFilterDescriptor": "miopenCreateTensorDescriptor",
            "cudnnGetConvolution2dForwardOutputDim": "miopenGetConvolutionForwardOutputDim",
            "cudnnActivationForward": "miopenActivationForward",
            "cudnnBatchNormalizationForwardTraining": "miopenBatchNormalizationForwardTraining",
            "cudnnRNNForwardTraining": "miopenRNNForwardTraining"}
    assert {name: table[name].hip for name in same} == same


def test_only_cross_correlation_is_miopens_convolution():
    """MIOpen's miopenConvolution is cross-correlation; cuDNN's CUDNN_CONVOLUTION flips the filter."""
    table = _table()
    assert table["CUDNN_CROSS_CORRELATION"].hip == "miopenConvolution"
    assert table["CUDNN_CONVOLUTION"].flag("hip") == "unsupported"


def test_cudnn_programs_link_cudnn_and_include_miopen():
    assert mappings.cuda_link_libraries("#include <cudnn.h>\n") == ["cudnn"]
    assert mappings.header("cudnn.h").hip == "miopen/miopen.h"
