#include <filesystem>
#include <future>
#include <fstream>
#include <sstream>

#include "base/clock.h"
#include "base/time_zone.h"
#include "catalog/builtin_catalogs.h"
#include "cli/commands.h"
#include "io/register_json_reader.h"
#include "service/catalog_service.h"
#include "service/demo.h"
#include "service/export_import.h"
#include "service/soa_report.h"

namespace aims::cli {

namespace {

base::Result<std::string> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Status::NotFound("cannot open file", path);
  std::string text;
  // One read of the whole file when its size is known (large imports); pipes are streamed.
  std::error_code ec;
  auto size = std::filesystem::is_regular_file(path, ec) ? std::filesystem::file_size(path, ec) : 0;
  if (!ec && size > 0) {
    text.resize(size);
    in.read(text.data(), static_cast<std::streamsize>(size));
    text.resize(static_cast<size_t>(in.gcount()));
    if (in.bad()) return base::Status::IOError("cannot read file", path);
    if (in.peek() == std::char_traits<char>::eof()) return text;
    in.clear();
  }
  std::ostringstream buf;
  buf << in.rdbuf();
  if (in.bad()) return base::Status::IOError("cannot read file", path);
  return text + buf.str();
}

void AddInit(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  auto org = std::make_shared<domain::Organisation>();
  CLI::App* init = app.add_subcommand("init", "Create a data directory with a new register and signing key");
  init->add_option("--org", org->name, "organisation name")->required();
  init->add_option("--legal-name", org->legal_name);
  init->add_option("--sector", org->sector);
  init->add_option("--time-zone", org->time_zone,
                   "IANA time zone, e.g. Europe/Berlin (default UTC): times are shown in it and legal periods count its days");
  init->callback([&ctx, &outcome, org] {
    outcome.status = [&]() -> base::Status {
      // Checked before the data directory is made, so a typo leaves nothing behind.
      if (!org->time_zone.empty()) {
        auto zone = base::TimeZone::Find(org->time_zone);
        if (!zone.ok()) return base::Status::InvalidArgument(std::string(zone.status().message()), "--time-zone");
      }
      AIMS_ASSIGN_OR_RETURN(auto ws, service::Workspace::Create(ctx.Options()));
      AIMS_TRY(ws->Mutate([&](service::Mutation& m) { return service::InitialiseRegister(m, *org); }));
      if (ctx.json) {
        Print("{\"data\": \"" + ctx.data_dir + "\", \"ledger_size\": " +
              std::to_string(ws->last_head() ? ws->last_head()->size : 0) + "}\n");
      } else {
        Print("initialised " + ctx.data_dir + " for " + org->name + "\n" +
              "  38 ISO/IEC 42001 Annex A controls seeded, Statement of Applicability undecided\n"
              "  ledger signing key: " + ws->paths().secret_key + " (keep it secret, mode 0600)\n"
              "next: aims system add --name NAME --purpose TEXT; aims soa; aims ledger verify\n");
      }
      return base::Status::OK();
    }();
  });
}

void AddDemo(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  CLI::App* demo = app.add_subcommand("demo", "Create a data directory holding a realistic demo organisation");
  demo->callback([&ctx, &outcome] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(service::DemoSummary summary, service::CreateDemo(ctx.Options()));
      if (ctx.json) {
        std::string logins;
        for (const auto& l : summary.logins) {
          logins += (logins.empty() ? "" : ", ") + std::string("{\"role\": \"") + l.role + "\", \"email\": \"" + l.email +
                    "\", \"password\": \"" + l.password + "\"}";
        }
        Print("{\"data\": \"" + ctx.data_dir + "\", \"organisation\": \"" + summary.organisation +
              "\", \"created\": " + (summary.created ? "true" : "false") + ", \"logins\": [" + logins + "]}\n");
        return base::Status::OK();
      }
      Print(std::string(summary.created ? "created" : "found") + " the demo organisation \"" +
            summary.organisation + "\" in " + ctx.data_dir + "\n" + summary.description + "\n" +
            "try:\n"
            "  aims --data " + ctx.data_dir + " system list\n"
            "  aims --data " + ctx.data_dir + " risk list\n"
            "  aims --data " + ctx.data_dir + " soa\n"
            "  aims --data " + ctx.data_dir + " control list --framework iso27001\n"
            "  aims --data " + ctx.data_dir + " ledger verify\n"
            "  aims --data " + ctx.data_dir + " serve   (web application and API)\n");
      if (!summary.logins.empty()) {
        std::string table = "sign-ins for aims serve, one per role (passwords shown only now):\n";
        for (const auto& l : summary.logins) {
          table += "  " + l.role + std::string(14 - std::min<size_t>(13, l.role.size()), ' ') + l.email +
                   std::string(36 - std::min<size_t>(35, l.email.size()), ' ') + l.password + "\n";
        }
        Print(table);
      }
      return base::Status::OK();
    }();
  });
}

