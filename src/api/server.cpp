#include "api/server.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include <algorithm>
#include <array>
#include <functional>
#include <mutex>
#include <optional>
#include <set>
#include <thread>
#include <vector>

namespace aims::api {

namespace asio = boost::asio;
namespace beast = boost::beast;
using tcp = asio::ip::tcp;

namespace {

class Session;

// The status line and header fields of `res`, as Beast's serializer writes them. A body without
// a length gets one (every answer is complete in memory), so keep-alive framing always holds.
std::string SerializeHeader(Response& res) {
  unsigned code = res.result_int();
  bool bodiless = code < 200 || code == 204 || code == 304;
  if (!bodiless && res.find(http::field::content_length) == res.end() &&
      res.find(http::field::transfer_encoding) == res.end()) {
    res.set(http::field::content_length, std::to_string(res.body().size()));
  }
  std::string out;
  out.reserve(512);
  out += "HTTP/1.1 ";
  out += std::to_string(code);
  out += ' ';
  out += res.reason();
  out += "\r\n";
  for (const auto& field : res) {
    out += field.name_string();
    out += ": ";
    out += field.value();
    out += "\r\n";
  }
  out += "\r\n";
  return out;
}

// Open connections, so that a stop can close the idle ones.
class SessionRegistry {
 public:
  void Add(const std::shared_ptr<Session>& s) {
    std::lock_guard lock(mu_);
    sessions_.insert(s);
  }
  void Remove(const std::shared_ptr<Session>& s) {
    std::function<void()> drained;
    {
      std::lock_guard lock(mu_);
      sessions_.erase(s);
      if (stopping_ && sessions_.empty()) drained = std::move(on_drained_);
    }
    if (drained) drained();
  }
  // From now on, `on_drained` runs once when the last connection is gone (now, if none is open).
  std::vector<std::shared_ptr<Session>> BeginStop(std::function<void()> on_drained) {
    std::unique_lock lock(mu_);
    stopping_ = true;
    if (sessions_.empty()) {
      lock.unlock();
      on_drained();
      return {};
    }
    on_drained_ = std::move(on_drained);
    return {sessions_.begin(), sessions_.end()};
  }

 private:
  std::mutex mu_;
  std::set<std::shared_ptr<Session>> sessions_;
  bool stopping_ = false;
  std::function<void()> on_drained_;
};

// One connection: read a request, answer it, repeat while keep-alive holds.
class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Dispatcher& dispatcher, SessionRegistry& registry, asio::thread_pool& changes)
      : stream_(std::move(socket)), dispatcher_(dispatcher), registry_(registry), changes_(changes) {
    beast::error_code ec;
    auto remote = stream_.socket().remote_endpoint(ec);
    client_ = ec ? "" : remote.address().to_string();
  }

  void Start() {
    registry_.Add(shared_from_this());
    dispatcher_.metrics().ConnectionOpened();
    asio::dispatch(stream_.get_executor(), beast::bind_front_handler(&Session::ReadHeader, shared_from_this()));
  }

