/* Stand-in for cuDNN's <cudnn.h> (parsing only): the names of translator/mappings/cudnn.toml, declared so that
 * libclang parses programs that use cuDNN without a CUDA toolkit or cuDNN. Nothing here is compiled into a
 * program. Enumerator values are not cuDNN's: code never sees them, as the translation keeps the names. */
#ifndef CUTRANS_STANDIN_CUDNN_H
#define CUTRANS_STANDIN_CUDNN_H
#include <cuda_runtime.h>
/* Library functions are declared variadic: cutrans only renames them, and the target compiler
 * checks each call against the real library's header. */
#define CUDNN_BN_MIN_EPSILON 1e-5

typedef struct cudnnContext *cudnnHandle_t;
typedef struct cudnnTensorStruct *cudnnTensorDescriptor_t;
typedef struct cudnnFilterStruct *cudnnFilterDescriptor_t;
typedef struct cudnnConvolutionStruct *cudnnConvolutionDescriptor_t;
typedef struct cudnnPoolingStruct *cudnnPoolingDescriptor_t;
typedef struct cudnnActivationStruct *cudnnActivationDescriptor_t;
typedef struct cudnnLRNStruct *cudnnLRNDescriptor_t;
typedef struct cudnnOpTensorStruct *cudnnOpTensorDescriptor_t;
typedef struct cudnnDropoutStruct *cudnnDropoutDescriptor_t;
typedef struct cudnnRNNStruct *cudnnRNNDescriptor_t;
typedef enum {
    CUDNN_STATUS_ALLOC_FAILED = 0,
    CUDNN_STATUS_ARCH_MISMATCH = 1,
    CUDNN_STATUS_BAD_PARAM = 2,
    CUDNN_STATUS_EXECUTION_FAILED = 3,
    CUDNN_STATUS_INTERNAL_ERROR = 4,
    CUDNN_STATUS_INVALID_VALUE = 5,
    CUDNN_STATUS_LICENSE_ERROR = 6,
    CUDNN_STATUS_MAPPING_ERROR = 7,
    CUDNN_STATUS_NOT_INITIALIZED = 8,
    CUDNN_STATUS_NOT_SUPPORTED = 9,
    CUDNN_STATUS_RUNTIME_PREREQUISITE_MISSING = 10,
    CUDNN_STATUS_SUCCESS = 11,
    CUDNN_STATUS_VERSION_MISMATCH = 12
} cudnnStatus_t;
typedef enum {
    CUDNN_DATA_BFLOAT16 = 0,
    CUDNN_DATA_DOUBLE = 1,
    CUDNN_DATA_FLOAT = 2,
    CUDNN_DATA_HALF = 3,
    CUDNN_DATA_INT32 = 4,
    CUDNN_DATA_INT64 = 5,
    CUDNN_DATA_INT8 = 6,
    CUDNN_DATA_INT8x4 = 7,
    CUDNN_DATA_UINT8 = 8
} cudnnDataType_t;
typedef enum {
    CUDNN_TENSOR_NCHW = 0,
    CUDNN_TENSOR_NCHW_VECT_C = 1,
    CUDNN_TENSOR_NHWC = 2
} cudnnTensorFormat_t;
typedef enum {
    CUDNN_DEFAULT_MATH = 0,
    CUDNN_TENSOR_OP_MATH = 1
} cudnnMathType_t;
typedef enum {
    CUDNN_CONVOLUTION = 0,
    CUDNN_CROSS_CORRELATION = 1
} cudnnConvolutionMode_t;
typedef enum {
    CUDNN_CONVOLUTION_FWD_ALGO_DIRECT = 0,
    CUDNN_CONVOLUTION_FWD_ALGO_FFT = 1,
    CUDNN_CONVOLUTION_FWD_ALGO_FFT_TILING = 2,
    CUDNN_CONVOLUTION_FWD_ALGO_GEMM = 3,
    CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM = 4,
    CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_PRECOMP_GEMM = 5,
    CUDNN_CONVOLUTION_FWD_ALGO_WINOGRAD = 6,
    CUDNN_CONVOLUTION_FWD_ALGO_WINOGRAD_NONFUSED = 7
} cudnnConvolutionFwdAlgo_t;
typedef enum {
    CUDNN_CONVOLUTION_BWD_DATA_ALGO_0 = 0,
    CUDNN_CONVOLUTION_BWD_DATA_ALGO_1 = 1
} cudnnConvolutionBwdDataAlgo_t;
typedef enum {
    CUDNN_CONVOLUTION_BWD_FILTER_ALGO_0 = 0,
    CUDNN_CONVOLUTION_BWD_FILTER_ALGO_1 = 1
} cudnnConvolutionBwdFilterAlgo_t;
typedef enum {
    CUDNN_NOT_PROPAGATE_NAN = 0,
    CUDNN_PROPAGATE_NAN = 1
} cudnnNanPropagation_t;
typedef enum {
    CUDNN_POOLING_AVERAGE_COUNT_EXCLUDE_PADDING = 0,
    CUDNN_POOLING_AVERAGE_COUNT_INCLUDE_PADDING = 1,
    CUDNN_POOLING_MAX = 2,
    CUDNN_POOLING_MAX_DETERMINISTIC = 3
} cudnnPoolingMode_t;
typedef enum {
    CUDNN_ACTIVATION_CLIPPED_RELU = 0,
    CUDNN_ACTIVATION_ELU = 1,
    CUDNN_ACTIVATION_IDENTITY = 2,
    CUDNN_ACTIVATION_RELU = 3,
    CUDNN_ACTIVATION_SIGMOID = 4,
    CUDNN_ACTIVATION_SWISH = 5,
    CUDNN_ACTIVATION_TANH = 6
} cudnnActivationMode_t;
typedef enum {
    CUDNN_LRN_CROSS_CHANNEL_DIM1 = 0
} cudnnLRNMode_t;
typedef enum {
    CUDNN_SOFTMAX_FAST = 0,
    CUDNN_SOFTMAX_ACCURATE = 1,
    CUDNN_SOFTMAX_LOG = 2
} cudnnSoftmaxAlgorithm_t;
typedef enum {
    CUDNN_SOFTMAX_MODE_CHANNEL = 0,
    CUDNN_SOFTMAX_MODE_INSTANCE = 1
} cudnnSoftmaxMode_t;
typedef enum {
    CUDNN_BATCHNORM_PER_ACTIVATION = 0,
    CUDNN_BATCHNORM_SPATIAL = 1,
    CUDNN_BATCHNORM_SPATIAL_PERSISTENT = 2
} cudnnBatchNormMode_t;
typedef enum {
    CUDNN_RNN_RELU = 0,
    CUDNN_RNN_TANH = 1,
    CUDNN_LSTM = 2,
    CUDNN_GRU = 3
} cudnnRNNMode_t;
typedef enum {
    CUDNN_UNIDIRECTIONAL = 0,
    CUDNN_BIDIRECTIONAL = 1
} cudnnDirectionMode_t;
typedef enum {
    CUDNN_LINEAR_INPUT = 0,
    CUDNN_SKIP_INPUT = 1
} cudnnRNNInputMode_t;
typedef enum {
    CUDNN_RNN_ALGO_PERSIST_STATIC = 0,
    CUDNN_RNN_ALGO_STANDARD = 1
} cudnnRNNAlgo_t;
typedef enum {
    CUDNN_RNN_NO_BIAS = 0,
    CUDNN_RNN_SINGLE_INP_BIAS = 1,
    CUDNN_RNN_DOUBLE_BIAS = 2,
    CUDNN_RNN_SINGLE_REC_BIAS = 3
} cudnnRNNBiasMode_t;
typedef struct {
    cudnnConvolutionFwdAlgo_t algo;
    cudnnStatus_t status;
    float time;
    size_t memory;
    int determinism;
    cudnnMathType_t mathType;
} cudnnConvolutionFwdAlgoPerf_t;
typedef struct {
    cudnnConvolutionBwdDataAlgo_t algo;
    cudnnStatus_t status;
    float time;
    size_t memory;
    int determinism;
    cudnnMathType_t mathType;
} cudnnConvolutionBwdDataAlgoPerf_t;
typedef struct {
    cudnnConvolutionBwdFilterAlgo_t algo;
    cudnnStatus_t status;
    float time;
    size_t memory;
    int determinism;
    cudnnMathType_t mathType;
} cudnnConvolutionBwdFilterAlgoPerf_t;
const char *cudnnGetErrorString(cudnnStatus_t status);
size_t cudnnGetVersion(void);
cudnnStatus_t cudnnActivationBackward(...);
cudnnStatus_t cudnnActivationForward(...);
cudnnStatus_t cudnnAddTensor(...);
cudnnStatus_t cudnnBatchNormalizationBackward(...);
cudnnStatus_t cudnnBatchNormalizationForwardInference(...);
cudnnStatus_t cudnnBatchNormalizationForwardTraining(...);
cudnnStatus_t cudnnConvolutionBackwardBias(...);
cudnnStatus_t cudnnConvolutionBackwardData(...);
cudnnStatus_t cudnnConvolutionBackwardFilter(...);
cudnnStatus_t cudnnConvolutionBiasActivationForward(...);
cudnnStatus_t cudnnConvolutionForward(...);
cudnnStatus_t cudnnCreate(...);
cudnnStatus_t cudnnCreateActivationDescriptor(...);
cudnnStatus_t cudnnCreateConvolutionDescriptor(...);
cudnnStatus_t cudnnCreateDropoutDescriptor(...);
cudnnStatus_t cudnnCreateFilterDescriptor(...);
cudnnStatus_t cudnnCreateLRNDescriptor(...);
cudnnStatus_t cudnnCreateOpTensorDescriptor(...);
cudnnStatus_t cudnnCreatePoolingDescriptor(...);
cudnnStatus_t cudnnCreateRNNDescriptor(...);
cudnnStatus_t cudnnCreateTensorDescriptor(...);
cudnnStatus_t cudnnDeriveBNTensorDescriptor(...);
cudnnStatus_t cudnnDestroy(...);
cudnnStatus_t cudnnDestroyActivationDescriptor(...);
cudnnStatus_t cudnnDestroyConvolutionDescriptor(...);
cudnnStatus_t cudnnDestroyDropoutDescriptor(...);
cudnnStatus_t cudnnDestroyFilterDescriptor(...);
cudnnStatus_t cudnnDestroyLRNDescriptor(...);
cudnnStatus_t cudnnDestroyOpTensorDescriptor(...);
cudnnStatus_t cudnnDestroyPoolingDescriptor(...);
cudnnStatus_t cudnnDestroyRNNDescriptor(...);
cudnnStatus_t cudnnDestroyTensorDescriptor(...);
cudnnStatus_t cudnnDropoutBackward(...);
cudnnStatus_t cudnnDropoutForward(...);
cudnnStatus_t cudnnDropoutGetReserveSpaceSize(...);
cudnnStatus_t cudnnDropoutGetStatesSize(...);
cudnnStatus_t cudnnFindConvolutionBackwardDataAlgorithm(...);
cudnnStatus_t cudnnFindConvolutionBackwardDataAlgorithmEx(...);
cudnnStatus_t cudnnFindConvolutionBackwardFilterAlgorithm(...);
cudnnStatus_t cudnnFindConvolutionBackwardFilterAlgorithmEx(...);
cudnnStatus_t cudnnFindConvolutionForwardAlgorithm(...);
cudnnStatus_t cudnnFindConvolutionForwardAlgorithmEx(...);
cudnnStatus_t cudnnGetActivationDescriptor(...);
cudnnStatus_t cudnnGetConvolution2dDescriptor(...);
cudnnStatus_t cudnnGetConvolution2dForwardOutputDim(...);
cudnnStatus_t cudnnGetConvolutionBackwardDataAlgorithm_v7(...);
cudnnStatus_t cudnnGetConvolutionBackwardDataWorkspaceSize(...);
cudnnStatus_t cudnnGetConvolutionBackwardFilterAlgorithm_v7(...);
cudnnStatus_t cudnnGetConvolutionBackwardFilterWorkspaceSize(...);
cudnnStatus_t cudnnGetConvolutionForwardAlgorithm(...);
cudnnStatus_t cudnnGetConvolutionForwardAlgorithm_v7(...);
cudnnStatus_t cudnnGetConvolutionForwardWorkspaceSize(...);
cudnnStatus_t cudnnGetConvolutionGroupCount(...);
cudnnStatus_t cudnnGetConvolutionNdForwardOutputDim(...);
cudnnStatus_t cudnnGetDropoutDescriptor(...);
cudnnStatus_t cudnnGetFilter4dDescriptor(...);
cudnnStatus_t cudnnGetFilterNdDescriptor(...);
cudnnStatus_t cudnnGetLRNDescriptor(...);
cudnnStatus_t cudnnGetPooling2dDescriptor(...);
cudnnStatus_t cudnnGetPooling2dForwardOutputDim(...);
cudnnStatus_t cudnnGetPoolingNdDescriptor(...);
cudnnStatus_t cudnnGetPoolingNdForwardOutputDim(...);
cudnnStatus_t cudnnGetRNNLinLayerMatrixParams(...);
cudnnStatus_t cudnnGetRNNParamsSize(...);
cudnnStatus_t cudnnGetRNNTrainingReserveSize(...);
cudnnStatus_t cudnnGetRNNWorkspaceSize(...);
cudnnStatus_t cudnnGetStream(...);
cudnnStatus_t cudnnGetTensor4dDescriptor(...);
cudnnStatus_t cudnnGetTensorNdDescriptor(...);
cudnnStatus_t cudnnGetTensorSizeInBytes(...);
cudnnStatus_t cudnnLRNCrossChannelBackward(...);
cudnnStatus_t cudnnLRNCrossChannelForward(...);
cudnnStatus_t cudnnOpTensor(...);
cudnnStatus_t cudnnPoolingBackward(...);
cudnnStatus_t cudnnPoolingForward(...);
cudnnStatus_t cudnnRNNBackwardData(...);
cudnnStatus_t cudnnRNNBackwardWeights(...);
cudnnStatus_t cudnnRNNForwardInference(...);
cudnnStatus_t cudnnRNNForwardTraining(...);
cudnnStatus_t cudnnRestoreDropoutDescriptor(...);
cudnnStatus_t cudnnScaleTensor(...);
cudnnStatus_t cudnnSetActivationDescriptor(...);
cudnnStatus_t cudnnSetConvolution2dDescriptor(...);
cudnnStatus_t cudnnSetConvolutionGroupCount(...);
cudnnStatus_t cudnnSetConvolutionMathType(...);
cudnnStatus_t cudnnSetConvolutionNdDescriptor(...);
cudnnStatus_t cudnnSetDropoutDescriptor(...);
cudnnStatus_t cudnnSetFilter4dDescriptor(...);
cudnnStatus_t cudnnSetFilterNdDescriptor(...);
cudnnStatus_t cudnnSetLRNDescriptor(...);
cudnnStatus_t cudnnSetOpTensorDescriptor(...);
cudnnStatus_t cudnnSetPooling2dDescriptor(...);
cudnnStatus_t cudnnSetPoolingNdDescriptor(...);
cudnnStatus_t cudnnSetRNNDescriptor_v6(...);
cudnnStatus_t cudnnSetRNNDescriptor_v8(...);
cudnnStatus_t cudnnSetStream(...);
cudnnStatus_t cudnnSetTensor(...);
cudnnStatus_t cudnnSetTensor4dDescriptor(...);
cudnnStatus_t cudnnSetTensor4dDescriptorEx(...);
cudnnStatus_t cudnnSetTensorNdDescriptor(...);
cudnnStatus_t cudnnSetTensorNdDescriptorEx(...);
cudnnStatus_t cudnnSoftmaxBackward(...);
cudnnStatus_t cudnnSoftmaxForward(...);
cudnnStatus_t cudnnTransformTensor(...);
#endif
