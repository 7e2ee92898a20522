// The thread-local last-error slot that every guarded export writes on failure.
#include "shim.h"

namespace {
thread_local std::string last_error;
thread_local bool has_error = false;
}  // namespace

void mlnd::set_error(const char* message) {
  last_error = message != nullptr ? message : "unknown native error";
  has_error = true;
}

extern "C" MLND_EXPORT const char* mlnd_last_error(void) {
  return has_error ? last_error.c_str() : nullptr;
}

extern "C" MLND_EXPORT void mlnd_last_error_clear(void) {
  has_error = false;
  last_error.clear();
}
