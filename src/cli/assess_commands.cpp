// The assessment commands: the risk methodology, an approver's acceptance of a risk, AI system
// impact assessments (approve, revise, export) and the EU AI Act registers. The CLI acts with
// the authority of whoever holds the database: approvals name the approving person
// (--approver), and separation of duties is checked against that person.
#include <fstream>
#include <sstream>

#include "cli/commands.h"
#include "base/clock.h"
#include "cli/exit_status.h"
#include "domain/risk_scoring.h"
#include "io/register_json_reader.h"
#include "io/aiact_json.h"
#include "service/aiact_service.h"
#include "service/assessments.h"
#include "service/risk_library.h"
#include "io/risk_library_json.h"
#include "web/impact_document.h"

namespace aims::cli {

namespace {

base::Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Status::NotFound("cannot open the file", path);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}


template <class T>
void PrintRecord(CliContext& ctx, const T& record, const std::string& said) {
  if (ctx.json) {
    std::string out;
    io::RecordJsonWriter::Append(record, &out);
    Print(out + "\n");
  } else {
    Print(said + "\n");
  }
}

void AddMethodologyCommands(CLI::App* noun, CliContext& ctx, Outcome& outcome) {
  struct Args {
    std::string file, appetite;
    int64_t expected = 0;
  };
  auto a = std::make_shared<Args>();
  CLI::App* set = noun->add_subcommand(
      "set", "Change the risk methodology (fields from a JSON file, as the API takes them); re-scores every risk");
  set->add_option("--file", a->file, "JSON object of methodology fields (likelihood_scale, matrix, appetite, ...)");
  set->add_option("--appetite", a->appetite, "only change the risk appetite to this level");
  set->add_option("--if-version", a->expected, "refuse unless the methodology is still at this version");
  set->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      if (a->file.empty() && a->appetite.empty()) {
        return base::Status::InvalidArgument("give --file or --appetite", "--file");
      }
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      std::string body;
      if (!a->file.empty()) {
        AIMS_ASSIGN_OR_RETURN(body, ReadWholeFile(a->file));
      }
      service::RescoreSummary summary;
      domain::RiskMethodology next;
      AIMS_TRY(ws->Mutate([&](service::Mutation& m) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(next, m.Methodology());
        if (!body.empty()) {
          base::Status read = io::ReadRecordChanges(body, &next);
          if (!read.ok()) return read.WithContext(a->file);
        }
        if (!a->appetite.empty()) next.appetite = a->appetite;
        AIMS_ASSIGN_OR_RETURN(summary, service::SetMethodology(m, &next, a->expected > 0 ? std::optional<int64_t>(a->expected)
                                                                                         : std::nullopt));
        return base::Status::OK();
      }));
      PrintRecord(ctx, next, "risk methodology \"" + next.name + "\" in force. " + summary.Text());
      return base::Status::OK();
    }();
  });

  CLI::App* levels = noun->add_subcommand("levels", "How many live risks sit at each level of the methodology");
  levels->callback([&ctx, &outcome] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      service::RescoreSummary summary;
      domain::RiskMethodology m;
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(m, service::CurrentMethodology(tx));
        AIMS_ASSIGN_OR_RETURN(domain::RiskScale scale, domain::RiskScale::Compile(m));
        AIMS_ASSIGN_OR_RETURN(summary, service::CountByLevel(tx, scale));
        return base::Status::OK();
      }));
      if (ctx.json) {
        std::string out = "{\"methodology\": ";
        base::AppendJsonString(&out, m.name);
        out += ", \"appetite\": ";
        base::AppendJsonString(&out, m.appetite);
        out += ", \"risks\": " + std::to_string(summary.risks) +
               ", \"above_appetite\": " + std::to_string(summary.above_appetite_after) + ", \"levels\": {";
        for (size_t i = 0; i < summary.by_level.size(); ++i) {
          if (i) out += ", ";
          base::AppendJsonString(&out, summary.by_level[i].first);
          out += ": " + std::to_string(summary.by_level[i].second);
        }
        Print(out + "}}\n");
        return base::Status::OK();
      }
      Table table({"level", "risks"});
      for (const auto& [level, n] : summary.by_level) table.AddRow({level, std::to_string(n)});
      Print(table.Render());
      Print(std::to_string(summary.risks) + " live risks under \"" + m.name + "\"; " +
            std::to_string(summary.above_appetite_after) + " above the appetite (" + m.appetite + ")\n");
      return base::Status::OK();
    }();
  });
}

