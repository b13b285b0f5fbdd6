// Outgoing webhooks through the real server (issue 5 acceptance): a receiver that is down for a
// minute gets the delivery once it is back (retried with backoff meanwhile), exactly once, and the
// delivery verifies by its HMAC-SHA256 signature with the endpoint's secret. The server scans for
// events every second and its backoff is scaled down (x0.01: 0.15 s doubling to at most 9 s), so
// the test takes the minute the receiver is down and a few seconds more.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <mutex>
#include <thread>

#include "domain/webhook_signature.h"
#include "support/http_server.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace aims::testing {
namespace {

namespace json = boost::json;
using namespace std::chrono_literals;

// A port nothing listens on now (the kernel's choice, released at once).
int FreePort() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  EXPECT_EQ(::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr), 0);
  socklen_t len = sizeof addr;
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  ::close(fd);
  return ntohs(addr.sin_port);
}

// A minimal HTTP receiver on 127.0.0.1:port: keeps each request (head and body) and answers 204.
class Receiver {
 public:
  explicit Receiver(int port) {
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    bound_ = ::bind(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0 && ::listen(fd_, 8) == 0;
    thread_ = std::thread([this] { Serve(); });
  }
  ~Receiver() {
    stop_ = true;
    ::shutdown(fd_, SHUT_RDWR);
    ::close(fd_);
    thread_.join();
  }
  bool bound() const { return bound_; }
  struct Request {
    std::string head, body;
  };
  std::vector<Request> requests() {
    std::lock_guard lock(mu_);
    return requests_;
  }

 private:
  void Serve() {
    while (!stop_) {
      int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) return;
      std::string data;
      char buf[4096];
      size_t need = std::string::npos;
      while (need == std::string::npos || data.size() < need) {
        ssize_t n = ::recv(c, buf, sizeof buf, 0);
        if (n <= 0) break;
        data.append(buf, static_cast<size_t>(n));
        size_t end = data.find("\r\n\r\n");
        if (end != std::string::npos && need == std::string::npos) {
          size_t cl = data.find("Content-Length: ");
          if (cl == std::string::npos) cl = data.find("content-length: ");
          size_t length = cl == std::string::npos ? 0 : std::stoul(data.substr(cl + 16));
          need = end + 4 + length;
        }
      }
      size_t end = data.find("\r\n\r\n");
      if (end != std::string::npos) {
        std::lock_guard lock(mu_);
        requests_.push_back({data.substr(0, end), data.substr(end + 4)});
      }
      const char answer[] = "HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n";
      (void)::send(c, answer, sizeof answer - 1, MSG_NOSIGNAL);
      ::close(c);
    }
  }

  int fd_ = -1;
  bool bound_ = false;
  std::atomic<bool> stop_{false};
  std::thread thread_;
  std::mutex mu_;
  std::vector<Request> requests_;
};

std::string HeaderValue(const std::string& head, const std::string& name) {
  size_t at = head.find("\r\n" + name + ": ");
  if (at == std::string::npos) return "";
  size_t start = at + name.size() + 4;
  return head.substr(start, head.find("\r\n", start) - start);
}

