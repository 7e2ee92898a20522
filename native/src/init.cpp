// In-place random fills for weight initialisation. They run outside autograd so they can
// overwrite parameters (leaves that require grad); the formulas (fan-in, Xavier, He) are in C#.
#include "shim.h"

using mlnd::T;

MLND_API mlnd_init_uniform_(mlnd_tensor t, double low, double high) {
  MLND_GUARD(at::NoGradGuard no_grad; T(t).uniform_(low, high));
}

MLND_API mlnd_init_normal_(mlnd_tensor t, double mean, double std) {
  MLND_GUARD(at::NoGradGuard no_grad; T(t).normal_(mean, std));
}
