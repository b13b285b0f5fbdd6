#include "cli/app.h"

#include <unistd.h>

#include <cstdlib>
#include <iostream>

#include "cli/account_commands.h"
#include "cli/commands.h"
#include "cli/exit_status.h"

#ifndef AIMS_VERSION
#define AIMS_VERSION "0.0.0"
#endif

namespace aims::cli {

namespace {

std::string DefaultActor() {
  if (const char* a = std::getenv("AIMS_ACTOR"); a && *a) return a;
  const char* user = std::getenv("USER");
  if (!user || !*user) user = ::getlogin();
  return std::string("cli:") + (user && *user ? user : "unknown");
}

}  // namespace

int Run(int argc, char** argv) {
  CliContext ctx;
  Outcome outcome;
  CLI::App app{"aims: an AI management system for ISO/IEC 42001, with a tamper-evident ledger"};
  app.set_version_flag("--version", std::string("aims ") + AIMS_VERSION);
  app.require_subcommand(1);
  const char* env_data = std::getenv("AIMS_DATA");
  ctx.data_dir = env_data && *env_data ? env_data : "aims-data";
  ctx.actor = DefaultActor();
  app.add_option("--data", ctx.data_dir, "data directory (env AIMS_DATA; default ./aims-data)");
  app.add_option("--actor", ctx.actor, "who to record in the ledger (env AIMS_ACTOR; default cli:$USER)");
  app.add_flag("--json", ctx.json, "machine-readable JSON output");
  app.fallthrough();

  RegisterRegisterCommands(app, ctx, outcome);
  RegisterRecordNouns(app, ctx, outcome);
  RegisterLedgerCommands(app, ctx, outcome);
  RegisterCatalogCommands(app, ctx, outcome);
  RegisterAccountCommands(app, ctx, outcome);
  RegisterServeCommand(app, ctx, outcome);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --help, --version
    std::cerr << "aims: error: " << e.what() << "\n(run `aims --help` for the commands)" << std::endl;
    return kExitUsage;
  } catch (const std::exception& e) {
    // Nothing below the CLI should throw; if something does, say so rather than abort.
    outcome.status = base::Status::Internal(std::string("unexpected exception: ") + e.what());
  }
  std::fflush(stdout);
  if (!outcome.status.ok()) {
    std::cerr << ErrorLine(outcome.status) << std::endl;
  }
  return ExitCodeFor(outcome.status);
}

}  // namespace aims::cli