  // Called on stop: a connection waiting for its next request is closed now; one whose request
  // is arriving or being answered finishes it first (and then closes, keep-alive being off).
  void CloseIfIdle() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      if (!self->busy_ && !(self->parser_ && self->parser_->got_some())) self->Close();
    });
  }

 private:
  void ReadHeader() {
    if (dispatcher_.stopping()) return Close();
    busy_ = false;
    parser_.emplace();
    parser_->header_limit(16 * 1024);
    parser_->body_limit(dispatcher_.config().body_limit);
    stream_.expires_after(dispatcher_.config().read_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  void OnHeader(beast::error_code ec, size_t) {
    if (ec) return Fail(ec);
    const auto& header = parser_->get();
    parser_->body_limit(dispatcher_.BodyLimitFor(header.method(), header.target()));
    if (beast::iequals(header[http::field::expect], "100-continue")) {
      http::response<http::empty_body> cont{http::status::continue_, 11};
      beast::error_code wec;
      http::write(stream_, cont, wec);
      if (wec) return Fail(wec);
    }
    // Most requests (GET, DELETE) have no body: answer at once instead of another async read.
    if (parser_->is_done()) return OnRead({}, 0);
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code ec, size_t) {
    if (ec) return Fail(ec);
    busy_ = true;
    stream_.expires_never();  // the handler's time is not the client's
    Request request = parser_->release();
    bool keep_alive = request.keep_alive();
    const auto method = request.method();
    if (method != http::verb::get && method != http::verb::head && method != http::verb::options) {
      // A change waits for its group commit: it runs on the change pool, so that the I/O
      // threads stay free for reads while commit groups gather. The work guard keeps the
      // server running (and a graceful stop waiting) until the answer is sent.
      asio::post(changes_, [self = shared_from_this(), request = std::move(request), keep_alive,
                            work = asio::make_work_guard(stream_.get_executor())]() mutable {
        auto response = std::make_shared<Response>(self->dispatcher_.Handle(std::move(request), self->client_));
        asio::dispatch(self->stream_.get_executor(), [self, response, keep_alive] { self->Send(response, keep_alive); });
      });
      return;
    }
    auto response = std::make_shared<Response>(dispatcher_.Handle(std::move(request), client_));
    Send(response, keep_alive);
  }

  void Send(std::shared_ptr<Response> response, bool keep_alive) {
    response->keep_alive(keep_alive && !dispatcher_.stopping());
    response_ = response;
    head_ = SerializeHeader(*response_);
    stream_.expires_after(dispatcher_.config().read_timeout);
    // The header and the body go out in one gather write, without Beast's serializer: its
    // buffer views cost more than the system call on small answers (measured, docs/benchmarks.md).
    std::array<asio::const_buffer, 2> buffers{asio::buffer(head_), asio::buffer(response_->body())};
    asio::async_write(stream_, buffers, beast::bind_front_handler(&Session::OnWrite, shared_from_this()));
  }

  void OnWrite(beast::error_code ec, size_t) {
    bool again = response_ && response_->keep_alive();
    response_.reset();
    if (ec || !again) return Close();
    ReadHeader();
  }

  // A request that could not be read gets an answer when one makes sense, then the connection
  // closes: after a broken request the byte stream cannot be trusted.
  void Fail(beast::error_code ec) {
    std::string target = parser_ ? std::string(parser_->get().target()) : "";
    if (ec == http::error::body_limit) {
      return Send(std::make_shared<Response>(dispatcher_.Refuse(http::status::payload_too_large,
                                                                "the request body is larger than this route accepts",
                                                                target)),
                  false);
    }
    if (ec == http::error::header_limit) {
      return Send(std::make_shared<Response>(dispatcher_.Refuse(
                      http::status::request_header_fields_too_large, "the request headers are too large", target)),
                  false);
    }
    if (ec.category() == http::make_error_code(http::error::end_of_stream).category() && ec != http::error::end_of_stream &&
        ec != http::error::partial_message) {
      return Send(std::make_shared<Response>(
                      dispatcher_.Refuse(http::status::bad_request, "malformed HTTP request: " + ec.message(), target)),
                  false);
    }
    Close();  // end of stream, timeout, reset: nobody to answer
  }

  void Close() {
    if (closed_) return;
    closed_ = true;
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.socket().close(ec);
    dispatcher_.metrics().ConnectionClosed();
    registry_.Remove(shared_from_this());
  }

  beast::tcp_stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<Response> response_;
  std::string head_;  // status line and header fields of response_
  Dispatcher& dispatcher_;
  SessionRegistry& registry_;
  asio::thread_pool& changes_;
  std::string client_;
  bool busy_ = false;
  bool closed_ = false;
};

}  // namespace

// I/O and reads run on one event loop per thread (LoopCount: more loops than cores), the way
// nginx runs its workers: a connection stays on the loop that accepted it, so its handlers need no strand and
// the loops share no reactor lock (measured with one shared io_context: a third of the time went
// to epoll and futex wake-ups between threads). Changes wait for their group commit on the
// change pool instead (see Session::OnRead), so a slow commit never holds up a loop.
struct Server::Impl {
  Impl(ServerConfig c, Dispatcher& d, Logger& l)
      : config(std::move(c)), dispatcher(d), log(l), loops(MakeLoops(LoopCount(config))), keep(KeepRunning(loops)),
        changes(ChangeThreads(config)), acceptor(*loops.front()), signals(*loops.front(), SIGINT, SIGTERM),
        grace(*loops.front()) {}

  // More loops than cores: a loop whose thread is waiting (a read from disk, a page render, or
  // preempted by another process) then holds up only its share of the connections. Measured
  // with GET and wrk on the same 2 cores: 2, 4 and 6 loops gave 0.51, 0.56-0.57 and 0.61-0.69
  // of nginx's requests/s (docs/benchmarks.md).
  static size_t LoopCount(const ServerConfig& c) {
    return c.threads > 0 ? static_cast<size_t>(c.threads) : 2 * std::max(1u, std::thread::hardware_concurrency()) + 2;
  }
  static size_t ChangeThreads(const ServerConfig& c) { return c.change_threads > 0 ? static_cast<size_t>(c.change_threads) : 32; }
  // Concurrency hint 1: each loop is run by one thread (other threads may still post to it).
  static std::vector<std::unique_ptr<asio::io_context>> MakeLoops(size_t n) {
    std::vector<std::unique_ptr<asio::io_context>> v;
    for (size_t i = 0; i < n; ++i) v.push_back(std::make_unique<asio::io_context>(1));
    return v;
  }
  using Guard = asio::executor_work_guard<asio::io_context::executor_type>;
  // A loop with no connection yet must not return from run(): each is held until the stop drains.
  static std::vector<Guard> KeepRunning(const std::vector<std::unique_ptr<asio::io_context>>& loops) {
    std::vector<Guard> v;
    for (auto& l : loops) v.push_back(asio::make_work_guard(*l));
    return v;
  }

