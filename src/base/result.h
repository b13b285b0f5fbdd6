// Result<T>: a value or the Status that explains why there is none.
// REQUIRES: value() only on ok(); status() is OK exactly when a value is held.
#pragma once

#include <cstdlib>
#include <cstdio>
#include <optional>
#include <utility>

#include "base/status.h"

namespace aims::base {

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    if (status_.ok()) {
      std::fprintf(stderr, "aims: Result constructed from an OK status\n");
      std::abort();
    }
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace aims::base

#define AIMS_CONCAT_INNER(a, b) a##b
#define AIMS_CONCAT(a, b) AIMS_CONCAT_INNER(a, b)

// AIMS_ASSIGN_OR_RETURN(auto x, Foo()): binds the value or returns the Status.
#define AIMS_ASSIGN_OR_RETURN(lhs, expr) \
  AIMS_ASSIGN_OR_RETURN_IMPL(AIMS_CONCAT(aims_result_, __COUNTER__), lhs, expr)
#define AIMS_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                               \
  if (!tmp.ok()) return tmp.status();              \
  lhs = std::move(tmp).value()