void PrintClassification(const domain::AiActClassification& c) {
  std::string out = "tier: " + std::string(domain::EnumName(c.tier)) + "\n";
  out += "gpai: " + std::string(domain::EnumName(c.gpai)) + "\n";
  out += std::string("fria_required: ") + (c.fria_required ? "yes" : "no") + "\n";
  out += "text: " + c.text + ", as of " + c.as_of.ToString() + "\n";
  if (!c.transparency_obligations.empty()) out += "transparency: " + internal::Join(c.transparency_obligations) + "\n";
  Print(out);
  Table table({"article", "binds", "applies from", "in force", "obligation"});
  for (const auto& o : c.obligations) {
    table.AddRow({o.article, std::string(domain::EnumName(o.binds)), o.applies_from.ToString(), o.in_force ? "yes" : "no",
                  o.summary});
  }
  Print(table.Render());
  std::string why = "rationale:\n";
  for (const auto& r : c.rationale) why += "  - " + r + "\n";
  Print(why);
}

struct ClassifyArgs {
  std::string id, answers, as_of, text;
};

void AddClassifyOptions(CLI::App* cmd, ClassifyArgs* a) {
  cmd->add_option("--answers", a->answers, "the questionnaire's answers (JSON file)")->required();
  cmd->add_option("--as-of", a->as_of, "the date the result speaks for (YYYY-MM-DD; default today)");
  cmd->add_option("--text", a->text, "the Regulation's text: amended (default: as amended by Regulation (EU) 2026/1744) "
                                     "or original (2024/1689 as published)");
}

base::Result<std::pair<domain::AiActAnswers, base::Date>> ReadClassifyArgs(const ClassifyArgs& a) {
  AIMS_ASSIGN_OR_RETURN(std::string text, ReadWholeFile(a.answers));
  AIMS_ASSIGN_OR_RETURN(domain::AiActAnswers answers, io::ReadAiActAnswersJson(text, a.answers));
  base::Date as_of = base::Now().date();
  if (!a.as_of.empty()) {
    auto d = base::Date::Parse(a.as_of);
    if (!d.ok()) return base::Status::InvalidArgument("not a date (YYYY-MM-DD)", "--as-of");
    as_of = *d;
  }
  return std::pair{std::move(answers), as_of};
}

void AddAiActCommands(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  CLI::App* aiact = app.add_subcommand("aiact", "EU AI Act: classify a use against the Regulation (no register needed)");
  aiact->require_subcommand(1);
  auto a = std::make_shared<ClassifyArgs>();
  CLI::App* classify = aiact->add_subcommand(
      "classify", "Risk tier, GPAI class, FRIA and obligations (with dates) of a questionnaire's answers");
  AddClassifyOptions(classify, a.get());
  classify->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto args, ReadClassifyArgs(*a));
      AIMS_ASSIGN_OR_RETURN(domain::AiActClassification c, service::ClassifyAnswers(args.first, a->text, args.second));
      if (ctx.json) Print(io::WriteAiActClassificationJson(c) + "\n");
      else PrintClassification(c);
      return base::Status::OK();
    }();
  });

  CLI::App* system = app.get_subcommand("system");
  auto s = std::make_shared<ClassifyArgs>();
  CLI::App* sys_classify = system->add_subcommand(
      "classify", "Classify an AI system under the EU AI Act: stored as a new version when the answers change; "
                  "updates its tier and its obligations");
  sys_classify->add_option("id", s->id, "AI system id or name")->required();
  AddClassifyOptions(sys_classify, s.get());
  sys_classify->callback([&ctx, &outcome, s] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto args, ReadClassifyArgs(*s));
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(domain::Id rid, ResolveArg(*ws, domain::EntityKind::kAiSystem, s->id));
      service::ClassifyOutcome result;
      AIMS_TRY(ws->Mutate([&](service::Mutation& m) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(result, service::ClassifySystem(m, rid, args.first, s->text, args.second, std::nullopt));
        return base::Status::OK();
      }));
      if (ctx.json) {
        std::string out = "{\"assessment\": ";
        io::RecordJsonWriter::Append(result.assessment, &out);
        out += ", \"unchanged\": ";
        out += result.unchanged ? "true" : "false";
        out += ", \"classification\": " + io::WriteAiActClassificationJson(result.classification) + "}";
        Print(out + "\n");
        return base::Status::OK();
      }
      std::string head = domain::DisplayId(domain::EntityKind::kAiSystem, rid) + ": ";
      if (result.unchanged) {
        head += "unchanged (answers and rules as in " +
                domain::DisplayId(domain::EntityKind::kAiActAssessment, result.assessment.meta.id) + ")";
      } else {
        head += "classified as " + domain::DisplayId(domain::EntityKind::kAiActAssessment, result.assessment.meta.id) +
                " (version " + std::to_string(result.assessment.version) + "); obligations: " +
                std::to_string(result.obligations_added) + " added, " + std::to_string(result.obligations_updated) +
                " kept, " + std::to_string(result.obligations_superseded) + " superseded";
      }
      Print(head + "\n");
      PrintClassification(result.classification);
      return base::Status::OK();
    }();
  });
}

}  // namespace

