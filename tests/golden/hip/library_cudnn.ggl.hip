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
#include <hip/hip_runtime.h>
#include <miopen/miopen.h>

#define CUDNN_CHECK(call)                                                              \
    do {                                                                               \
        miopenStatus_t status_ = (call);                                                \
        if (status_ != miopenStatusSuccess) {                                         \
            fprintf(stderr, "cuDNN error '%s' at line %d\n", miopenGetErrorString(status_), __LINE__); \
            exit(1);                                                                   \
        }                                                                              \
    } while (0)

__global__ void fill(float *p, int n, float scale) {
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) p[i] = scale * (float)((i * 37) % 17 - 8);
}

// A packed NCHW tensor through the N-d call, which MIOpen has with the same arguments.
static void describe(miopenTensorDescriptor_t desc, int n, int c, int h, int w) {   // CHECK-HIP: miopenTensorDescriptor_t desc
    const int dims[4] = {n, c, h, w};
    const int strides[4] = {c * h * w, h * w, w, 1};
    CUDNN_CHECK(miopenSetTensorDescriptor(desc, miopenFloat, 4, dims, strides));  // CHECK-HIP: miopenSetTensorDescriptor(desc, miopenFloat, 4, dims, strides)
}

static float *device_array(size_t count, float scale) {
    float *p = nullptr;
    hipMalloc(&p, count * sizeof(float));
    hipLaunchKernelGGL(fill, dim3((unsigned)((count + 255) / 256)), dim3(256), 0, 0, p, (int)count, scale);
    return p;
}

