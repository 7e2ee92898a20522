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

/* ---- losses (losses.cpp) ----------------------------------------------------------- */
/* @section losses */
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
/* @section optim */

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
