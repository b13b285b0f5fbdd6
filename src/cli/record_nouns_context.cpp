// The context and people nouns (clauses 4 and 5): their commands are generated from the
// record fields; split from record_nouns.cpp so the templates compile in parallel.
#include "cli/commands.h"

namespace aims::cli {

void RegisterContextNouns(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  RegisterRecordCommands<domain::Organisation>(
      app, ctx, outcome,
      {"organisation", "The organisation whose AIMS the register holds (names, ISMS scope, time zone)", false, true,
       false});
  RegisterRecordCommands<domain::ScopeStatement>(
      app, ctx, outcome,
      {"scope", "The AIMS scope statement (clause 4.3); each `add` is a new revision", true, false, false});
  RegisterRecordCommands<domain::ContextIssue>(app, ctx, outcome,
                                               {"issue", "Internal and external issues (clause 4.1)"});
  RegisterRecordCommands<domain::InterestedParty>(app, ctx, outcome,
                                                  {"party", "Interested parties (clause 4.2)"});
  RegisterRecordCommands<domain::PartyRequirement>(
      app, ctx, outcome, {"requirement", "Requirements of interested parties (clause 4.2)"});
  RegisterRecordCommands<domain::Person>(app, ctx, outcome, {"person", "People who act in the AIMS"});
  RegisterRecordCommands<domain::Role>(app, ctx, outcome, {"role", "AIMS roles and responsibilities"});
}

}  // namespace aims::cli
