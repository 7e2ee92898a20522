// Flatten: merges dimensions start_dim..end_dim into one (a view when the layout allows).
#include "module.h"

namespace {

struct Flatten : mlnd::Layer {
  int64_t start_dim, end_dim;
  Flatten(int64_t start_dim, int64_t end_dim) : Layer("Flatten"), start_dim(start_dim), end_dim(end_dim) {}
  at::Tensor forward(const at::Tensor& x) override { return x.flatten(start_dim, end_dim); }
};

}  // namespace

MLND_API mlnd_module_flatten(int64_t start_dim, int64_t end_dim, mlnd_module* out) {
  MLND_GUARD(*out = mlnd::wrap_module(std::make_shared<Flatten>(start_dim, end_dim)));
}
