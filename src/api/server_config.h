// What `aims serve` is told: where to listen, how much to accept, how long to wait. Values come
// from defaults, then an optional TOML file, then AIMS_* environment variables, then flags (later
// sources win); the CLI merges them (cli/serve_command.cpp), this layer only uses them.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "base/result.h"
#include "service/workspace.h"

namespace aims::api {

struct ServerConfig {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;                    // 0: any free port (tests); the chosen one is logged
  int threads = 0;                         // I/O and read threads; 0: 2 per core + 2
  int change_threads = 0;                  // threads for requests that change data (they wait for
                                           // their group commit); 0: 32
  size_t body_limit = size_t{1} << 20;     // JSON bodies
  size_t upload_limit = size_t{64} << 20;  // evidence files
  std::chrono::seconds read_timeout{30};   // a request must arrive within this, idle or not
  std::chrono::seconds shutdown_grace{30}; // in-flight requests get this long after SIGTERM
  bool secure_cookies = false;             // set when served behind TLS
  bool quiet = false;                      // no per-request log lines
  service::WorkspaceOptions workspace;
};

// Parses "HOST:PORT" (IPv4, or [IPv6]:PORT) into the config.
base::Status ParseListen(std::string_view listen, ServerConfig* config);
// Applies the keys of a TOML file: listen, threads, body_limit, upload_limit, read_timeout,
// shutdown_grace, secure_cookies, data. Unknown keys are errors naming the file and key.
base::Status ApplyTomlFile(const std::string& path, ServerConfig* config);

}  // namespace aims::api
