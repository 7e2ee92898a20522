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
/* Sets a leaf's accumulated gradient to `grad` (same shape, dtype and device), or clears it
 * when `grad` is NULL. The gradient aliases `grad`'s storage, as assigning `p.grad` does. */
MLND_EXPORT int mlnd_autograd_set_grad(mlnd_tensor t, mlnd_tensor grad);

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

/* ---- losses (losses.cpp) ----------------------------------------------------------- */
/* @section losses */

/* ---- optimizers and gradient clipping (optim.cpp) ---------------------------------- */
/* @section optim */
/* An optimizer holds its own references to `n` parameters plus per-parameter state. Each
 * constructor takes the algorithm's hyper-parameters, named as in torch.optim 1.13 (FTRL: as in
 * Keras); the caller validates them. */
MLND_EXPORT int mlnd_optimizer_sgd(const mlnd_tensor* params, int32_t n, double lr, double momentum,
                                   double dampening, int32_t nesterov, double weight_decay, mlnd_optimizer* out);
MLND_EXPORT int mlnd_optimizer_adagrad(const mlnd_tensor* params, int32_t n, double lr, double lr_decay,
                                       double weight_decay, double initial_accumulator_value, double eps,
                                       mlnd_optimizer* out);
MLND_EXPORT int mlnd_optimizer_adadelta(const mlnd_tensor* params, int32_t n, double lr, double rho, double eps,
                                        double weight_decay, mlnd_optimizer* out);
MLND_EXPORT int mlnd_optimizer_rmsprop(const mlnd_tensor* params, int32_t n, double lr, double alpha, double eps,
                                       double weight_decay, double momentum, int32_t centered, mlnd_optimizer* out);
/* Adam, or AdamW (decoupled weight decay) when `decoupled_weight_decay` is non-zero. */
MLND_EXPORT int mlnd_optimizer_adam(const mlnd_tensor* params, int32_t n, double lr, double beta1, double beta2,
                                    double eps, double weight_decay, int32_t amsgrad,
                                    int32_t decoupled_weight_decay, mlnd_optimizer* out);
MLND_EXPORT int mlnd_optimizer_adamax(const mlnd_tensor* params, int32_t n, double lr, double beta1, double beta2,
                                      double eps, double weight_decay, mlnd_optimizer* out);
MLND_EXPORT int mlnd_optimizer_nadam(const mlnd_tensor* params, int32_t n, double lr, double beta1, double beta2,
                                     double eps, double weight_decay, double momentum_decay, mlnd_optimizer* out);
MLND_EXPORT int mlnd_optimizer_ftrl(const mlnd_tensor* params, int32_t n, double learning_rate,
                                    double learning_rate_power, double initial_accumulator_value,
                                    double l1_regularization_strength, double l2_regularization_strength,
                                    double l2_shrinkage_regularization_strength, double beta, mlnd_optimizer* out);
/* Updates every parameter that has a gradient, in one call and outside autograd. */
MLND_EXPORT int mlnd_optimizer_step(mlnd_optimizer o);
/* Sets every parameter's gradient to undefined (set_to_none semantics). */
MLND_EXPORT int mlnd_optimizer_zero_grad(mlnd_optimizer o);
MLND_EXPORT int mlnd_optimizer_get_lr(mlnd_optimizer o, double* out);
MLND_EXPORT int mlnd_optimizer_set_lr(mlnd_optimizer o, double lr);
MLND_EXPORT int mlnd_optimizer_free(mlnd_optimizer o);
/* Gradient clipping over the gradients of `n` tensors (clip_grad.cpp); tensors without a
 * gradient are skipped. clip_grad_norm scales all gradients together so that their global
 * norm (norm_type may be +inf) is at most max_norm, and writes the norm before clipping. */
MLND_EXPORT int mlnd_clip_grad_norm(const mlnd_tensor* params, int32_t n, double max_norm, double norm_type,
                                    double* total_norm);
MLND_EXPORT int mlnd_clip_grad_value(const mlnd_tensor* params, int32_t n, double clip_value);

#ifdef __cplusplus
}
#endif

#endif /* MLND_H */
