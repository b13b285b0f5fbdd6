// The command groups of the aims CLI; app.cpp assembles them.
#pragma once

#include <CLI/CLI.hpp>

#include "cli/context.h"
#include "cli/record_commands.h"
#include "service/assessments.h"

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
// Lifecycle gates: `aims system advance|gate`, `aims gate approve|refuse`, the gate policy.
void RegisterGateNouns(CLI::App& app, CliContext& ctx, Outcome& outcome);
// Incidents: the record commands plus clocks, log, communicate, feed-risk.
void RegisterIncidentNouns(CLI::App& app, CliContext& ctx, Outcome& outcome);
// Governance: `aims policy` (approve, review) and `aims raci` (matrix, gaps).
void RegisterGovernanceNouns(CLI::App& app, CliContext& ctx, Outcome& outcome);
// Concerns: file, receipt, add (for reporters); list, show, handle (for handlers).
void RegisterConcernCommands(CLI::App& app, CliContext& ctx, Outcome& outcome);
// AI objectives: record commands plus `objective record|status`.
void RegisterObjectiveNouns(CLI::App& app, CliContext& ctx, Outcome& outcome);
// Human oversight and competence: `course`, `training` (+ register), `oversight` (+ check).
void RegisterOversightNouns(CLI::App& app, CliContext& ctx, Outcome& outcome);
// `aims inbox --person P`: what waits for a person.
void RegisterInboxCommand(CLI::App& app, CliContext& ctx, Outcome& outcome);
// `aims webhook add|list|remove|deliveries` and `aims notify`.
void RegisterWebhookCommands(CLI::App& app, CliContext& ctx, Outcome& outcome);

// The person an approval (or a request) is signed by, from an id or email; the CLI acts with
// the database holder's authority, so they may approve.
base::Result<service::Approver> ApproverArg(service::Workspace& ws, const std::string& token);

}  // namespace aims::cli
