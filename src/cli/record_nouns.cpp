#include <fstream>

#include "cli/commands.h"
#include "cli/exit_status.h"
#include "service/soa_report.h"

namespace aims::cli {

namespace {

base::Status PrintFrameworkControls(CliContext& ctx, const std::string& framework) {
  AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
  AIMS_ASSIGN_OR_RETURN(service::SoaReport report, service::BuildSoa(*ws, framework, base::Now().date()));
  if (ctx.json) {
    std::string out = "[";
    for (size_t i = 0; i < report.rows.size(); ++i) {
      const auto& r = report.rows[i];
      out += i ? ",\n  {" : "\n  {";
      out += "\"id\": ";
      base::AppendJsonString(&out, r.id);
      out += ", \"title\": ";
      base::AppendJsonString(&out, r.title);
      out += ", \"status\": \"" + std::string(domain::EnumName(r.status)) + "\", \"controls\": [";
      for (size_t c = 0; c < r.controls.size(); ++c) {
        if (c) out += ", ";
        base::AppendJsonString(&out, r.controls[c]);
      }
      out += "], \"evidence\": " + std::to_string(r.evidence) + "}";
    }
    Print(out + (report.rows.empty() ? "]\n" : "\n]\n"));
    return base::Status::OK();
  }
  Table table({"id", "title", "status", "implemented by", "evidence"});
  for (const auto& r : report.rows) {
    table.AddRow({r.id, r.title, std::string(domain::EnumName(r.status)), internal::Join(r.controls),
                  std::to_string(r.evidence)});
  }
  Print(table.Render());
  Print(std::to_string(report.rows.size()) + " controls in " + report.catalog + "\n");
  return base::Status::OK();
}

void AddEvidenceCommands(CLI::App* noun, CliContext& ctx, Outcome& outcome) {
  struct Args {
    std::string file;
    std::vector<std::string> controls;
    std::string expires, title, description, source, collected_by, effective, observed_from,
        observed_to, media_type;
  };
  auto a = std::make_shared<Args>();
  CLI::App* add = noun->add_subcommand("add", "Store an evidence file and link it to controls");
  add->add_option("file", a->file, "the evidence file")->required();
  add->add_option("--control", a->controls, "control it supports (code or CTL-id); repeat for several")
      ->required()
      ->take_all();
  add->add_option("--expires", a->expires, "last day the evidence counts (YYYY-MM-DD)");
  add->add_option("--title", a->title, "short title (default: the file name)");
  add->add_option("--description", a->description);
  add->add_option("--source", a->source, "where it was collected from");
  add->add_option("--collected-by", a->collected_by, "person (id or email)");
  add->add_option("--effective", a->effective, "the date it speaks for (YYYY-MM-DD)");
  add->add_option("--observed-from", a->observed_from, "start of the observation period");
  add->add_option("--observed-to", a->observed_to, "end of the observation period");
  add->add_option("--media-type", a->media_type, "e.g. application/pdf");
  add->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(service::StoredBlob blob, ws->blobs().PutFile(a->file));
      std::string base_name = a->file.substr(a->file.find_last_of('/') + 1);
      FieldValues values;
      auto put = [&](const char* field, const std::string& v) {
        if (!v.empty()) values[field] = {v};
      };
      values["controls"] = a->controls;
      put("expires_on", a->expires);
      put("title", a->title.empty() ? base_name : a->title);
      put("description", a->description);
      put("source", a->source);
      put("collected_by", a->collected_by);
      put("effective_date", a->effective);
      put("observed_from", a->observed_from);
      put("observed_to", a->observed_to);
      put("media_type", a->media_type);
      domain::Evidence ev;
      ev.file_name = base_name;
      ev.sha256 = blob.sha256;
      ev.size_bytes = blob.size;
      AIMS_TRY(ws->Mutate([&](service::Mutation& m) -> base::Status {
        AIMS_TRY(AssignFields(m.tx(), values, &ev));
        return m.Create(ev).status();
      }));
      if (ctx.json) {
        std::string out;
        io::RecordJsonWriter::Append(ev, &out);
        Print(out + "\n");
      } else {
        Print("added " + domain::DisplayId(domain::EntityKind::kEvidence, ev.meta.id) + " sha256 " +
              blob.sha256 + " (" + std::to_string(blob.size) + " bytes)\n");
      }
      return base::Status::OK();
    }();
  });

  auto id = std::make_shared<std::string>();
  auto out_path = std::make_shared<std::string>();
  CLI::App* get = noun->add_subcommand("get", "Write an evidence file back out, checking its hash");
  get->add_option("id", *id, "evidence id")->required();
  get->add_option("--out", *out_path, "where to write it")->required();
  get->callback([&ctx, &outcome, id, out_path] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(domain::Id rid, ResolveArg(*ws, domain::EntityKind::kEvidence, *id));
      domain::Evidence ev;
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(ev, tx.records<domain::Evidence>().Get(rid));
        return base::Status::OK();
      }));
      AIMS_ASSIGN_OR_RETURN(std::string bytes, ws->blobs().Get(ev.sha256));
      if (base::ToHex(base::Sha256(bytes)) != ev.sha256) {
        return base::Status::Corruption("the stored file no longer matches its SHA-256", ws->blobs().PathOf(ev.sha256));
      }
      std::ofstream out(*out_path, std::ios::binary | std::ios::trunc);
      out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
      if (!out.flush()) return base::Status::IOError("cannot write", *out_path);
      if (ctx.json) {
        Print("{\"bytes\": " + std::to_string(bytes.size()) + ", \"sha256\": \"" + ev.sha256 + "\", \"verified\": true}\n");
      } else {
        Print("wrote " + *out_path + " (" + std::to_string(bytes.size()) + " bytes, sha256 verified)\n");
      }
      return base::Status::OK();
    }();
  });
}

}  // namespace

void RegisterRecordNouns(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  RegisterContextNouns(app, ctx, outcome);
  RegisterInventoryNouns(app, ctx, outcome);
  CLI::App* risk = RegisterRecordCommands<domain::Risk>(app, ctx, outcome, {"risk", "AI risks and their treatment"});
  AddRiskCommands(risk, ctx, outcome);

  auto framework = std::make_shared<std::string>();
  NounSpec control{"control", "The organisation's controls, and framework coverage"};
  control.extend_list = [framework](CLI::App* list) {
    list->add_option("--framework", *framework,
                     "list a framework's controls (e.g. iso42001, iso27001) with what implements them");
  };
  control.list_override = [&ctx, framework]() -> std::optional<base::Status> {
    if (framework->empty()) return std::nullopt;
    return PrintFrameworkControls(ctx, *framework);
  };
  RegisterRecordCommands<domain::Control>(app, ctx, outcome, control);

  CLI::App* evidence = RegisterRecordCommands<domain::Evidence>(
      app, ctx, outcome, {"evidence", "Evidence files and what they support", false, true, true});
  AddEvidenceCommands(evidence, ctx, outcome);
  RegisterAssessNouns(app, ctx, outcome);
  RegisterGateNouns(app, ctx, outcome);
  RegisterIncidentNouns(app, ctx, outcome);
  RegisterGovernanceNouns(app, ctx, outcome);
  RegisterConcernCommands(app, ctx, outcome);
  RegisterObjectiveNouns(app, ctx, outcome);
  RegisterOversightNouns(app, ctx, outcome);
  RegisterInboxCommand(app, ctx, outcome);
  RegisterWebhookCommands(app, ctx, outcome);
}

}  // namespace aims::cli