int main() {
    const int N = 2, C = 3, H = 32, W = 32, K = 8, R = 3, S = 3;
    const float one = 1.0f, zero = 0.0f;

    hipStream_t stream;
    hipStreamCreate(&stream);
    miopenHandle_t handle;                                      // CHECK-HIP: miopenHandle_t handle;
    CUDNN_CHECK(miopenCreate(&handle));                         // CHECK-HIP: miopenCreate(&handle)
    CUDNN_CHECK(miopenSetStream(handle, stream));               // CHECK-HIP: miopenSetStream(handle, stream)

    miopenTensorDescriptor_t xDesc, yDesc, biasDesc, zDesc;
    miopenTensorDescriptor_t wDesc;                             // CHECK-HIP: miopenTensorDescriptor_t wDesc;
    miopenConvolutionDescriptor_t convDesc;
    miopenActivationDescriptor_t reluDesc;
    miopenPoolingDescriptor_t poolDesc;
    CUDNN_CHECK(miopenCreateTensorDescriptor(&xDesc));
    CUDNN_CHECK(miopenCreateTensorDescriptor(&yDesc));
    CUDNN_CHECK(miopenCreateTensorDescriptor(&biasDesc));
    CUDNN_CHECK(miopenCreateTensorDescriptor(&zDesc));
    CUDNN_CHECK(miopenCreateTensorDescriptor(&wDesc));          // CHECK-HIP: miopenCreateTensorDescriptor(&wDesc)
    CUDNN_CHECK(miopenCreateConvolutionDescriptor(&convDesc));
    CUDNN_CHECK(miopenCreateActivationDescriptor(&reluDesc));
    CUDNN_CHECK(miopenCreatePoolingDescriptor(&poolDesc));

    describe(xDesc, N, C, H, W);
    CUDNN_CHECK(cudnnSetFilter4dDescriptor(wDesc, miopenFloat, miopenTensorNCHW, K, C, R, S));
    CUDNN_CHECK(cudnnSetConvolution2dDescriptor(convDesc, 1, 1, 1, 1, 1, 1, miopenConvolution,
                                                miopenFloat));
    int n, c, h, w;
    CUDNN_CHECK(miopenGetConvolutionForwardOutputDim(convDesc, xDesc, wDesc, &n, &c, &h, &w));  // CHECK-HIP: miopenGetConvolutionForwardOutputDim(convDesc, xDesc, wDesc, &n, &c, &h, &w)
    describe(yDesc, n, c, h, w);
    CUDNN_CHECK(miopenSet4dTensorDescriptorEx(biasDesc, miopenFloat, 1, K, 1, 1, K, 1, 1, 1));  // CHECK-HIP: miopenSet4dTensorDescriptorEx(biasDesc, miopenFloat,

    // cuDNN's own choice of algorithm: MIOpen chooses through its find step instead.
    int returned = 0;
    cudnnConvolutionFwdAlgoPerf_t perf[4];
    CUDNN_CHECK(cudnnGetConvolutionForwardAlgorithm_v7(handle, xDesc, wDesc, convDesc, yDesc, 4, &returned, perf));
    miopenConvFwdAlgorithm_t algo = returned > 0 ? perf[0].algo : CUDNN_CONVOLUTION_FWD_ALGO_IMPLICIT_GEMM;
    size_t workspace_size = 0;
    CUDNN_CHECK(cudnnGetConvolutionForwardWorkspaceSize(handle, xDesc, wDesc, convDesc, yDesc, algo, &workspace_size));
    void *workspace = nullptr;
    if (workspace_size > 0) hipMalloc(&workspace, workspace_size);

    float *x = device_array((size_t)N * C * H * W, 0.25f);
    float *weights = device_array((size_t)K * C * R * S, 0.125f);
    float *bias = device_array(K, 0.5f);
    float *y = device_array((size_t)n * c * h * w, 0.0f);
    CUDNN_CHECK(cudnnConvolutionForward(handle, &one, xDesc, x, wDesc, weights, convDesc, algo, workspace,
                                        workspace_size, &zero, yDesc, y));
    CUDNN_CHECK(cudnnAddTensor(handle, &one, biasDesc, bias, &one, yDesc, y));
    CUDNN_CHECK(cudnnSetActivationDescriptor(reluDesc, miopenActivationRELU, MIOPEN_PROPAGATE_NAN, 0.0));
    CUDNN_CHECK(miopenActivationForward(handle, reluDesc, &one, yDesc, y, &zero, yDesc, y));  // CHECK-HIP: miopenActivationForward(handle, reluDesc, &one, yDesc, y, &zero, yDesc, y)

    CUDNN_CHECK(cudnnSetPooling2dDescriptor(poolDesc, miopenPoolingMax, MIOPEN_NOT_PROPAGATE_NAN, 2, 2, 0, 0, 2, 2));
    CUDNN_CHECK(miopenGetPoolingForwardOutputDim(poolDesc, yDesc, &n, &c, &h, &w));  // CHECK-HIP: miopenGetPoolingForwardOutputDim(poolDesc, yDesc, &n, &c, &h, &w)
    CUDNN_CHECK(cudnnSetTensor4dDescriptor(zDesc, miopenTensorNCHW, miopenFloat, n, c, h, w));
    float *z = device_array((size_t)n * c * h * w, 0.0f);
    CUDNN_CHECK(cudnnPoolingForward(handle, poolDesc, &one, yDesc, y, &zero, zDesc, z));
    hipStreamSynchronize(stream);

    std::vector<float> out((size_t)n * c * h * w);
    hipMemcpy(out.data(), z, out.size() * sizeof(float), hipMemcpyDeviceToHost);
    double sum = 0.0;
    for (float v : out) sum += v;
    printf("pooled %dx%dx%dx%d, sum %.3f\n", n, c, h, w, sum);

    CUDNN_CHECK(miopenDestroyPoolingDescriptor(poolDesc));
    CUDNN_CHECK(miopenDestroyActivationDescriptor(reluDesc));
    CUDNN_CHECK(miopenDestroyConvolutionDescriptor(convDesc));
    CUDNN_CHECK(miopenDestroyTensorDescriptor(wDesc));          // CHECK-HIP: miopenDestroyTensorDescriptor(wDesc)
    CUDNN_CHECK(miopenDestroyTensorDescriptor(zDesc));
    CUDNN_CHECK(miopenDestroyTensorDescriptor(biasDesc));
    CUDNN_CHECK(miopenDestroyTensorDescriptor(yDesc));
    CUDNN_CHECK(miopenDestroyTensorDescriptor(xDesc));
    CUDNN_CHECK(miopenDestroy(handle));                         // CHECK-HIP: miopenDestroy(handle)
    hipFree(x);
    hipFree(weights);
    hipFree(bias);
    hipFree(y);
    hipFree(z);
    if (workspace) hipFree(workspace);
    hipStreamDestroy(stream);
    return 0;
}
