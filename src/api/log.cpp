#include "api/log.h"

#include <unistd.h>

#include "base/canonical_json.h"
#include "base/clock.h"

namespace aims::api {

void Logger::Write(std::string_view level, std::string_view msg, const Fields& fields) {
  if (quiet_ && level == "info") return;
  std::string line = "{\"time\": ";
  base::AppendJsonString(&line, base::Now().ToString());
  line += ", \"level\": ";
  base::AppendJsonString(&line, level);
  line += ", \"msg\": ";
  base::AppendJsonString(&line, msg);
  for (const auto& [key, value] : fields) {
    line += ", ";
    base::AppendJsonString(&line, key);
    line += ": ";
    if (!value.empty() && value[0] == '#') line.append(value, 1);
    else base::AppendJsonString(&line, value);
  }
  line += "}\n";
  std::lock_guard lock(mu_);
  size_t off = 0;
  while (off < line.size()) {
    ssize_t n = ::write(STDERR_FILENO, line.data() + off, line.size() - off);
    if (n <= 0) break;
    off += static_cast<size_t>(n);
  }
}

}  // namespace aims::api
