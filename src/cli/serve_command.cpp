// aims serve: the web application and JSON API on one port (see src/api).
#include <cstdlib>
#include <iostream>

#include "api/api.h"
#include "api/openapi.h"
#include "api/server.h"
#include "api/webhook_sender.h"
#include "cli/commands.h"
#include "web/web.h"

namespace aims::cli {

namespace {

struct ServeArgs {
  std::string listen;
  std::string config_file;
  int threads = -1;
  bool quiet = false;
  bool secure_cookies = false;
  int notify_every = -1;      // seconds between scans for notification events; 0: none
  double retry_scale = -1;    // webhook backoff multiplier
};

std::string Env(const char* name) {
  const char* v = std::getenv(name);
  return v && *v ? v : "";
}

// Defaults, then the TOML file, then AIMS_* variables, then flags: the later one wins.
base::Result<api::ServerConfig> BuildConfig(const ServeArgs& args, const CliContext& ctx) {
  api::ServerConfig config;
  config.workspace = ctx.Options();
  std::string file = !args.config_file.empty() ? args.config_file : Env("AIMS_CONFIG");
  if (!file.empty()) AIMS_TRY(api::ApplyTomlFile(file, &config));
  // --data or AIMS_DATA, when given, win over the file's `data`.
  if (ctx.data_dir != "aims-data" || file.empty()) config.workspace.data_dir = ctx.data_dir;
  if (std::string v = Env("AIMS_LISTEN"); !v.empty()) AIMS_TRY(api::ParseListen(v, &config).WithContext("AIMS_LISTEN "));
  if (std::string v = Env("AIMS_THREADS"); !v.empty()) {
    try {
      config.threads = std::stoi(v);
    } catch (...) {
      return base::Status::InvalidArgument("must be a whole number", "AIMS_THREADS");
    }
  }
  if (!args.listen.empty()) AIMS_TRY(api::ParseListen(args.listen, &config).WithContext("--listen "));
  if (args.threads >= 0) config.threads = args.threads;
  if (args.quiet) config.quiet = true;
  if (args.secure_cookies) config.secure_cookies = true;
  return config;
}

}  // namespace

void RegisterServeCommand(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  CLI::App* openapi = app.add_subcommand("openapi", "Print the API's OpenAPI 3.1 description (as served at /api/openapi.json)");
  openapi->callback([&outcome] {
    std::cout << api::OpenApiDocument(api::RouteTable().router());
    outcome.status = base::Status::OK();
  });

  auto args = std::make_shared<ServeArgs>();
  CLI::App* serve = app.add_subcommand("serve", "Serve the web application and JSON API");
  serve->add_option("--listen", args->listen, "HOST:PORT to listen on (env AIMS_LISTEN; default 127.0.0.1:8080; port 0 picks one)");
  serve->add_option("--config", args->config_file, "TOML settings file (env AIMS_CONFIG)");
  serve->add_option("--threads", args->threads, "I/O and read threads, one event loop each (env AIMS_THREADS; default 2 per core + 2)");
  serve->add_flag("--quiet", args->quiet, "no log line per request");
  serve->add_flag("--secure-cookies", args->secure_cookies, "mark cookies Secure (when served behind TLS)");
  serve->add_option("--notify-every", args->notify_every,
                    "seconds between scans for notification events to send to webhooks (default 60; 0: none)");
  serve->add_option("--webhook-retry-scale", args->retry_scale,
                    "multiply webhook backoff delays (env AIMS_WEBHOOK_RETRY_SCALE; default 1)");
  serve->callback([&ctx, &outcome, args] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(api::ServerConfig config, BuildConfig(*args, ctx));
      if (!service::Workspace::Exists(config.workspace.data_dir)) {
        return base::Status::FailedPrecondition(
            "no aims data here; run `aims init --org NAME` or `aims demo` first", config.workspace.data_dir);
      }
      // Opened once before serving: pending migrations are applied here, by one connection.
      {
        AIMS_ASSIGN_OR_RETURN(auto ws, service::Workspace::Open(config.workspace));
        AIMS_TRY(ws->store().RefreshStatistics());
      }
      api::Logger log;
      api::Metrics metrics;
      api::Router router;
      api::Dispatcher dispatcher(router, config, metrics, log);
      api::AddAllRoutes(router, dispatcher);
      web::AddWebRoutes(router, dispatcher);
      api::Server server(config, dispatcher, log);
      AIMS_TRY(server.Listen());
      api::WebhookSenderOptions notify;
      if (args->notify_every >= 0) notify.scan_every = std::chrono::seconds(args->notify_every);
      if (std::string v = Env("AIMS_WEBHOOK_RETRY_SCALE"); !v.empty()) {
        try {
          notify.retry_scale = std::stod(v);
        } catch (...) {
          return base::Status::InvalidArgument("must be a number", "AIMS_WEBHOOK_RETRY_SCALE");
        }
      }
      if (args->retry_scale >= 0) notify.retry_scale = args->retry_scale;
      if (!(notify.retry_scale > 0)) return base::Status::InvalidArgument("must be above 0", "--webhook-retry-scale");
      api::WebhookSender sender(config.workspace, notify, log);
      sender.Start();
      std::cout << "aims serving " << server.url() << " (data " << config.workspace.data_dir << ")" << std::endl;
      log.Info("listening", {{"url", server.url()}, {"data", config.workspace.data_dir},
                             {"routes", "#" + std::to_string(router.routes().size())}});
      server.Run();
      sender.Stop();
      return base::Status::OK();
    }();
  });
}

}  // namespace aims::cli