  // Connections are dealt to the loops in turn; the acceptor itself lives on the first.
  void Accept() {
    auto& loop = *loops[next_loop++ % loops.size()];
    acceptor.async_accept(loop.get_executor(), [this](beast::error_code ec, tcp::socket socket) {
      if (ec) {
        if (!acceptor.is_open()) return;  // stopped
        log.Warn("accept failed", {{"error", ec.message()}});
      } else {
        socket.set_option(tcp::no_delay(true), ec);
        std::make_shared<Session>(std::move(socket), dispatcher, registry, changes)->Start();
      }
      Accept();
    });
  }

  void BeginStop() {
    asio::dispatch(acceptor.get_executor(), [this] {
      if (stopping) return;
      stopping = true;
      dispatcher.set_stopping();
      log.Info("stopping: no new connections; finishing requests in flight");
      beast::error_code ec;
      acceptor.close(ec);
      signals.cancel(ec);
      grace.expires_after(config.shutdown_grace);
      // Once every connection is closed, nothing is left for the loops to do and Run returns.
      auto sessions = registry.BeginStop([this] {
        asio::post(acceptor.get_executor(), [this] {
          grace.cancel();
          keep.clear();
        });
      });
      for (auto& s : sessions) s->CloseIfIdle();
      grace.async_wait([this](beast::error_code wec) {
        if (wec) return;
        log.Warn("shutdown grace period over; closing remaining connections");
        keep.clear();
        for (auto& l : loops) l->stop();
      });
    });
  }

  ServerConfig config;
  Dispatcher& dispatcher;
  Logger& log;
  std::vector<std::unique_ptr<asio::io_context>> loops;
  std::vector<Guard> keep;
  asio::thread_pool changes;  // runs requests that change the register (see Session::OnRead)
  tcp::acceptor acceptor;
  asio::signal_set signals;
  asio::steady_timer grace;
  SessionRegistry registry;
  size_t next_loop = 0;
  bool stopping = false;
};

Server::Server(ServerConfig config, Dispatcher& dispatcher, Logger& log)
    : impl_(std::make_unique<Impl>(std::move(config), dispatcher, log)) {}

Server::~Server() = default;

base::Status Server::Listen() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->config.host, ec);
  if (ec) return base::Status::InvalidArgument("not an IP address: " + impl_->config.host, "listen");
  tcp::endpoint endpoint(address, impl_->config.port);
  auto& acceptor = impl_->acceptor;
  acceptor.open(endpoint.protocol(), ec);
  if (!ec) acceptor.set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) acceptor.bind(endpoint, ec);
  if (!ec) acceptor.listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    return base::Status::IOError("cannot listen on " + impl_->config.host + ":" + std::to_string(impl_->config.port) +
                                     ": " + ec.message(),
                                 "listen");
  }
  return base::Status::OK();
}

uint16_t Server::port() const {
  beast::error_code ec;
  auto endpoint = impl_->acceptor.local_endpoint(ec);
  return ec ? 0 : endpoint.port();
}

std::string Server::url() const {
  std::string host = impl_->config.host.find(':') != std::string::npos ? "[" + impl_->config.host + "]"
                                                                        : impl_->config.host;
  return "http://" + host + ":" + std::to_string(port()) + "/";
}

void Server::Run() {
  impl_->signals.async_wait([this](beast::error_code ec, int signal) {
    if (ec) return;
    impl_->log.Info("signal received", {{"signal", "#" + std::to_string(signal)}});
    impl_->BeginStop();
  });
  impl_->Accept();
  std::vector<std::thread> threads;
  for (size_t i = 1; i < impl_->loops.size(); ++i) threads.emplace_back([this, i] { impl_->loops[i]->run(); });
  impl_->loops.front()->run();
  for (auto& t : threads) t.join();
  impl_->changes.join();
  impl_->log.Info("stopped");
}

void Server::Stop() { impl_->BeginStop(); }

}  // namespace aims::api
