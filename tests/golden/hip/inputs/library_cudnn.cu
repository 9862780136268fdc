// cuDNN, one inference layer (convolution, bias, ReLU, 2x2 max pooling on an NCHW batch), as HIP output must
// write it (MIOpen). Handles, streams, errors, descriptor creation, N-d tensor descriptors, the output-size
// queries, the activation call and the enums are renamed. The calls whose MIOpen counterpart takes other
// arguments (the 4-d tensor, filter, convolution, activation and pooling setters, cudnnAddTensor, the
// algorithm query, the workspace query, cudnnConvolutionForward, cudnnPoolingForward) and the algorithm names
// are kept as written, each with error M001: a rename would compile against MIOpen and take its arguments
// wrongly.
#include <cstdio>
#include <cstdlib>
#include <vector>
#include <cuda_runtime.h>
#include <cudnn.h>

#define CUDNN_CHECK(call)                                                              \
    do {                                                                               \
        cudnnStatus_t status_ = (call);                                                \
        if (status_ != CUDNN_STATUS_SUCCESS) {                                         \
            fprintf(stderr, "cuDNN error '%s' at line %d\n", cudnnGetErrorString(status_), __LINE__); \
            exit(1);                                                                   \
        }                                                                              \
    } while (0)

__global__ void fill(float *p, int n, float scale) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) p[i] = scale * (float)((i * 37) % 17 - 8);
}

// A packed NCHW tensor through the N-d call, which MIOpen has with the same arguments.
static void describe(cudnnTensorDescriptor_t desc, int n, int c, int h, int w) {   // CHECK-HIP: miopenTensorDescriptor_t desc
    const int dims[4] = {n, c, h, w};
    const int strides[4] = {c * h * w, h * w, w, 1};
    CUDNN_CHECK(cudnnSetTensorNdDescriptor(desc, CUDNN_DATA_FLOAT, 4, dims, strides));  // CHECK-HIP: miopenSetTensorDescriptor(desc, miopenFloat, 4, dims, strides)
}

static float *device_array(size_t count, float scale) {
    float *p = nullptr;
    cudaMalloc(&p, count * sizeof(float));
    fill<<<(unsigned)((count + 255) / 256), 256>>>(p, (int)count, scale);
    return p;
}

