// Tensor operations: arithmetic, reductions, comparisons, shape and view changes, joins and
// the few in-place updates training code needs. Each export is one at:: call, so autograd,
// broadcasting, type promotion and error messages are libtorch's own.
#include "shim.h"

using mlnd::T;
using mlnd::wrap;

namespace {
// A libtorch optional from a (value, present) pair: C has no optional type.
template <typename V>
c10::optional<V> opt(V value, int32_t present) {
  return present != 0 ? c10::optional<V>(value) : c10::nullopt;
}

// Reductions over an explicit, non-empty list of dimensions. An empty list would mean "all"
// in some libtorch versions and "none" in others, so it is refused here.
at::IntArrayRef dims(const int64_t* ds, int32_t n) {
  if (n <= 0) throw std::invalid_argument("expected at least one dimension to reduce over");
  return mlnd::shape(ds, n);
}
}  // namespace

/* ---- arithmetic ------------------------------------------------------------------------ */

MLND_API mlnd_tensor_add(mlnd_tensor a, mlnd_tensor b, double alpha, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::add(T(a), T(b), alpha)));
}
MLND_API mlnd_tensor_add_scalar(mlnd_tensor a, double b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::add(T(a), b))); }
MLND_API mlnd_tensor_sub(mlnd_tensor a, mlnd_tensor b, double alpha, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::sub(T(a), T(b), alpha)));
}
MLND_API mlnd_tensor_sub_scalar(mlnd_tensor a, double b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::sub(T(a), b))); }
// b - a
MLND_API mlnd_tensor_rsub_scalar(mlnd_tensor a, double b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::rsub(T(a), b))); }
MLND_API mlnd_tensor_mul(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::mul(T(a), T(b)))); }
MLND_API mlnd_tensor_mul_scalar(mlnd_tensor a, double b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::mul(T(a), b))); }
MLND_API mlnd_tensor_div(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::div(T(a), T(b)))); }
MLND_API mlnd_tensor_div_scalar(mlnd_tensor a, double b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::div(T(a), b))); }
// b / a. The scalar becomes a 0-d tensor of the promoted type (as Python's `2 / t` does), so
// the quotient is rounded once and an integer tensor gives a floating-point result.
MLND_API mlnd_tensor_rdiv_scalar(mlnd_tensor a, double b, mlnd_tensor* out) {
  MLND_GUARD(auto& x = T(a); auto s = at::scalar_tensor(b, x.options().dtype(at::result_type(x, b)));
             *out = wrap(at::div(s, x)));
}
MLND_API mlnd_tensor_neg(mlnd_tensor a, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::neg(T(a)))); }
MLND_API mlnd_tensor_pow(mlnd_tensor a, mlnd_tensor exponent, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::pow(T(a), T(exponent))));
}
MLND_API mlnd_tensor_pow_scalar(mlnd_tensor a, double exponent, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::pow(T(a), exponent)));
}
MLND_API mlnd_tensor_exp(mlnd_tensor a, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::exp(T(a)))); }
MLND_API mlnd_tensor_log(mlnd_tensor a, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::log(T(a)))); }
MLND_API mlnd_tensor_sqrt(mlnd_tensor a, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::sqrt(T(a)))); }
MLND_API mlnd_tensor_abs(mlnd_tensor a, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::abs(T(a)))); }
MLND_API mlnd_tensor_sign(mlnd_tensor a, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::sign(T(a)))); }
MLND_API mlnd_tensor_clamp(mlnd_tensor a, double min, int32_t has_min, double max, int32_t has_max, mlnd_tensor* out) {
  MLND_GUARD(c10::optional<at::Scalar> lo = has_min != 0 ? c10::optional<at::Scalar>(min) : c10::nullopt;
             c10::optional<at::Scalar> hi = has_max != 0 ? c10::optional<at::Scalar>(max) : c10::nullopt;
             *out = wrap(at::clamp(T(a), lo, hi)));
}
MLND_API mlnd_tensor_matmul(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::matmul(T(a), T(b)))); }

/* ---- in place (recorded by autograd like PyTorch's; use no-grad mode to update parameters) */

