/*
 * mlnd.h — the C ABI of libmlnetdeep_native, a thin shim over libtorch.
 *
 * Conventions (see DESIGN.md, "The native boundary"):
 *  - every export is named mlnd_<area>_<verb> and returns an int status: 0 on success,
 *    non-zero on failure, with the message in a thread-local slot read by mlnd_last_error();
 *  - results come back through out-pointers; no C++ exception ever crosses this boundary;
 *  - each handle type has exactly one free function (mlnd_<handle>_free);
 *  - the shim holds no policy: training loops, callbacks and metrics live in C#.
 *
 * Element types use c10::ScalarType's numbering (uint8 0, int32 3, int64 4, float32 6,
 * float64 7, bool 11). Devices are (device_type, device_index) with type 0 = CPU, 1 = CUDA.
 */
#ifndef MLND_H
#define MLND_H

#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(MLND_BUILDING)
#define MLND_EXPORT __attribute__((visibility("default")))
#else
#define MLND_EXPORT
#endif

/* Opaque handles. */
typedef struct mlnd_tensor_* mlnd_tensor;       /* an at::Tensor (may be undefined) */
typedef struct mlnd_module_* mlnd_module;       /* a layer: parameters, buffers, forward */
typedef struct mlnd_optimizer_* mlnd_optimizer; /* parameters plus per-parameter state */

/* ---- errors (error.cpp) ------------------------------------------------------------ */
/* The last failure's message on this thread, or NULL. Valid until the next failing call. */
MLND_EXPORT const char* mlnd_last_error(void);
MLND_EXPORT void mlnd_last_error_clear(void);

/* ---- runtime: seeding, threads, devices (runtime.cpp) ------------------------------ */
MLND_EXPORT int mlnd_runtime_manual_seed(uint64_t seed);
MLND_EXPORT int mlnd_runtime_set_num_threads(int32_t n);
MLND_EXPORT int mlnd_runtime_get_num_threads(int32_t* out);
MLND_EXPORT int mlnd_runtime_cuda_device_count(int32_t* out);
MLND_EXPORT int mlnd_runtime_version(const char** out);

/* ---- tensor: creation, copies, metadata (tensor.cpp) ------------------------------- */
MLND_EXPORT int mlnd_tensor_free(mlnd_tensor t);
/* Copies `nbytes` from `data` into a new tensor of the given type, shape and device. */
MLND_EXPORT int mlnd_tensor_from_data(const void* data, int64_t nbytes, int32_t dtype,
                                      const int64_t* shape, int32_t ndim,
                                      int32_t device_type, int32_t device_index, mlnd_tensor* out);