base::Result<service::Approver> ApproverArg(service::Workspace& ws, const std::string& token) {
  service::Approver who;
  who.may_approve = true;  // the CLI runs with the database holder's authority
  AIMS_TRY(ws.Read([&](store::Tx& tx) -> base::Status {
    auto id = ResolveRef(tx, domain::EntityKind::kPerson, token);
    if (!id.ok()) return id.status().WithContext("--approver");
    who.person = *id;
    return base::Status::OK();
  }));
  return who;
}

base::Status StartFrom(store::Tx& tx, const std::string& from_library, domain::Risk* risk) {
  AIMS_ASSIGN_OR_RETURN(*risk, service::RiskFromLibrary(tx, from_library));
  return base::Status::OK();
}

namespace {

base::Status PrintRiskLibrary(CliContext& ctx) {
  AIMS_ASSIGN_OR_RETURN(auto library, service::SeedRisks());
  if (ctx.json) {
    Print(io::RiskLibraryJson(*library) + "\n");
    return base::Status::OK();
  }
  Table table({"id", "title", "source", "objectives", "L", "I", "treatment", "controls (Annex A)"});
  for (const auto& t : library->items) {
    table.AddRow({t.id, t.title, t.source, internal::Join(t.objectives), std::to_string(t.likelihood),
                  std::to_string(t.impact), std::string(domain::EnumName(t.treatment)), internal::Join(t.controls)});
  }
  Print(table.Render());
  Print(std::to_string(library->items.size()) + " seed risks (" + library->title + ", revision " +
        std::to_string(library->revision) + "); add one with `aims risk add --from-library ID --systems SYS-n`\n");
  return base::Status::OK();
}

}  // namespace

void AddRiskCommands(CLI::App* noun, CliContext& ctx, Outcome& outcome) {
  CLI::App* library = noun->add_subcommand("library", "The seed risks a new risk can start from (bias, over-reliance, ...)");
  library->callback([&ctx, &outcome] { outcome.status = PrintRiskLibrary(ctx); });

  struct Args {
    std::string id, approver, note;
    int64_t expected = 0;
  };
  auto a = std::make_shared<Args>();
  CLI::App* accept = noun->add_subcommand(
      "accept", "Accept a risk's residual level as an approver who is not its owner (needed above the appetite)");
  accept->add_option("id", a->id, "risk id")->required();
  accept->add_option("--approver", a->approver, "the approving person (id or email)")->required();
  accept->add_option("--note", a->note, "why the residual risk is acceptable")->required();
  accept->add_option("--if-version", a->expected, "refuse unless the risk is still at this version");
  accept->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(domain::Id rid, ResolveArg(*ws, domain::EntityKind::kRisk, a->id));
      AIMS_ASSIGN_OR_RETURN(service::Approver who, ApproverArg(*ws, a->approver));
      domain::Risk risk;
      AIMS_TRY(ws->Mutate([&](service::Mutation& m) -> base::Status {
        int64_t expected = a->expected;
        if (expected == 0) {
          AIMS_ASSIGN_OR_RETURN(domain::Risk current, m.Get<domain::Risk>(rid));
          expected = current.meta.version;
        }
        return service::AcceptRisk(m, rid, expected, who, a->note, &risk);
      }));
      PrintRecord(ctx, risk, "accepted " + domain::DisplayId(domain::EntityKind::kRisk, rid));
      return base::Status::OK();
    }();
  });
}