void AddMigrate(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  CLI::App* migrate = app.add_subcommand("migrate", "Apply pending database migrations");
  migrate->callback([&ctx, &outcome] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      const auto& report = ws->store().migration_report();
      if (ctx.json) {
        std::string out = "{\"version\": " + std::to_string(report.to_version) + ", \"applied\": [";
        for (size_t i = 0; i < report.applied.size(); ++i) out += (i ? ", \"" : "\"") + report.applied[i] + "\"";
        Print(out + "]}\n");
      } else if (report.applied.empty()) {
        Print("database schema is current (version " + std::to_string(report.to_version) + ")\n");
      } else {
        for (const auto& name : report.applied) Print("applied " + name + "\n");
        Print("database schema is now version " + std::to_string(report.to_version) + "\n");
      }
      return base::Status::OK();
    }();
  });
}

void AddExportImport(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  auto out_path = std::make_shared<std::string>();
  auto no_blobs = std::make_shared<bool>(false);
  CLI::App* exp = app.add_subcommand("export", "Write the whole register as one JSON document");
  exp->add_option("--out", *out_path, "file to write (default: stdout)");
  exp->add_flag("--no-blobs", *no_blobs, "leave the evidence files out");
  exp->callback([&ctx, &outcome, out_path, no_blobs] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(std::string doc, service::ExportRegister(*ws, {.include_blobs = !*no_blobs}));
      if (out_path->empty()) {
        Print(doc);
        return base::Status::OK();
      }
      std::string tmp = *out_path + ".tmp";
      {
        std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
        out.write(doc.data(), static_cast<std::streamsize>(doc.size()));
        if (!out.flush()) return base::Status::IOError("cannot write", tmp);
      }
      if (std::rename(tmp.c_str(), out_path->c_str()) != 0) return base::Status::IOError("cannot rename", tmp);
      if (ctx.json) {
        Print("{\"file\": ");
        std::string file;
        base::AppendJsonString(&file, *out_path);
        Print(file + ", \"bytes\": " + std::to_string(doc.size()) + "}\n");
      } else {
        Print("exported to " + *out_path + " (" + std::to_string(doc.size()) + " bytes)\n");
      }
      return base::Status::OK();
    }();
  });

  auto in_path = std::make_shared<std::string>();
  CLI::App* imp = app.add_subcommand("import", "Load an exported register into a new data directory");
  imp->add_option("file", *in_path, "register JSON document (from aims export)")->required();
  imp->callback([&ctx, &outcome, in_path] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(std::string text, ReadFile(*in_path));
      // Parse while the data directory is opened or created: the two are independent, and for a
      // large register each takes a noticeable share of the time.
      auto parsed = std::async(std::launch::async, [&text, in_path] {
        return io::RegisterJsonSource::Parse(std::move(text), *in_path, base::Now());
      });
      base::Result<std::unique_ptr<service::Workspace>> ws =
          service::Workspace::Exists(ctx.data_dir) ? ctx.Open() : service::Workspace::Create(ctx.Options());
      // The built-in catalogs are loaded once per process; loading them now overlaps the parse.
      (void)catalog::BuiltinCatalogs();
      base::Result<io::RegisterJsonSource> source = parsed.get();
      if (!ws.ok()) return ws.status();
      if (!source.ok()) return source.status();
      AIMS_ASSIGN_OR_RETURN(service::ImportSummary summary,
                            service::ImportRegister(**ws, *source, *in_path));
      if (ctx.json) {
        Print("{\"records\": " + std::to_string(summary.records) + ", \"ledger_size\": " +
              std::to_string(summary.ledger_size) + "}\n");
      } else {
        Print("imported " + std::to_string(summary.records) + " records into " + ctx.data_dir +
              " (ledger size " + std::to_string(summary.ledger_size) + ")\n");
      }
      return base::Status::OK();
    }();
  });
}