json::value Deliveries(const TempDir& dir) {
  auto r = RunAims({"--data", dir.Sub("data"), "--json", "webhook", "deliveries", "1"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return json::parse(r.out);
}

TEST(Webhooks, ADeliverySurvivesAReceiverThatIsDownForAMinute) {
  TempDir dir;
  std::string data = dir.Sub("data");
  ASSERT_EQ(RunAims({"--data", data, "init", "--org", "Webhook Org"}).exit_code, 0);
  ASSERT_EQ(RunAims({"--data", data, "person", "add", "--name", "Olive Owner", "--email", "olive@example.org"}).exit_code, 0);
  int port = FreePort();
  auto added = RunAims({"--data", data, "--json", "webhook", "add", "--url",
                        "http://127.0.0.1:" + std::to_string(port) + "/aims-events", "--events", "approval"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  std::string secret(json::parse(added.out).at("secret").as_string());
  ASSERT_EQ(secret.size(), 64u);
  // Bad endpoints are refused with the field named.
  auto https = RunAims({"--data", data, "webhook", "add", "--url", "https://example.org/x"});
  EXPECT_EQ(https.exit_code, 2);
  EXPECT_NE(https.err.find("url"), std::string::npos) << https.err;
  auto unknown = RunAims({"--data", data, "webhook", "add", "--url", "http://127.0.0.1:1/x", "--events", "gossip"});
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_NE(unknown.err.find("unknown event \"gossip\""), std::string::npos) << unknown.err;

  // An event: a draft policy waits for an approver.
  ASSERT_EQ(RunAims({"--data", data, "policy", "add", "--title", "AI policy", "--version", "1.0", "--owner",
                     "olive@example.org"}).exit_code, 0);
  ServerProcess server(data, {"--notify-every", "1", "--webhook-retry-scale", "0.01"});
  auto start = std::chrono::steady_clock::now();

  // Down: attempts fail (nothing listens) and are retried with backoff.
  json::value log;
  for (int i = 0; i < 100; ++i) {
    log = Deliveries(dir);
    if (!log.as_array().empty() && log.at(0).at("attempts").as_int64() >= 3) break;
    std::this_thread::sleep_for(200ms);
  }
  ASSERT_FALSE(log.as_array().empty()) << "the event was queued";
  EXPECT_EQ(log.at(0).at("status").as_string(), "pending");
  EXPECT_GE(log.at(0).at("attempts").as_int64(), 3);
  EXPECT_EQ(log.at(0).at("last_http_status").as_int64(), 0);
  EXPECT_NE(log.at(0).at("last_error").as_string(), "");

  std::this_thread::sleep_until(start + 60s);
  int64_t attempts_while_down = Deliveries(dir).at(0).at("attempts").as_int64();
  Receiver receiver(port);
  ASSERT_TRUE(receiver.bound());
  for (int i = 0; i < 150 && receiver.requests().empty(); ++i) std::this_thread::sleep_for(100ms);
  ASSERT_EQ(receiver.requests().size(), 1u) << "delivered once the receiver is back";
  auto request = receiver.requests().front();
  EXPECT_EQ(request.head.rfind("POST /aims-events HTTP/1.1", 0), 0u) << request.head;
  EXPECT_EQ(HeaderValue(request.head, "X-Aims-Event"), "approval");
  std::string signature = HeaderValue(request.head, "X-Aims-Signature");
  base::Status verified = domain::VerifyWebhookSignature(secret, signature, request.body,
                                                         std::time(nullptr));
  EXPECT_TRUE(verified.ok()) << verified.ToString();
  EXPECT_FALSE(domain::VerifyWebhookSignature(secret, signature, request.body + " ", std::time(nullptr)).ok());
  json::value body = json::parse(request.body);
  EXPECT_EQ(body.at("item").at("record").as_string(), "POL-1");
  EXPECT_EQ(body.at("item").at("kind").as_string(), "approval");

  // The log says so; nothing is sent twice.
  for (int i = 0; i < 50; ++i) {
    log = Deliveries(dir);
    if (log.at(0).at("status").as_string() == "delivered") break;
    std::this_thread::sleep_for(100ms);
  }
  EXPECT_EQ(log.at(0).at("status").as_string(), "delivered");
  EXPECT_GT(log.at(0).at("attempts").as_int64(), attempts_while_down);
  EXPECT_EQ(log.at(0).at("last_http_status").as_int64(), 204);
  std::this_thread::sleep_for(3s);
  EXPECT_EQ(receiver.requests().size(), 1u);
  EXPECT_EQ(Deliveries(dir).as_array().size(), 1u);
}

}  // namespace
}  // namespace aims::testing