MLND_API mlnd_tensor_add_(mlnd_tensor a, mlnd_tensor b, double alpha) { MLND_GUARD(T(a).add_(T(b), alpha)); }
MLND_API mlnd_tensor_mul_scalar_(mlnd_tensor a, double b) { MLND_GUARD(T(a).mul_(b)); }
MLND_API mlnd_tensor_zero_(mlnd_tensor a) { MLND_GUARD(T(a).zero_()); }

/* ---- reductions ------------------------------------------------------------------------ */

MLND_API mlnd_tensor_sum(mlnd_tensor a, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::sum(T(a)))); }
MLND_API mlnd_tensor_sum_dims(mlnd_tensor a, const int64_t* ds, int32_t n, int32_t keepdim, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::sum(T(a), dims(ds, n), keepdim != 0)));
}
MLND_API mlnd_tensor_mean(mlnd_tensor a, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::mean(T(a)))); }
MLND_API mlnd_tensor_mean_dims(mlnd_tensor a, const int64_t* ds, int32_t n, int32_t keepdim, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::mean(T(a), dims(ds, n), keepdim != 0)));
}
MLND_API mlnd_tensor_max(mlnd_tensor a, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::max(T(a)))); }
MLND_API mlnd_tensor_min(mlnd_tensor a, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::min(T(a)))); }
MLND_API mlnd_tensor_max_dim(mlnd_tensor a, int64_t dim, int32_t keepdim, mlnd_tensor* values, mlnd_tensor* indices) {
  MLND_GUARD(auto r = at::max(T(a), dim, keepdim != 0); *values = wrap(std::get<0>(r)); *indices = wrap(std::get<1>(r)));
}
MLND_API mlnd_tensor_min_dim(mlnd_tensor a, int64_t dim, int32_t keepdim, mlnd_tensor* values, mlnd_tensor* indices) {
  MLND_GUARD(auto r = at::min(T(a), dim, keepdim != 0); *values = wrap(std::get<0>(r)); *indices = wrap(std::get<1>(r)));
}
// Without a dim (has_dim == 0) the index is into the flattened tensor.
MLND_API mlnd_tensor_argmax(mlnd_tensor a, int64_t dim, int32_t has_dim, int32_t keepdim, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::argmax(T(a), opt(dim, has_dim), keepdim != 0)));
}
MLND_API mlnd_tensor_argmin(mlnd_tensor a, int64_t dim, int32_t has_dim, int32_t keepdim, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::argmin(T(a), opt(dim, has_dim), keepdim != 0)));
}
// n == 0 reduces over all elements (keepdim then has no effect).
MLND_API mlnd_tensor_var(mlnd_tensor a, const int64_t* ds, int32_t n, int32_t unbiased, int32_t keepdim, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(n == 0 ? at::var(T(a), unbiased != 0) : at::var(T(a), dims(ds, n), unbiased != 0, keepdim != 0)));
}
MLND_API mlnd_tensor_std(mlnd_tensor a, const int64_t* ds, int32_t n, int32_t unbiased, int32_t keepdim, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(n == 0 ? at::std(T(a), unbiased != 0) : at::std(T(a), dims(ds, n), unbiased != 0, keepdim != 0)));
}
MLND_API mlnd_tensor_norm(mlnd_tensor a, double p, const int64_t* ds, int32_t n, int32_t keepdim, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(n == 0 ? at::norm(T(a), p) : at::norm(T(a), c10::optional<at::Scalar>(p), dims(ds, n), keepdim != 0)));
}

/* ---- comparisons (bool results) -------------------------------------------------------- */

