// The account command groups: `aims user`, `aims token`, `aims access-role` (account_commands.cpp).
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "cli/record_commands.h"

namespace aims::cli {

void RegisterAccountCommands(CLI::App& app, CliContext& ctx, Outcome& outcome);

}  // namespace aims::cli
