#include "base/status.h"

namespace aims::base {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid-argument";
    case StatusCode::kNotFound: return "not-found";
    case StatusCode::kAlreadyExists: return "already-exists";
    case StatusCode::kConflict: return "conflict";
    case StatusCode::kFailedPrecondition: return "failed-precondition";
    case StatusCode::kPermissionDenied: return "permission-denied";
    case StatusCode::kCorruption: return "corruption";
    case StatusCode::kIOError: return "io-error";
    case StatusCode::kInternal: return "internal";
    case StatusCode::kUnauthenticated: return "unauthenticated";
    case StatusCode::kResourceExhausted: return "resource-exhausted";
  }
  return "unknown";
}

Status::Status(StatusCode code, std::string_view message, std::string_view where) {
  if (code != StatusCode::kOk) {
    rep_ = std::make_unique<Rep>(Rep{code, std::string(message), std::string(where)});
  }
}

Status::Status(const Status& other)
    : rep_(other.rep_ ? std::make_unique<Rep>(*other.rep_) : nullptr) {}

Status& Status::operator=(const Status& other) {
  if (this != &other) rep_ = other.rep_ ? std::make_unique<Rep>(*other.rep_) : nullptr;
  return *this;
}

Status Status::WithContext(std::string_view outer) const {
  if (ok() || outer.empty()) return *this;
  std::string where(outer);
  if (!rep_->where.empty()) {
    // A JSON pointer or a ":line" joins directly; anything else after a colon.
    char first = rep_->where.front();
    if (first != '/' && first != ':' && first != '[') where += ": ";
    where += rep_->where;
  }
  return Status(rep_->code, rep_->message, where);
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  if (rep_->where.empty()) return rep_->message;
  return rep_->where + ": " + rep_->message;
}

}  // namespace aims::base