int main() {
    const int N = 2, C = 3, H = 32, W = 32, K = 8, R = 3, S = 3;
    const float one = 1.0f, zero = 0.0f;

    cudaStream_t stream;
    cudaStreamCreate(&stream);
    cudnnHandle_t handle;                                      // CHECK-HIP: miopenHandle_t handle;
    CUDNN_CHECK(cudnnCreate(&handle));                         // CHECK-HIP: miopenCreate(&handle)
    CUDNN_CHECK(cudnnSetStream(handle, stream));               // CHECK-HIP: miopenSetStream(handle, stream)

    cudnnTensorDescriptor_t xDesc, yDesc, biasDesc, zDesc;
    cudnnFilterDescriptor_t wDesc;                             // CHECK-HIP: miopenTensorDescriptor_t wDesc;
    cudnnConvolutionDescriptor_t convDesc;
    cudnnActivationDescriptor_t reluDesc;
    cudnnPoolingDescriptor_t poolDesc;
    CUDNN_CHECK(cudnnCreateTensorDescriptor(&xDesc));
    CUDNN_CHECK(cudnnCreateTensorDescriptor(&yDesc));
    CUDNN_CHECK(cudnnCreateTensorDescriptor(&biasDesc));
    CUDNN_CHECK(cudnnCreateTensorDescriptor(&zDesc));
    CUDNN_CHECK(cudnnCreateFilterDescriptor(&wDesc));          // CHECK-HIP: miopenCreateTensorDescriptor(&wDesc)
    CUDNN_CHECK(cudnnCreateConvolutionDescriptor(&convDesc));
    CUDNN_CHECK(cudnnCreateActivationDescriptor(&reluDesc));
    CUDNN_CHECK(cudnnCreatePoolingDescriptor(&poolDesc));

    describe(xDesc, N, C, H, W);
    CUDNN_CHECK(cudnnSetFilter4dDescriptor(wDesc, CUDNN_DATA_FLOAT, CUDNN_TENSOR_NCHW, K, C, R, S));
    CUDNN_CHECK(cudnnSetConvolution2dDescriptor(convDesc, 1, 1, 1, 1, 1, 1, CUDNN_CROSS_CORRELATION,
                                                CUDNN_DATA_FLOAT));
    int n, c, h, w;
    CUDNN_CHECK(cudnnGetConvolution2dForwardOutputDim(convDesc, xDesc, wDesc, &n, &c, &h, &w));  // CHECK-HIP: miopenGetConvolutionForwardOutputDim(convDesc, xDesc, wDesc, &n, &c, &h, &w)
    describe(yDesc, n, c, h, w);
    CUDNN_CHECK(cudnnSetTensor4dDescriptorEx(biasDesc, CUDNN_DATA_FLOAT, 1, K, 1, 1, K, 1, 1, 1));  // CHECK-HIP: miopenSet4dTensorDescriptorEx(biasDesc, miopenFloat,

    // cuDNN's own choice of algorithm: MIOpen chooses through its find step instead.
    int returned = 0;
    cudnnConvolutionFwdAlgoPerf_t perf[4];
    CUDNN_CHECK(cudnnGetConvolutionForwardAlgorithm_v7(handle, xDesc, wDesc, convDesc, yDesc, 4, &returned, perf));
    cudnnConvolutionFwdAlgo_t algo = returned > 0 ? perf[0].algo : CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM;
    size_t workspace_size = 0;
    CUDNN_CHECK(cudnnGetConvolutionForwardWorkspaceSize(handle, xDesc, wDesc, convDesc, yDesc, algo, &workspace_size));
    void *workspace = nullptr;
    if (workspace_size > 0) cudaMalloc(&workspace, workspace_size);

    float *x = device_array((size_t)N * C * H * W, 0.25f);
    float *weights = device_array((size_t)K * C * R * S, 0.125f);
    float *bias = device_array(K, 0.5f);
    float *y = device_array((size_t)n * c * h * w, 0.0f);
    CUDNN_CHECK(cudnnConvolutionForward(handle, &one, xDesc, x, wDesc, weights, convDesc, algo, workspace,
                                        workspace_size, &zero, yDesc, y));
    CUDNN_CHECK(cudnnAddTensor(handle, &one, biasDesc, bias, &one, yDesc, y));
    CUDNN_CHECK(cudnnSetActivationDescriptor(reluDesc, CUDNN_ACTIVATION_RELU, CUDNN_PROPAGATE_NAN, 0.0));
    CUDNN_CHECK(cudnnActivationForward(handle, reluDesc, &one, yDesc, y, &zero, yDesc, y));  // CHECK-HIP: miopenActivationForward(handle, reluDesc, &one, yDesc, y, &zero, yDesc, y)

    CUDNN_CHECK(cudnnSetPooling2dDescriptor(poolDesc, CUDNN_POOLING_MAX, CUDNN_NOT_PROPAGATE_NAN, 2, 2, 0, 0, 2, 2));
    CUDNN_CHECK(cudnnGetPooling2dForwardOutputDim(poolDesc, yDesc, &n, &c, &h, &w));  // CHECK-HIP: miopenGetPoolingForwardOutputDim(poolDesc, yDesc, &n, &c, &h, &w)
    CUDNN_CHECK(cudnnSetTensor4dDescriptor(zDesc, CUDNN_TENSOR_NCHW, CUDNN_DATA_FLOAT, n, c, h, w));
    float *z = device_array((size_t)n * c * h * w, 0.0f);
    CUDNN_CHECK(cudnnPoolingForward(handle, poolDesc, &one, yDesc, y, &zero, zDesc, z));
    cudaStreamSynchronize(stream);

    std::vector<float> out((size_t)n * c * h * w);
    cudaMemcpy(out.data(), z, out.size() * sizeof(float), cudaMemcpyDeviceToHost);
    double sum = 0.0;
    for (float v : out) sum += v;
    printf("pooled %dx%dx%dx%d, sum %.3f\n", n, c, h, w, sum);

    CUDNN_CHECK(cudnnDestroyPoolingDescriptor(poolDesc));
    CUDNN_CHECK(cudnnDestroyActivationDescriptor(reluDesc));
    CUDNN_CHECK(cudnnDestroyConvolutionDescriptor(convDesc));
    CUDNN_CHECK(cudnnDestroyFilterDescriptor(wDesc));          // CHECK-HIP: miopenDestroyTensorDescriptor(wDesc)
    CUDNN_CHECK(cudnnDestroyTensorDescriptor(zDesc));
    CUDNN_CHECK(cudnnDestroyTensorDescriptor(biasDesc));
    CUDNN_CHECK(cudnnDestroyTensorDescriptor(yDesc));
    CUDNN_CHECK(cudnnDestroyTensorDescriptor(xDesc));
    CUDNN_CHECK(cudnnDestroy(handle));                         // CHECK-HIP: miopenDestroy(handle)
    cudaFree(x);
    cudaFree(weights);
    cudaFree(bias);
    cudaFree(y);
    cudaFree(z);
    if (workspace) cudaFree(workspace);
    cudaStreamDestroy(stream);
    return 0;
}
