"""cuDNN -> MIOpen (translator/mappings/cudnn.toml): a name is renamed only onto a MIOpen call with the same
arguments meaning the same things; every other name is M001 and its record says why.

test_library_mappings.py uses every record of the table; this file pins the decisions a plausible-looking
rename would get wrong."""

from __future__ import annotations


from translator import mappings
from translator.diagnostics import CutransError
from translator.driver import convert_unit, load_unit



def _table() -> dict[str, mappings.Record]:
    return {r.name: r for r in mappings.load_table("cudnn")}


def test_every_name_miopen_lacks_has_its_reason(tmp_path):
    """Each name HIP lacks says why in its hip_note, and the M001 error on it prints that reason."""
    unexplained = [r.name for r in _table().values() if r.flag("hip") == "unsupported" and len(r.hip_note) < 10]
    assert unexplained == []
    source = tmp_path / "conv.cu"
    source.write_text("#include <cudnn.h>\nvoid f(cudnnHandle_t h) { cudnnSoftmaxForward(h, CUDNN_SOFTMAX_ACCURATE, "
                      "CUDNN_SOFTMAX_MODE_INSTANCE, 0, 0, 0, 0, 0, 0); }\n")
    try:
        _, diags = convert_unit(load_unit(str(source)), "hip")
    except CutransError as exc:
        diags = exc.diagnostics
    m001 = [d.message for d in diags if d.code == "M001" and "cudnnSoftmaxForward" in d.message]
    assert m001 == ["'cudnnSoftmaxForward' (cuDNN) has no equivalent on the hip target: miopenSoftmaxForward_V2 takes "
                    "the algorithm and mode last, not second and third"]


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
