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
/* Each returns a new tensor through `out` (a view where libtorch's op is one). Scalars pass as
 * double; dims are int64 and may be negative (counted from the end). Binary ops broadcast. */
MLND_EXPORT int mlnd_tensor_add(mlnd_tensor a, mlnd_tensor b, double alpha, mlnd_tensor* out); /* a + alpha*b */
MLND_EXPORT int mlnd_tensor_add_scalar(mlnd_tensor a, double b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_sub(mlnd_tensor a, mlnd_tensor b, double alpha, mlnd_tensor* out); /* a - alpha*b */
MLND_EXPORT int mlnd_tensor_sub_scalar(mlnd_tensor a, double b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_rsub_scalar(mlnd_tensor a, double b, mlnd_tensor* out); /* b - a */
MLND_EXPORT int mlnd_tensor_mul(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_mul_scalar(mlnd_tensor a, double b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_div(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out); /* true division */
MLND_EXPORT int mlnd_tensor_div_scalar(mlnd_tensor a, double b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_rdiv_scalar(mlnd_tensor a, double b, mlnd_tensor* out); /* b / a */
MLND_EXPORT int mlnd_tensor_neg(mlnd_tensor a, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_pow(mlnd_tensor a, mlnd_tensor exponent, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_pow_scalar(mlnd_tensor a, double exponent, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_exp(mlnd_tensor a, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_log(mlnd_tensor a, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_sqrt(mlnd_tensor a, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_abs(mlnd_tensor a, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_sign(mlnd_tensor a, mlnd_tensor* out);
/* A bound is applied only when its has_* flag is non-zero. */
MLND_EXPORT int mlnd_tensor_clamp(mlnd_tensor a, double min, int32_t has_min, double max, int32_t has_max, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_matmul(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out);
/* In place; recorded by autograd as in PyTorch (update parameters with grad mode off). */
MLND_EXPORT int mlnd_tensor_add_(mlnd_tensor a, mlnd_tensor b, double alpha); /* a += alpha*b */
MLND_EXPORT int mlnd_tensor_mul_scalar_(mlnd_tensor a, double b);
MLND_EXPORT int mlnd_tensor_zero_(mlnd_tensor a);
/* Reductions. The *_dims forms take n >= 1 dims; var/std/norm reduce everything when n == 0. */
MLND_EXPORT int mlnd_tensor_sum(mlnd_tensor a, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_sum_dims(mlnd_tensor a, const int64_t* dims, int32_t n, int32_t keepdim, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_mean(mlnd_tensor a, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_mean_dims(mlnd_tensor a, const int64_t* dims, int32_t n, int32_t keepdim, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_max(mlnd_tensor a, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_min(mlnd_tensor a, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_max_dim(mlnd_tensor a, int64_t dim, int32_t keepdim, mlnd_tensor* values, mlnd_tensor* indices);
MLND_EXPORT int mlnd_tensor_min_dim(mlnd_tensor a, int64_t dim, int32_t keepdim, mlnd_tensor* values, mlnd_tensor* indices);
/* has_dim == 0: the index into the flattened tensor. */
MLND_EXPORT int mlnd_tensor_argmax(mlnd_tensor a, int64_t dim, int32_t has_dim, int32_t keepdim, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_argmin(mlnd_tensor a, int64_t dim, int32_t has_dim, int32_t keepdim, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_var(mlnd_tensor a, const int64_t* dims, int32_t n, int32_t unbiased, int32_t keepdim, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_std(mlnd_tensor a, const int64_t* dims, int32_t n, int32_t unbiased, int32_t keepdim, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_norm(mlnd_tensor a, double p, const int64_t* dims, int32_t n, int32_t keepdim, mlnd_tensor* out);
/* Comparisons, giving bool tensors. */
MLND_EXPORT int mlnd_tensor_eq(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_ne(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_lt(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_le(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_gt(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_ge(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_eq_scalar(mlnd_tensor a, double b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_ne_scalar(mlnd_tensor a, double b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_lt_scalar(mlnd_tensor a, double b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_le_scalar(mlnd_tensor a, double b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_gt_scalar(mlnd_tensor a, double b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_ge_scalar(mlnd_tensor a, double b, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_where(mlnd_tensor condition, mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out);
/* Shape and views. */
MLND_EXPORT int mlnd_tensor_reshape(mlnd_tensor a, const int64_t* shape, int32_t n, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_view(mlnd_tensor a, const int64_t* shape, int32_t n, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_permute(mlnd_tensor a, const int64_t* dims, int32_t n, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_transpose(mlnd_tensor a, int64_t dim0, int64_t dim1, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_squeeze(mlnd_tensor a, int64_t dim, int32_t has_dim, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_unsqueeze(mlnd_tensor a, int64_t dim, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_flatten(mlnd_tensor a, int64_t start_dim, int64_t end_dim, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_contiguous(mlnd_tensor a, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_expand(mlnd_tensor a, const int64_t* shape, int32_t n, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_narrow(mlnd_tensor a, int64_t dim, int64_t start, int64_t length, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_select(mlnd_tensor a, int64_t dim, int64_t index, mlnd_tensor* out);
/* An absent start/end (has_* == 0) is the beginning/end of the dimension. */
MLND_EXPORT int mlnd_tensor_slice(mlnd_tensor a, int64_t dim, int64_t start, int32_t has_start, int64_t end,
                                  int32_t has_end, int64_t step, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_index_select(mlnd_tensor a, int64_t dim, mlnd_tensor index, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_gather(mlnd_tensor a, int64_t dim, mlnd_tensor index, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_cat(const mlnd_tensor* ts, int32_t n, int64_t dim, mlnd_tensor* out);
MLND_EXPORT int mlnd_tensor_stack(const mlnd_tensor* ts, int32_t n, int64_t dim, mlnd_tensor* out);

/* ---- autograd (autograd.cpp) ------------------------------------------------------- */
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

/* ---- layers (module.cpp, linear.cpp, conv.cpp, pooling.cpp, batchnorm.cpp, ...) ---------- */
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

/* recurrent and activation layers */
/* Elman RNN (cell 0: tanh, 1: relu), LSTM (cell 2) or GRU (cell 3) over `num_layers` stacked
 * layers, with PyTorch's parameter names (weight_ih_l0, weight_hh_l0, bias_ih_l0, bias_hh_l0,
 * *_reverse), gate order and U(±1/sqrt(hidden_size)) initialisation. Forward returns the whole
 * output sequence; dropout applies between layers in training mode only. */
MLND_EXPORT int mlnd_module_recurrent(int32_t cell, int64_t input_size, int64_t hidden_size, int64_t num_layers,
                                      int32_t bias, int32_t batch_first, double dropout, int32_t bidirectional,
                                      int32_t device_type, int32_t device_index, int32_t dtype, mlnd_module* out);
/* Forward of a recurrent layer from initial states h0 (and c0 for LSTM; NULL = zeros), writing the
 * output sequence, h_n and c_n (NULL when the layer is not an LSTM). */
MLND_EXPORT int mlnd_module_recurrent_forward_state(mlnd_module m, mlnd_tensor x, mlnd_tensor h0, mlnd_tensor c0,
                                                    mlnd_tensor* out, mlnd_tensor* h_n, mlnd_tensor* c_n);
/* (N, T, F) -> (N, F): the last time step of a sequence ((T, N, F) when batch_first == 0). */
MLND_EXPORT int mlnd_module_last_time_step(int32_t batch_first, mlnd_module* out);
/* Activation `kind` (codes of MlNetDeep.Torch.Nn.ActivationKind: 0 identity, 1 binary step,
 * 2 sigmoid, 3 tanh, 4 relu, 5 leaky relu (p0 slope), 7 elu (p0 alpha), 8 selu, 9 silu, 10 gelu,
 * 11 softplus (p0 beta, p1 threshold), 12 softmax (p0 dim), 13 log-softmax (p0 dim),
 * 14 maxout (p0 pieces)); 6 (PReLU) has its own functions below. */
MLND_EXPORT int mlnd_activation_apply(mlnd_tensor x, int32_t kind, double p0, double p1, mlnd_tensor* out);
MLND_EXPORT int mlnd_module_activation(int32_t kind, double p0, double p1, mlnd_module* out);
/* PReLU: max(0, x) + weight * min(0, x); weight has 1 or C (= x.size(1)) elements. */
MLND_EXPORT int mlnd_activation_prelu(mlnd_tensor x, mlnd_tensor weight, mlnd_tensor* out);
MLND_EXPORT int mlnd_module_prelu(int64_t num_parameters, double init, int32_t device_type, int32_t device_index,
                                  int32_t dtype, mlnd_module* out);

/* ---- losses (losses.cpp) ----------------------------------------------------------- */
/* Loss functions over at:: losses. `reduction`: 0 none, 1 mean, 2 sum (at::Reduction).
 * Optional tensors (weight, pos_weight) may be NULL; they are converted to the input's dtype
 * and device. Elementwise losses require target and input of the same shape. */
/* mean((x − y)²) times `scale` (1, or 0.5 for the ½-scaled form). */
MLND_EXPORT int mlnd_loss_mse(mlnd_tensor input, mlnd_tensor target, int32_t reduction, double scale, mlnd_tensor* out);
MLND_EXPORT int mlnd_loss_l1(mlnd_tensor input, mlnd_tensor target, int32_t reduction, mlnd_tensor* out);
MLND_EXPORT int mlnd_loss_huber(mlnd_tensor input, mlnd_tensor target, int32_t reduction, double delta, mlnd_tensor* out);
/* Binary cross-entropy on probabilities; `weight` rescales each element (broadcast). */
MLND_EXPORT int mlnd_loss_bce(mlnd_tensor input, mlnd_tensor target, mlnd_tensor weight, int32_t reduction,
                              mlnd_tensor* out);
/* Binary cross-entropy on logits; `pos_weight` weighs the positive term per class. */
MLND_EXPORT int mlnd_loss_bce_with_logits(mlnd_tensor input, mlnd_tensor target, mlnd_tensor weight,
                                          mlnd_tensor pos_weight, int32_t reduction, mlnd_tensor* out);
/* Keras' categorical cross-entropy over dimension `dim` with one-hot or probability targets:
 * from_logits != 0 → log_softmax(input); else input are probabilities, renormalised over `dim`
 * and clipped to [eps, 1 − eps]. `weight` (one per class) scales each class's term. */
MLND_EXPORT int mlnd_loss_categorical_cross_entropy(mlnd_tensor input, mlnd_tensor target, mlnd_tensor weight,
                                                    int32_t from_logits, double eps, int64_t dim, int32_t reduction,
                                                    mlnd_tensor* out);
/* Class-index (int64) targets: PyTorch's cross_entropy on logits, or nll_loss when
 * log_probabilities != 0; classes on dimension 1; targets equal to ignore_index do not count. */
MLND_EXPORT int mlnd_loss_sparse_categorical_cross_entropy(mlnd_tensor input, mlnd_tensor target, mlnd_tensor weight,
                                                           int32_t log_probabilities, int64_t ignore_index,
                                                           int32_t reduction, mlnd_tensor* out);

/* ---- initializers (init.cpp) ------------------------------------------------------- */
/* In place and outside autograd: t ~ U(low, high); t ~ N(mean, std²). */
MLND_EXPORT int mlnd_init_uniform_(mlnd_tensor t, double low, double high);
MLND_EXPORT int mlnd_init_normal_(mlnd_tensor t, double mean, double std);

/* ---- optimizers and gradient clipping (optim.cpp) ---------------------------------- */
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

/* ---- images (image.cpp) ---- */
/* Image decoding and encoding through libpng/libjpeg, and image tensor operations over
 * at:: ops. Decoded images are uint8 H×W×C CPU tensors (as the files store them); the
 * operations work on C×H×W or N×C×H×W tensors of any floating type or uint8 (uint8 is
 * computed in float32 and rounded back, clamped to [0, 255]). */
/* Decodes a PNG or JPEG (told apart by their magic bytes). `channels`: 0 keeps the file's
 * (1 gray, 2 gray+alpha, 3 RGB, 4 RGBA), 1 gray (ITU-R 601-2 luma, as PIL's convert("L")),
 * 3 RGB, 4 RGBA; alpha is dropped or set to 255 as needed. Corrupt or truncated data fails
 * with a message and never ends the process. */
MLND_EXPORT int mlnd_image_decode(const uint8_t* bytes, int64_t n, int32_t channels, mlnd_tensor* out);
/* Encodes a uint8 H×W×C (C = 1..4) or H×W (gray) tensor as PNG; `out` receives the file's
 * bytes as a 1-D uint8 tensor. `compression_level` is zlib's 0..9. */
MLND_EXPORT int mlnd_image_encode_png(mlnd_tensor image, int32_t compression_level, mlnd_tensor* out);
/* [N,]H,W,C → [N,]C,H,W and back (contiguous copies). */
MLND_EXPORT int mlnd_image_hwc_to_chw(mlnd_tensor image, mlnd_tensor* out);
MLND_EXPORT int mlnd_image_chw_to_hwc(mlnd_tensor image, mlnd_tensor* out);
/* uint8 [N,]C,H,W → `dtype` scaled to [0, 1], then (x − mean[c]) / std[c] when n_stats > 0
 * (n_stats is C, or 1 for one value for every channel). */
MLND_EXPORT int mlnd_image_to_float(mlnd_tensor image, const double* mean, const double* std, int32_t n_stats,
                                    int32_t dtype, mlnd_tensor* out);
/* Floating image in [0, 1] → uint8: clamp, × 255, round half to even. */
MLND_EXPORT int mlnd_image_to_uint8(mlnd_tensor image, mlnd_tensor* out);
/* Bilinear resize to height × width, align_corners = false, no antialiasing
 * (torch.nn.functional.interpolate(mode="bilinear")). */
MLND_EXPORT int mlnd_image_resize(mlnd_tensor image, int64_t height, int64_t width, mlnd_tensor* out);
/* Mirrors left-right (horizontal != 0) and/or top-bottom (vertical != 0). */
MLND_EXPORT int mlnd_image_flip(mlnd_tensor image, int32_t horizontal, int32_t vertical, mlnd_tensor* out);
/* Rotates by `degrees` counter-clockwise, scales by `zoom` (> 1 magnifies) about the centre,
 * then shifts by (shift_x, shift_y) pixels (right, down); pixels from outside are zero.
 * Bilinear (nearest = 0) or nearest-neighbour (nearest != 0) sampling. */
MLND_EXPORT int mlnd_image_affine(mlnd_tensor image, double degrees, double shift_x, double shift_y, double zoom,
                                  int32_t nearest, mlnd_tensor* out);
/* Random augmentation, one draw per image: a flip left-right / top-bottom with probability
 * 1/2 each when enabled, then a rotation uniform in ±max_degrees, a shift uniform in
 * ±max_shift_x·W and ±max_shift_y·H pixels and a zoom uniform in [zoom_low, zoom_high].
 * The draws come from a generator seeded with `seed` when has_seed != 0, else from
 * libtorch's default generator (mlnd_runtime_manual_seed). */
MLND_EXPORT int mlnd_image_random_augment(mlnd_tensor image, int32_t flip_horizontal, int32_t flip_vertical,
                                          double max_degrees, double max_shift_x, double max_shift_y,
                                          double zoom_low, double zoom_high, int32_t has_seed, uint64_t seed,
                                          mlnd_tensor* out);

#ifdef __cplusplus
}
#endif

#endif /* MLND_H */
