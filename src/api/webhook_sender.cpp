#include "api/webhook_sender.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>

#include "base/clock.h"
#include "domain/webhook_signature.h"
#include "service/notifications.h"

namespace aims::api {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = boost::asio::ip::tcp;

AttemptResult PostWebhook(const domain::Webhook& hook, const domain::WebhookDelivery& delivery,
                          std::chrono::seconds timeout) {
  auto target = domain::ParseWebhookUrl(hook.url);
  if (!target.ok()) return {0, std::string(target.status().message())};
  try {
    boost::asio::io_context io;
    tcp::resolver resolver(io);
    beast::tcp_stream stream(io);
    stream.expires_after(timeout);
    auto endpoints = resolver.resolve(target->host, std::to_string(target->port));
    stream.connect(endpoints);
    bhttp::request<bhttp::string_body> req{bhttp::verb::post, target->target, 11};
    req.set(bhttp::field::host, target->host + ":" + std::to_string(target->port));
    req.set(bhttp::field::user_agent, "aims-webhook/1");
    req.set(bhttp::field::content_type, "application/json");
    req.set("X-Aims-Event", delivery.kind);
    req.set("X-Aims-Delivery", std::to_string(delivery.id));
    int64_t now_s = base::Now().micros() / 1000000;
    req.set(domain::kWebhookSignatureHeader, domain::SignWebhook(hook.secret, now_s, delivery.payload));
    req.body() = delivery.payload;
    req.prepare_payload();
    stream.expires_after(timeout);
    bhttp::write(stream, req);
    beast::flat_buffer buffer;
    bhttp::response_parser<bhttp::string_body> parser;
    parser.body_limit(64 * 1024);  // the receiver's answer is not read beyond this
    stream.expires_after(timeout);
    bhttp::read(stream, buffer, parser);
    beast::error_code ignored;
    stream.socket().shutdown(tcp::socket::shutdown_both, ignored);
    int status = static_cast<int>(parser.get().result_int());
    return {status, status >= 200 && status < 300 ? "" : "answered " + std::to_string(status)};
  } catch (const std::exception& e) {
    return {0, e.what()};
  }
}

base::Result<int> DeliverDueOnce(service::Workspace& ws, const WebhookSenderOptions& options) {
  int64_t now_ms = base::Now().micros() / 1000;
  AIMS_ASSIGN_OR_RETURN(auto due, service::DueDeliveries(ws, now_ms, 100));
  for (auto& d : due) {
    AttemptResult r = PostWebhook(d.hook, d.delivery, options.timeout);
    domain::ApplyAttempt(&d.delivery, r.status, r.error, base::Now().micros() / 1000, options.retry_scale);
    AIMS_TRY(service::SaveAttempt(ws, d.delivery));
  }
  return static_cast<int>(due.size());
}

void WebhookSender::Start() {
  stop_ = false;
  thread_ = std::thread([this] { Loop(); });
}

void WebhookSender::Stop() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void WebhookSender::Loop() {
  std::unique_ptr<service::Workspace> ws;
  auto last_scan = std::chrono::steady_clock::time_point{};
  while (true) {
    {
      std::unique_lock lock(mu_);
      if (wake_.wait_for(lock, std::chrono::seconds(1), [this] { return stop_; })) return;
    }
    if (!ws) {
      auto opened = service::Workspace::Open(workspace_);
      if (!opened.ok()) {
        log_.Error("webhooks: cannot open the register", {{"error", opened.status().ToString()}});
        continue;
      }
      ws = std::move(*opened);
    }
    auto now = std::chrono::steady_clock::now();
    if (options_.scan_every.count() > 0 && now - last_scan >= options_.scan_every) {
      last_scan = now;
      auto fresh = service::QueueNotifications(*ws, base::Now());
      if (!fresh.ok()) log_.Error("webhooks: scan failed", {{"error", fresh.status().ToString()}});
      else if (*fresh > 0) log_.Info("webhooks: new events", {{"events", "#" + std::to_string(*fresh)}});
    }
    auto sent = DeliverDueOnce(*ws, options_);
    if (!sent.ok()) log_.Error("webhooks: delivery failed", {{"error", sent.status().ToString()}});
  }
}

}  // namespace aims::api