/* Copies the tensor's elements (row-major, any device) into `dst`, which holds `nbytes`. */
MLND_EXPORT int mlnd_tensor_copy_to(mlnd_tensor t, void* dst, int64_t nbytes);
MLND_EXPORT int mlnd_tensor_ndim(mlnd_tensor t, int32_t* out);
/* Writes up to `capacity` sizes into `out_shape`. */
MLND_EXPORT int mlnd_tensor_shape(mlnd_tensor t, int64_t* out_shape, int32_t capacity);
MLND_EXPORT int mlnd_tensor_dtype(mlnd_tensor t, int32_t* out);
MLND_EXPORT int mlnd_tensor_device(mlnd_tensor t, int32_t* out_type, int32_t* out_index);
MLND_EXPORT int mlnd_tensor_numel(mlnd_tensor t, int64_t* out);
MLND_EXPORT int mlnd_tensor_defined(mlnd_tensor t, int32_t* out);
MLND_EXPORT int mlnd_tensor_zeros(const int64_t* shape, int32_t ndim, int32_t dtype,
                                  int32_t device_type, int32_t device_index, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_ones(const int64_t* shape, int32_t ndim, int32_t dtype,
                                 int32_t device_type, int32_t device_index, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_full(const int64_t* shape, int32_t ndim, double value, int32_t dtype,
                                 int32_t device_type, int32_t device_index, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_rand(const int64_t* shape, int32_t ndim, int32_t dtype,
                                 int32_t device_type, int32_t device_index, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_randn(const int64_t* shape, int32_t ndim, int32_t dtype,
                                  int32_t device_type, int32_t device_index, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_randperm(int64_t n, int32_t device_type, int32_t device_index,
                                     mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_arange(double start, double end, double step, int32_t dtype,
                                   int32_t device_type, int32_t device_index, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_to(mlnd_tensor t, int32_t device_type, int32_t device_index,
                               int32_t dtype, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_clone(mlnd_tensor t, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_item(mlnd_tensor t, double* out);
/* In place, without recording autograd history: dst <- src (broadcast, converted); dst <- value. */
MLND_EXPORT int mlnd_tensor_copy_(mlnd_tensor dst, mlnd_tensor src);
MLND_EXPORT int mlnd_tensor_fill_(mlnd_tensor dst, double value);

/* ---- tensor operations (tensor_ops.cpp) -------------------------------------------- */
/* @section tensor_ops */

/* ---- autograd (autograd.cpp) ------------------------------------------------------- */
/* @section autograd */
/* Enables or disables gradient recording on this thread; writes the previous state. */
MLND_EXPORT int mlnd_autograd_set_grad_enabled(int32_t enabled, int32_t* previous);
MLND_EXPORT int mlnd_autograd_requires_grad(mlnd_tensor t, int32_t* out);
MLND_EXPORT int mlnd_autograd_set_requires_grad(mlnd_tensor t, int32_t requires_grad);
/* Backpropagates from `t` (a scalar, or with `gradient` of t's shape; gradient may be NULL). */
MLND_EXPORT int mlnd_autograd_backward(mlnd_tensor t, mlnd_tensor gradient, int32_t retain_graph);
/* The accumulated gradient of a leaf; an undefined tensor (defined == 0) when none exists. */
MLND_EXPORT int mlnd_autograd_grad(mlnd_tensor t, mlnd_tensor* out);
/* Sets the accumulated gradients of `n` tensors to undefined (set_to_none semantics). */
MLND_EXPORT int mlnd_autograd_zero_grad(const mlnd_tensor* ts, int32_t n);
MLND_EXPORT int mlnd_autograd_detach(mlnd_tensor t, mlnd_tensor* out);

/* ---- layers (layers.cpp, conv.cpp, recurrent.cpp, activations.cpp) ----------------- */
/* @section modules */
MLND_EXPORT int mlnd_module_free(mlnd_module m);
MLND_EXPORT int mlnd_module_forward(mlnd_module m, mlnd_tensor x, mlnd_tensor* out);
MLND_EXPORT int mlnd_module_train(mlnd_module m, int32_t on);
MLND_EXPORT int mlnd_module_is_training(mlnd_module m, int32_t* out);
MLND_EXPORT int mlnd_module_to(mlnd_module m, int32_t device_type, int32_t device_index, int32_t dtype);
/* Parameters (buffers = 0) or buffers (buffers = 1), recursively, in registration order.
 * Writes the count; when `out` holds at least that many slots, writes a new handle per
 * tensor (aliasing the module's storage). `names` receives the names joined by '\n', valid
 * until the next call of this function on the same thread. */
MLND_EXPORT int mlnd_module_named_tensors(mlnd_module m, int32_t buffers, mlnd_tensor* out, int32_t capacity,
                                          int32_t* count, const char** names);
/* A layer running `children` in order; it shares (does not copy) them. */
MLND_EXPORT int mlnd_module_sequential(const mlnd_module* children, int32_t n, mlnd_module* out);
MLND_EXPORT int mlnd_module_linear(int64_t in_features, int64_t out_features, int32_t bias,
                                   int32_t device_type, int32_t device_index, int32_t dtype, mlnd_module* out);
/* Convolution over `dims` (1: input N,C,L; 2: input N,C,H,W) spatial dimensions (conv.cpp).
 * kernel, stride, padding and dilation hold `dims` values each. padding_mode: 0 = explicit
 * (`padding` used), 1 = valid (no padding), 2 = same (PyTorch's rule, stride 1 only). */
MLND_EXPORT int mlnd_module_conv(int32_t dims, int64_t in_channels, int64_t out_channels, const int64_t* kernel,
                                 const int64_t* stride, int32_t padding_mode, const int64_t* padding,
                                 const int64_t* dilation, int64_t groups, int32_t bias, int32_t device_type,
                                 int32_t device_index, int32_t dtype, mlnd_module* out);
/* Window pooling over `dims` spatial dimensions (pooling.cpp). kind: 0 = max, 1 = average
 * (padding counted), 2 = min. kernel, stride and padding hold `dims` values each. */
MLND_EXPORT int mlnd_module_pool(int32_t dims, int32_t kind, const int64_t* kernel, const int64_t* stride,
                                 const int64_t* padding, mlnd_module* out);
/* Pooling over all spatial positions to an N x C output (pooling.cpp). kind: 0 = max, 1 = average. */
MLND_EXPORT int mlnd_module_global_pool(int32_t dims, int32_t kind, mlnd_module* out);
/* Batch normalization (batchnorm.cpp); dims 1: input (N,C) or (N,C,L); dims 2: (N,C,H,W).
 * momentum < 0 means a cumulative average (PyTorch's momentum=None). */
MLND_EXPORT int mlnd_module_batch_norm(int32_t dims, int64_t num_features, double eps, double momentum,
                                       int32_t affine, int32_t track_running_stats, int32_t device_type,
                                       int32_t device_index, int32_t dtype, mlnd_module* out);
/* Inverted dropout with drop probability p, 0 <= p < 1 (dropout.cpp). */
MLND_EXPORT int mlnd_module_dropout(double p, mlnd_module* out);
/* Flattens dimensions start_dim..end_dim (negative counts from the end) into one (flatten.cpp). */
MLND_EXPORT int mlnd_module_flatten(int64_t start_dim, int64_t end_dim, mlnd_module* out);
/* Lookup table of num_embeddings rows of size dim, indexed by int64 input (embedding.cpp).
 * padding_idx in [0, num_embeddings) or -1 for none; that row is zero and gets no gradient. */
MLND_EXPORT int mlnd_module_embedding(int64_t num_embeddings, int64_t dim, int64_t padding_idx, int32_t device_type,
                                      int32_t device_index, int32_t dtype, mlnd_module* out);

/* ---- losses (losses.cpp) ----------------------------------------------------------- */
/* @section losses */

/* ---- optimizers and gradient clipping (optim.cpp) ---------------------------------- */
/* @section optim */

#ifdef __cplusplus
}
#endif

#endif /* MLND_H */
