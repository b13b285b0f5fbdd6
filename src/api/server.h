// The HTTP/1.1 server of `aims serve` (Boost.Beast over Asio): keep-alive, request size limits,
// read timeouts, and a graceful stop: on SIGTERM or SIGINT it stops accepting, lets requests in
// flight finish and answers them, closes idle connections, and returns.
// Thread safety: Stop() may be called from any thread; the rest from the owning thread.
#pragma once

#include <memory>
#include <string>

#include "api/dispatcher.h"
#include "api/server_config.h"

namespace aims::api {

class Server {
 public:
  Server(ServerConfig config, Dispatcher& dispatcher, Logger& log);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds and listens; the port is known afterwards (port 0 picks a free one).
  base::Status Listen();
  uint16_t port() const;
  std::string url() const;
  // Serves on config.threads threads until a stop has drained; handles SIGTERM and SIGINT.
  void Run();
  void Stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace aims::api