void AddSoa(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  struct Args {
    std::string format = "table";
    std::string framework = std::string(service::kPrimaryFramework);
    std::string requirement, applicable, justification;
  };
  auto a = std::make_shared<Args>();
  CLI::App* soa = app.add_subcommand("soa", "The Statement of Applicability");
  soa->add_option("--format", a->format, "table, csv or json")->check(CLI::IsMember({"table", "csv", "json"}));
  soa->add_option("--framework", a->framework, "framework id (default iso42001)");
  soa->callback([&ctx, &outcome, a, soa] {
    if (!soa->get_subcommands().empty()) return;
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(service::SoaReport report, service::BuildSoa(*ws, a->framework, base::Now().date()));
      std::string format = ctx.json ? "json" : a->format;
      auto risks = [](const service::SoaRow& r) {
        std::vector<std::string> ids;
        for (domain::Id id : r.risks) ids.push_back(domain::DisplayId(domain::EntityKind::kRisk, id));
        return ids;
      };
      if (format == "json") {
        std::string out = "{\"framework\": \"" + report.framework + "\", \"catalog\": \"" + report.catalog +
                          "\", \"date\": \"" + report.today.ToString() + "\", \"rows\": [";
        for (size_t i = 0; i < report.rows.size(); ++i) {
          const auto& r = report.rows[i];
          out += i ? ",\n  {" : "\n  {";
          out += "\"id\": ";
          base::AppendJsonString(&out, r.id);
          out += ", \"title\": ";
          base::AppendJsonString(&out, r.title);
          out += ", \"applicable\": \"" + std::string(domain::EnumName(r.applicable)) + "\", \"justification\": ";
          base::AppendJsonString(&out, r.justification);
          out += ", \"status\": \"" + std::string(domain::EnumName(r.status)) + "\", \"controls\": [";
          for (size_t c = 0; c < r.controls.size(); ++c) {
            if (c) out += ", ";
            base::AppendJsonString(&out, r.controls[c]);
          }
          out += "], \"risks\": [";
          auto ids = risks(r);
          for (size_t c = 0; c < ids.size(); ++c) out += (c ? ", \"" : "\"") + ids[c] + "\"";
          out += "], \"evidence\": " + std::to_string(r.evidence) +
                 ", \"current_evidence\": " + std::to_string(r.current_evidence) + "}";
        }
        Print(out + "\n]}\n");
      } else if (format == "csv") {
        std::string out = "id,title,applicable,justification,status,controls,risks,evidence\n";
        for (const auto& r : report.rows) {
          out += CsvField(r.id) + "," + CsvField(r.title) + "," + std::string(domain::EnumName(r.applicable)) + "," +
                 CsvField(r.justification) + "," + std::string(domain::EnumName(r.status)) + "," +
                 CsvField(internal::Join(r.controls)) + "," + CsvField(internal::Join(risks(r))) + "," +
                 std::to_string(r.evidence) + "\n";
        }
        Print(out);
      } else {
        Table table({"id", "title", "applicable", "justification", "status", "risks", "evidence"}, 40);
        for (const auto& r : report.rows) {
          table.AddRow({r.id, r.title, std::string(domain::EnumName(r.applicable)), r.justification,
                        std::string(domain::EnumName(r.status)), internal::Join(risks(r)),
                        std::to_string(r.evidence)});
        }
        Print("Statement of Applicability: " + report.catalog + " (" + report.today.ToString() + ")\n");
        Print(table.Render());
        Print(std::to_string(report.rows.size()) + " controls\n");
      }
      return base::Status::OK();
    }();
  });

  CLI::App* set = soa->add_subcommand("set", "Decide whether a control applies, and why");
  set->add_option("control", a->requirement, "framework control id, e.g. A.6.2.8")->required();
  set->add_option("--applicable", a->applicable, "yes or no")->required()->check(CLI::IsMember({"yes", "no", "undecided"}));
  set->add_option("--justification", a->justification, "why it is included or excluded");
  set->callback([&ctx, &outcome, a] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_TRY(ws->Mutate([&](service::Mutation& m) -> base::Status {
        domain::SoaEntry probe;
        probe.framework = a->framework;
        probe.requirement = a->requirement;
        AIMS_ASSIGN_OR_RETURN(auto id, m.tx().records<domain::SoaEntry>().FindByKey(probe));
        if (!id) {
          return base::Status::NotFound("no Statement of Applicability entry for " + a->framework + " " +
                                        a->requirement, "control");
        }
        AIMS_ASSIGN_OR_RETURN(domain::SoaEntry entry, m.Get<domain::SoaEntry>(*id));
        entry.applicable = *domain::ParseEnum<domain::Applicability>(a->applicable);
        if (!a->justification.empty()) entry.justification = a->justification;
        return m.Update(entry, entry.meta.version);
      }));
      if (ctx.json) {
        Print("{\"framework\": \"" + a->framework + "\", \"control\": \"" + a->requirement +
              "\", \"applicable\": \"" + a->applicable + "\"}\n");
      } else {
        Print("recorded " + a->framework + " " + a->requirement + ": applicable " + a->applicable + "\n");
      }
      return base::Status::OK();
    }();
  });
}

}  // namespace

void RegisterRegisterCommands(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  AddInit(app, ctx, outcome);
  AddDemo(app, ctx, outcome);
  AddMigrate(app, ctx, outcome);
  AddExportImport(app, ctx, outcome);
  AddSoa(app, ctx, outcome);
}

}  // namespace aims::cli