void RegisterAssessNouns(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  CLI::App* methodology = RegisterRecordCommands<domain::RiskMethodology>(
      app, ctx, outcome, {"methodology", "The risk methodology: scales, matrix, appetite, review cadence", false, false, false});
  AddMethodologyCommands(methodology, ctx, outcome);

  CLI::App* impact = RegisterRecordCommands<domain::ImpactAssessment>(
      app, ctx, outcome, {"impact", "AI system impact assessments (versioned; approved versions are frozen)"});
  struct Args {
    std::string id, approver, drafter, out;
  };
  auto a = std::make_shared<Args>();
  CLI::App* approve = impact->add_subcommand("approve", "Approve a draft impact assessment: it is frozen from then on");
  approve->add_option("id", a->id, "impact assessment id")->required();
  approve->add_option("--approver", a->approver, "the approving person (id or email)")->required();
  approve->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(domain::Id rid, ResolveArg(*ws, domain::EntityKind::kImpactAssessment, a->id));
      AIMS_ASSIGN_OR_RETURN(service::Approver who, ApproverArg(*ws, a->approver));
      domain::ImpactAssessment out;
      AIMS_TRY(ws->Mutate([&](service::Mutation& m) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(domain::ImpactAssessment current, m.Get<domain::ImpactAssessment>(rid));
        return service::ApproveImpactAssessment(m, rid, current.meta.version, who, &out);
      }));
      PrintRecord(ctx, out, "approved " + domain::DisplayId(domain::EntityKind::kImpactAssessment, rid) + " (version " +
                                std::to_string(out.version) + ")");
      return base::Status::OK();
    }();
  });
  CLI::App* revise = impact->add_subcommand("revise", "Start a new draft version of an approved impact assessment");
  revise->add_option("id", a->id, "impact assessment id")->required();
  revise->add_option("--drafter", a->drafter, "the person drafting it (id or email)");
  revise->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(domain::Id rid, ResolveArg(*ws, domain::EntityKind::kImpactAssessment, a->id));
      std::optional<domain::Id> drafter;
      if (!a->drafter.empty()) {
        AIMS_ASSIGN_OR_RETURN(service::Approver who, ApproverArg(*ws, a->drafter));
        drafter = who.person;
      }
      domain::ImpactAssessment out;
      AIMS_TRY(ws->Mutate([&](service::Mutation& m) { return service::ReviseImpactAssessment(m, rid, drafter, &out); }));
      PrintRecord(ctx, out, "drafted " + domain::DisplayId(domain::EntityKind::kImpactAssessment, out.meta.id) +
                                " (version " + std::to_string(out.version) + ")");
      return base::Status::OK();
    }();
  });
  CLI::App* doc = impact->add_subcommand("export", "Write an impact assessment as a readable HTML document");
  doc->add_option("id", a->id, "impact assessment id")->required();
  doc->add_option("--out", a->out, "the HTML file to write")->required();
  doc->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(domain::Id rid, ResolveArg(*ws, domain::EntityKind::kImpactAssessment, a->id));
      AIMS_ASSIGN_OR_RETURN(std::string html, web::ImpactDocument(*ws, rid));
      std::ofstream out(a->out, std::ios::binary | std::ios::trunc);
      out << html;
      if (!out.flush()) return base::Status::IOError("cannot write", a->out);
      Print("wrote " + a->out + " (" + std::to_string(html.size()) + " bytes)\n");
      return base::Status::OK();
    }();
  });

  AddAiActCommands(app, ctx, outcome);
  RegisterRecordCommands<domain::ImpactItem>(app, ctx, outcome,
                                             {"impact-item", "Benefits and harms of an impact assessment"});
  RegisterRecordCommands<domain::AiActAssessment>(
      app, ctx, outcome, {"classification", "EU AI Act classifications of AI systems (aims system classify)", false, false, true});
  RegisterRecordCommands<domain::Obligation>(
      app, ctx, outcome, {"obligation", "EU AI Act obligations of each system, with owner and status", false, true, false});
}

}  // namespace aims::cli
