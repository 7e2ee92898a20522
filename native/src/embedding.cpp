// Embedding: a [num_embeddings, dim] table whose rows are looked up by int64 indices; weight
// drawn from N(0, 1) as in PyTorch. The padding row starts at zero and at::embedding's backward
// gives it no gradient, so it stays zero through training.
#include "module.h"

namespace {

struct Embedding : mlnd::Layer {
  int64_t padding_idx;
  at::Tensor weight;
  Embedding(int64_t num, int64_t dim, int64_t padding_idx, const at::TensorOptions& opt)
      : Layer("Embedding"), padding_idx(padding_idx) {
    if (num <= 0 || dim <= 0)
      throw std::invalid_argument("Embedding needs positive sizes, got num_embeddings=" + std::to_string(num) +
                                  ", embedding_dim=" + std::to_string(dim));
    if (padding_idx < -1 || padding_idx >= num)
      throw std::invalid_argument("Embedding padding_idx must be in [0, num_embeddings) or -1 for none, got " +
                                  std::to_string(padding_idx));
    weight = register_parameter("weight", at::empty({num, dim}, opt).normal_(0.0, 1.0));
    if (padding_idx >= 0) weight[padding_idx].zero_();
  }
  at::Tensor forward(const at::Tensor& x) override { return at::embedding(weight, x, padding_idx); }
};

}  // namespace

MLND_API mlnd_module_embedding(int64_t num_embeddings, int64_t dim, int64_t padding_idx, int32_t device_type,
                               int32_t device_index, int32_t dtype, mlnd_module* out) {
  MLND_GUARD(at::NoGradGuard no_grad;
             *out = mlnd::wrap_module(std::make_shared<Embedding>(
                 num_embeddings, dim, padding_idx, mlnd::param_options(device_type, device_index, dtype))));
}
