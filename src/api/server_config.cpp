#include "api/server_config.h"

#include <toml++/toml.h>

#include <charconv>

namespace aims::api {

base::Status ParseListen(std::string_view listen, ServerConfig* config) {
  std::string_view host, port;
  if (listen.starts_with('[')) {
    size_t close = listen.find(']');
    if (close == std::string_view::npos || close + 1 >= listen.size() || listen[close + 1] != ':') {
      return base::Status::InvalidArgument("expected [IPv6]:PORT", "listen");
    }
    host = listen.substr(1, close - 1);
    port = listen.substr(close + 2);
  } else {
    size_t colon = listen.rfind(':');
    if (colon == std::string_view::npos) return base::Status::InvalidArgument("expected HOST:PORT", "listen");
    host = listen.substr(0, colon);
    port = listen.substr(colon + 1);
  }
  unsigned value = 0;
  auto [ptr, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (host.empty() || ec != std::errc() || ptr != port.data() + port.size() || value > 65535) {
    return base::Status::InvalidArgument("expected HOST:PORT with a port from 0 to 65535, got \"" + std::string(listen) + "\"",
                                         "listen");
  }
  config->host = std::string(host);
  config->port = static_cast<uint16_t>(value);
  return base::Status::OK();
}

base::Status ApplyTomlFile(const std::string& path, ServerConfig* config) {
  toml::table table;
  try {
    table = toml::parse_file(path);
  } catch (const toml::parse_error& e) {
    const auto& where = e.source().begin;
    return base::Status::InvalidArgument(std::string(e.description()),
                                         path + ":" + std::to_string(where.line) + ":" + std::to_string(where.column));
  }
  for (const auto& [key, node] : table) {
    std::string k(key.str());
    std::string at = path + ":" + std::to_string(node.source().begin.line) + ": " + k;
    auto integer = [&](int64_t lo, int64_t hi) -> base::Result<int64_t> {
      auto v = node.value<int64_t>();
      if (!v || *v < lo || *v > hi) {
        return base::Status::InvalidArgument("must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi), at);
      }
      return *v;
    };
    if (k == "listen") {
      auto v = node.value<std::string>();
      if (!v) return base::Status::InvalidArgument("must be a string \"HOST:PORT\"", at);
      AIMS_TRY(ParseListen(*v, config).WithContext(at + " "));
    } else if (k == "data") {
      auto v = node.value<std::string>();
      if (!v) return base::Status::InvalidArgument("must be a string (the data directory)", at);
      config->workspace.data_dir = *v;
    } else if (k == "threads") {
      AIMS_ASSIGN_OR_RETURN(int64_t n, integer(0, 256));
      config->threads = static_cast<int>(n);
    } else if (k == "body_limit") {
      AIMS_ASSIGN_OR_RETURN(int64_t n, integer(1024, int64_t{1} << 30));
      config->body_limit = static_cast<size_t>(n);
    } else if (k == "upload_limit") {
      AIMS_ASSIGN_OR_RETURN(int64_t n, integer(1024, int64_t{4} << 30));
      config->upload_limit = static_cast<size_t>(n);
    } else if (k == "read_timeout") {
      AIMS_ASSIGN_OR_RETURN(int64_t n, integer(1, 3600));
      config->read_timeout = std::chrono::seconds(n);
    } else if (k == "shutdown_grace") {
      AIMS_ASSIGN_OR_RETURN(int64_t n, integer(0, 3600));
      config->shutdown_grace = std::chrono::seconds(n);
    } else if (k == "secure_cookies") {
      auto v = node.value<bool>();
      if (!v) return base::Status::InvalidArgument("must be true or false", at);
      config->secure_cookies = *v;
    } else {
      return base::Status::InvalidArgument(
          "unknown setting (known: listen, data, threads, body_limit, upload_limit, read_timeout, shutdown_grace, "
          "secure_cookies)",
          at);
    }
  }
  return base::Status::OK();
}

}  // namespace aims::api
