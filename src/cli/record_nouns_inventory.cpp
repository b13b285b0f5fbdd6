// The inventory nouns: suppliers, datasets, models, AI systems and pipelines.
#include "cli/commands.h"

namespace aims::cli {

void RegisterInventoryNouns(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  RegisterRecordCommands<domain::Supplier>(app, ctx, outcome, {"supplier", "Suppliers of models, data and services"});
  RegisterRecordCommands<domain::Dataset>(app, ctx, outcome, {"dataset", "Datasets"});
  RegisterRecordCommands<domain::Model>(app, ctx, outcome, {"model", "Models (one record per version)"});
  RegisterRecordCommands<domain::AiSystem>(app, ctx, outcome, {"system", "The AI system inventory"});
  RegisterRecordCommands<domain::Pipeline>(app, ctx, outcome, {"pipeline", "Data and ML pipelines"});
}

}  // namespace aims::cli
