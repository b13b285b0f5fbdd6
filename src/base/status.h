// Status: the outcome of an operation that returns no value (LevelDB's model).
// An OK status holds no allocation; an error holds a code from a short list, what failed, and
// where (file and line, JSON pointer, field or id), so that every edge can say what and where.
// Thread safety: a Status is a value; distinct objects may be used from distinct threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace aims::base {

// The codes are part of the CLI's exit-status contract (cli/exit_status.cpp) and, later, the
// API's problem types: add codes at the end, never renumber.
enum class StatusCode {
  kOk = 0,
  kInvalidArgument = 1,    // bad input: malformed file, unknown value, missing field
  kNotFound = 2,           // a named record, file or catalog item does not exist
  kAlreadyExists = 3,      // a duplicate name or id
  kConflict = 4,           // a stale version: someone else changed the record first
  kFailedPrecondition = 5, // the state does not allow it (not initialised, newer database)
  kPermissionDenied = 6,
  kCorruption = 7,         // the stored record or ledger does not verify
  kIOError = 8,
  kInternal = 9,           // a bug or an unexpected library failure
  kUnauthenticated = 10,   // no valid credentials: unknown, revoked or expired token or session
  kResourceExhausted = 11, // a limit was hit: too many failed sign-ins, try again later
};

std::string_view StatusCodeName(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() noexcept = default;  // OK
  Status(StatusCode code, std::string_view message, std::string_view where = {});
  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;
  ~Status() = default;

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string_view msg, std::string_view where = {}) {
    return Status(StatusCode::kInvalidArgument, msg, where);
  }
  static Status NotFound(std::string_view msg, std::string_view where = {}) {
    return Status(StatusCode::kNotFound, msg, where);
  }
  static Status AlreadyExists(std::string_view msg, std::string_view where = {}) {
    return Status(StatusCode::kAlreadyExists, msg, where);
  }
  static Status Conflict(std::string_view msg, std::string_view where = {}) {
    return Status(StatusCode::kConflict, msg, where);
  }
  static Status FailedPrecondition(std::string_view msg, std::string_view where = {}) {
    return Status(StatusCode::kFailedPrecondition, msg, where);
  }
  static Status PermissionDenied(std::string_view msg, std::string_view where = {}) {
    return Status(StatusCode::kPermissionDenied, msg, where);
  }
  static Status Corruption(std::string_view msg, std::string_view where = {}) {
    return Status(StatusCode::kCorruption, msg, where);
  }
  static Status IOError(std::string_view msg, std::string_view where = {}) {
    return Status(StatusCode::kIOError, msg, where);
  }
  static Status Internal(std::string_view msg, std::string_view where = {}) {
    return Status(StatusCode::kInternal, msg, where);
  }
  static Status Unauthenticated(std::string_view msg, std::string_view where = {}) {
    return Status(StatusCode::kUnauthenticated, msg, where);
  }
  static Status ResourceExhausted(std::string_view msg, std::string_view where = {}) {
    return Status(StatusCode::kResourceExhausted, msg, where);
  }

  bool ok() const { return rep_ == nullptr; }
  StatusCode code() const { return rep_ ? rep_->code : StatusCode::kOk; }
  // What failed, e.g. "unknown lifecycle stage \"prod\"".
  std::string_view message() const { return rep_ ? std::string_view(rep_->message) : ""; }
  // Where, e.g. "systems.json:/systems/3/lifecycle_stage". Empty when not known.
  std::string_view where() const { return rep_ ? std::string_view(rep_->where) : ""; }

  // Returns a copy whose `where` is prefixed by `outer` ("import.json" + "/systems/3").
  // Not an error to call on OK: returns OK.
  Status WithContext(std::string_view outer) const;

  // "where: message", or "OK".
  std::string ToString() const;

 private:
  struct Rep {
    StatusCode code;
    std::string message;
    std::string where;
  };
  std::unique_ptr<Rep> rep_;
};

}  // namespace aims::base

// Returns early from the enclosing function when `expr` yields a non-OK Status.
#define AIMS_TRY(expr) AIMS_TRY_IMPL(AIMS_STATUS_CONCAT(aims_try_status_, __COUNTER__), expr)
#define AIMS_STATUS_CONCAT_INNER(a, b) a##b
#define AIMS_STATUS_CONCAT(a, b) AIMS_STATUS_CONCAT_INNER(a, b)
#define AIMS_TRY_IMPL(name, expr)          \
  do {                                     \
    ::aims::base::Status name = (expr);    \
    if (!name.ok()) return name;           \
  } while (0)
