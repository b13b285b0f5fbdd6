// The command groups of the aims CLI; app.cpp assembles them.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "cli/record_commands.h"

namespace aims::cli {

void RegisterRecordNouns(CLI::App& app, CliContext& ctx, Outcome& outcome);
void RegisterContextNouns(CLI::App& app, CliContext& ctx, Outcome& outcome);
void RegisterInventoryNouns(CLI::App& app, CliContext& ctx, Outcome& outcome);
void RegisterRegisterCommands(CLI::App& app, CliContext& ctx, Outcome& outcome);
void RegisterLedgerCommands(CLI::App& app, CliContext& ctx, Outcome& outcome);
void RegisterCatalogCommands(CLI::App& app, CliContext& ctx, Outcome& outcome);
void RegisterServeCommand(CLI::App& app, CliContext& ctx, Outcome& outcome);
// Assessment: methodology, impact assessments, EU AI Act classifications and obligations.
void RegisterAssessNouns(CLI::App& app, CliContext& ctx, Outcome& outcome);
void AddRiskCommands(CLI::App* risk_noun, CliContext& ctx, Outcome& outcome);

}  // namespace aims::cli
