// Structured logs: one JSON object per line on stderr ({"time", "level", "msg", ...fields}),
// so that a log shipper needs no parser of its own. Request lines carry the request id that the
// client also receives (X-Request-Id) and sees in any problem+json body.
// Thread safety: every method may be called from any thread.
#pragma once

#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace aims::api {

class Logger {
 public:
  using Fields = std::vector<std::pair<std::string_view, std::string>>;
  // Numbers and booleans go in as their JSON text, marked by a leading '#': {"status", "#200"}.
  void Info(std::string_view msg, const Fields& fields = {}) { Write("info", msg, fields); }
  void Warn(std::string_view msg, const Fields& fields = {}) { Write("warn", msg, fields); }
  void Error(std::string_view msg, const Fields& fields = {}) { Write("error", msg, fields); }
  void set_quiet(bool quiet) { quiet_ = quiet; }

 private:
  void Write(std::string_view level, std::string_view msg, const Fields& fields);
  std::mutex mu_;
  bool quiet_ = false;
};

}  // namespace aims::api
