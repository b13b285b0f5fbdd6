// WebhookSender (issue 5, notifications): the thread of `aims serve` that turns the register's
// notices into webhook deliveries and sends them. Every `scan_every` it queues the events not
// announced before (service/notifications.h); every second it POSTs the deliveries that are due,
// signed (X-Aims-Signature), and records each attempt: delivered on a 2xx answer, otherwise
// retried with backoff until given up. It uses its own Workspace (one Store per thread).
// `DeliverDueOnce` is the same pass for `aims notify`, without a server.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "api/log.h"
#include "base/result.h"
#include "domain/webhook.h"
#include "service/workspace.h"

namespace aims::api {

struct WebhookSenderOptions {
  std::chrono::seconds scan_every{60};  // 0: never scan (deliver what is queued only)
  double retry_scale = 1.0;             // multiplies every backoff delay (tests shrink it)
  std::chrono::seconds timeout{10};     // per attempt: connect, send, answer
};

// One POST of `payload` to `hook`: the HTTP status (0 when no answer) and what went wrong.
struct AttemptResult {
  int status = 0;
  std::string error;
};
AttemptResult PostWebhook(const domain::Webhook& hook, const domain::WebhookDelivery& delivery,
                          std::chrono::seconds timeout);

// Sends every due delivery once and records the outcomes; returns how many were attempted.
base::Result<int> DeliverDueOnce(service::Workspace& ws, const WebhookSenderOptions& options);

class WebhookSender {
 public:
  WebhookSender(service::WorkspaceOptions workspace, WebhookSenderOptions options, Logger& log)
      : workspace_(std::move(workspace)), options_(options), log_(log) {}
  ~WebhookSender() { Stop(); }
  WebhookSender(const WebhookSender&) = delete;
  WebhookSender& operator=(const WebhookSender&) = delete;

  void Start();
  void Stop();

 private:
  void Loop();

  service::WorkspaceOptions workspace_;
  WebhookSenderOptions options_;
  Logger& log_;
  std::thread thread_;
  std::mutex mu_;
  std::condition_variable wake_;
  bool stop_ = false;
};

}  // namespace aims::api