MLND_API mlnd_tensor_eq(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::eq(T(a), T(b)))); }
MLND_API mlnd_tensor_ne(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::ne(T(a), T(b)))); }
MLND_API mlnd_tensor_lt(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::lt(T(a), T(b)))); }
MLND_API mlnd_tensor_le(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::le(T(a), T(b)))); }
MLND_API mlnd_tensor_gt(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::gt(T(a), T(b)))); }
MLND_API mlnd_tensor_ge(mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::ge(T(a), T(b)))); }
MLND_API mlnd_tensor_eq_scalar(mlnd_tensor a, double b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::eq(T(a), b))); }
MLND_API mlnd_tensor_ne_scalar(mlnd_tensor a, double b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::ne(T(a), b))); }
MLND_API mlnd_tensor_lt_scalar(mlnd_tensor a, double b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::lt(T(a), b))); }
MLND_API mlnd_tensor_le_scalar(mlnd_tensor a, double b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::le(T(a), b))); }
MLND_API mlnd_tensor_gt_scalar(mlnd_tensor a, double b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::gt(T(a), b))); }
MLND_API mlnd_tensor_ge_scalar(mlnd_tensor a, double b, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::ge(T(a), b))); }
MLND_API mlnd_tensor_where(mlnd_tensor condition, mlnd_tensor a, mlnd_tensor b, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::where(T(condition), T(a), T(b))));
}

/* ---- shape and views ------------------------------------------------------------------- */

MLND_API mlnd_tensor_reshape(mlnd_tensor a, const int64_t* shape, int32_t n, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::reshape(T(a), mlnd::shape(shape, n))));
}
MLND_API mlnd_tensor_view(mlnd_tensor a, const int64_t* shape, int32_t n, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(T(a).view(mlnd::shape(shape, n))));
}
MLND_API mlnd_tensor_permute(mlnd_tensor a, const int64_t* ds, int32_t n, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::permute(T(a), mlnd::shape(ds, n))));
}
MLND_API mlnd_tensor_transpose(mlnd_tensor a, int64_t dim0, int64_t dim1, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::transpose(T(a), dim0, dim1)));
}
// Without a dim (has_dim == 0) every size-1 dimension goes.
MLND_API mlnd_tensor_squeeze(mlnd_tensor a, int64_t dim, int32_t has_dim, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(has_dim != 0 ? at::squeeze(T(a), dim) : at::squeeze(T(a))));
}
MLND_API mlnd_tensor_unsqueeze(mlnd_tensor a, int64_t dim, mlnd_tensor* out) { MLND_GUARD(*out = wrap(at::unsqueeze(T(a), dim))); }
MLND_API mlnd_tensor_flatten(mlnd_tensor a, int64_t start_dim, int64_t end_dim, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::flatten(T(a), start_dim, end_dim)));
}
MLND_API mlnd_tensor_contiguous(mlnd_tensor a, mlnd_tensor* out) { MLND_GUARD(*out = wrap(T(a).contiguous())); }
MLND_API mlnd_tensor_expand(mlnd_tensor a, const int64_t* shape, int32_t n, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(T(a).expand(mlnd::shape(shape, n))));
}
MLND_API mlnd_tensor_narrow(mlnd_tensor a, int64_t dim, int64_t start, int64_t length, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::narrow(T(a), dim, start, length)));
}
MLND_API mlnd_tensor_select(mlnd_tensor a, int64_t dim, int64_t index, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::select(T(a), dim, index)));
}
// start/end absent (has_* == 0) mean the beginning/end of the dimension, as in Python's a[:].
MLND_API mlnd_tensor_slice(mlnd_tensor a, int64_t dim, int64_t start, int32_t has_start, int64_t end, int32_t has_end,
                           int64_t step, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::slice(T(a), dim, opt(start, has_start), opt(end, has_end), step)));
}
MLND_API mlnd_tensor_index_select(mlnd_tensor a, int64_t dim, mlnd_tensor index, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::index_select(T(a), dim, T(index))));
}
MLND_API mlnd_tensor_gather(mlnd_tensor a, int64_t dim, mlnd_tensor index, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::gather(T(a), dim, T(index))));
}
MLND_API mlnd_tensor_cat(const mlnd_tensor* ts, int32_t n, int64_t dim, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::cat(mlnd::tensors(ts, n), dim)));
}
MLND_API mlnd_tensor_stack(const mlnd_tensor* ts, int32_t n, int64_t dim, mlnd_tensor* out) {
  MLND_GUARD(*out = wrap(at::stack(mlnd::tensors(ts, n), dim)));
}
