// A real `aims serve` child process on 127.0.0.1 (a free port), and a small HTTP/1.1 client for
// talking to it, so that API tests go through the real binary, sockets and all.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace aims::testing {

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names; repeated ones joined by "\n"
  std::string body;
  std::string Header(const std::string& name) const;
};

class HttpClient {
 public:
  HttpClient(std::string host, int port) : host_(std::move(host)), port_(port) {}
  // One request on a new connection. `headers` are added as given.
  HttpResponse Send(const std::string& method, const std::string& target, const std::string& body = "",
                    const std::map<std::string, std::string>& headers = {}) const;
  // Sends raw bytes and returns what the server answered before closing (for malformed input).
  std::string SendRaw(const std::string& bytes) const;
  int port() const { return port_; }

 private:
  std::string host_;
  int port_;
};

// A connection held open by the test, for requests sent in pieces.
class RawConnection {
 public:
  RawConnection(const std::string& host, int port);
  ~RawConnection();
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;
  void Write(const std::string& bytes);
  std::string ReadToEnd();  // until the server closes

 private:
  int fd_ = -1;
};

class ServerProcess {
 public:
  // Starts `aims --data DIR serve --listen 127.0.0.1:0 EXTRA...` and waits until it listens.
  explicit ServerProcess(const std::string& data_dir, const std::vector<std::string>& extra = {},
                         const std::map<std::string, std::string>& env = {});
  ~ServerProcess();
  ServerProcess(const ServerProcess&) = delete;
  ServerProcess& operator=(const ServerProcess&) = delete;

  int port() const { return port_; }
  HttpClient client() const { return HttpClient("127.0.0.1", port_); }
  pid_t pid() const { return pid_; }
  // SIGTERM, then waits; returns the exit code (or -signal).
  int Stop();
  // Waits for the process to end by itself (after a signal the test sent); returns as Stop.
  int WaitExit();
  std::string log() const;  // what it wrote to stderr

 private:
  pid_t pid_ = -1;
  int port_ = 0;
  std::string log_path_;
};

}  // namespace aims::testing
