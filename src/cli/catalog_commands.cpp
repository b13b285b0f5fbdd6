#include <fstream>
#include <sstream>

#include "catalog/builtin_catalogs.h"
#include "catalog/catalog_parser.h"
#include "cli/commands.h"
#include "service/catalog_service.h"

namespace aims::cli {

namespace {

// "iso42001@2023#2" -> id, edition, revision (revision 0 when not given).
base::Status ParseLabel(const std::string& label, std::string* id, std::string* edition, int64_t* revision) {
  size_t at = label.find('@');
  if (at == std::string::npos) {
    return base::Status::InvalidArgument("expected ID@EDITION[#REVISION], e.g. iso42001@2023#2", label);
  }
  *id = label.substr(0, at);
  std::string rest = label.substr(at + 1);
  size_t hash = rest.find('#');
  *edition = rest.substr(0, hash);
  *revision = 0;
  if (hash != std::string::npos) {
    try {
      *revision = std::stoll(rest.substr(hash + 1));
    } catch (const std::exception&) {
      return base::Status::InvalidArgument("not a revision number", label);
    }
  }
  return base::Status::OK();
}

void PrintDiff(const catalog::CatalogDiff& diff) {
  for (const auto& id : diff.added) Print("  + " + id + " (new requirement)\n");
  for (const auto& id : diff.removed) Print("  - " + id + " (no longer a requirement)\n");
  for (const auto& c : diff.changed) Print("  ~ " + c.id + " (" + internal::Join(c.fields) + " changed)\n");
  if (diff.empty()) Print("  no requirement-level differences\n");
}

std::string DiffJson(const catalog::CatalogDiff& diff) {
  auto list = [](const std::vector<std::string>& ids) {
    std::string out = "[";
    for (size_t i = 0; i < ids.size(); ++i) {
      if (i) out += ", ";
      base::AppendJsonString(&out, ids[i]);
    }
    return out + "]";
  };
  std::string out = "{\"added\": " + list(diff.added) + ", \"removed\": " + list(diff.removed) + ", \"changed\": [";
  for (size_t i = 0; i < diff.changed.size(); ++i) {
    out += i ? ", {" : "{";
    out += "\"id\": ";
    base::AppendJsonString(&out, diff.changed[i].id);
    out += ", \"fields\": " + list(diff.changed[i].fields) + "}";
  }
  return out + "]}";
}

}  // namespace

void RegisterCatalogCommands(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  CLI::App* cat = app.add_subcommand("catalog", "Standards and frameworks as data, and crosswalks between them");
  cat->require_subcommand(1);

  CLI::App* list = cat->add_subcommand("list", "List the catalogs this register knows");
  list->callback([&ctx, &outcome] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(const catalog::CatalogSet* set, ws->Catalogs());
      if (ctx.json) {
        std::string out = "{\"frameworks\": [";
        auto fws = set->Frameworks();
        for (size_t i = 0; i < fws.size(); ++i) {
          const auto& info = fws[i]->info();
          out += i ? ", {" : "{";
          out += "\"id\": \"" + info.id + "\", \"edition\": \"" + info.version + "\", \"revision\": " +
                 std::to_string(info.revision) + ", \"items\": " + std::to_string(fws[i]->items().size()) +
                 ", \"requirements\": " + std::to_string(fws[i]->Requirements().size()) +
                 ", \"controls\": " + std::to_string(fws[i]->OfKind(catalog::ItemKind::kControl).size()) +
                 ", \"subcategories\": " + std::to_string(fws[i]->OfKind(catalog::ItemKind::kSubcategory).size()) +
                 ", \"title\": ";
          base::AppendJsonString(&out, info.title);
          out += "}";
        }
        out += "], \"crosswalks\": [";
        auto cws = set->Crosswalks();
        for (size_t i = 0; i < cws.size(); ++i) {
          out += i ? ", {" : "{";
          out += "\"id\": \"" + cws[i]->info.id + "\", \"revision\": " + std::to_string(cws[i]->info.revision) +
                 ", \"from\": \"" + cws[i]->from.catalog + "@" + cws[i]->from.version + "\", \"to\": \"" +
                 cws[i]->to.catalog + "@" + cws[i]->to.version + "\", \"basis\": \"" + cws[i]->basis +
                 "\", \"relations\": " + std::to_string(cws[i]->relations.size()) + "}";
        }
        Print(out + "]}\n");
        return base::Status::OK();
      }
      Table fw({"catalog", "edition", "rev", "controls", "requirements", "title"}, 60);
      for (const auto* f : set->Frameworks()) {
        fw.AddRow({f->info().id, f->info().version, std::to_string(f->info().revision),
                   std::to_string(f->OfKind(catalog::ItemKind::kControl).size()),
                   std::to_string(f->Requirements().size()), f->info().title});
      }
      Print(fw.Render() + "\n");
      Table cw({"crosswalk", "rev", "from", "to", "basis", "relations"}, 60);
      for (const auto* c : set->Crosswalks()) {
        cw.AddRow({c->info.id, std::to_string(c->info.revision), c->from.catalog + "@" + c->from.version,
                   c->to.catalog + "@" + c->to.version, c->basis, std::to_string(c->relations.size())});
      }
      Print(cw.Render());
      return base::Status::OK();
    }();
  });

  auto show_id = std::make_shared<std::string>();
  auto show_kind = std::make_shared<std::string>();
  CLI::App* show = cat->add_subcommand("show", "Show the items of a catalog");
  show->add_option("id", *show_id, "catalog id, or ID@EDITION[#REVISION]")->required();
  show->add_option("--kind", *show_kind, "only items of this kind (clause, control, subcategory, ...)");
  show->callback([&ctx, &outcome, show_id, show_kind] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(const catalog::CatalogSet* set, ws->Catalogs());
      const catalog::Framework* fw = nullptr;
      if (show_id->find('@') != std::string::npos) {
        std::string id, edition;
        int64_t revision;
        AIMS_TRY(ParseLabel(*show_id, &id, &edition, &revision));
        fw = revision ? set->Find(id, edition, revision) : set->FindEdition(id, edition);
      } else {
        fw = set->Latest(*show_id);
      }
      if (!fw) return base::Status::NotFound("no such catalog", *show_id);
      std::optional<catalog::ItemKind> kind;
      if (!show_kind->empty()) {
        kind = catalog::ItemKindFromName(*show_kind);
        if (!kind) return base::Status::InvalidArgument("unknown item kind", "--kind");
      }
      if (ctx.json) {
        std::string out = "{\"id\": \"" + fw->info().id + "\", \"edition\": \"" + fw->info().version +
                          "\", \"revision\": " + std::to_string(fw->info().revision) + ", \"source\": ";
        base::AppendJsonString(&out, fw->info().source);
        out += ", \"licence\": ";
        base::AppendJsonString(&out, fw->info().licence);
        out += ", \"items\": [";
        bool first = true;
        for (const auto& item : fw->items()) {
          if (kind && item.kind != *kind) continue;
          out += first ? "\n  {" : ",\n  {";
          first = false;
          out += "\"id\": ";
          base::AppendJsonString(&out, item.id);
          out += ", \"kind\": \"" + std::string(catalog::ItemKindName(item.kind)) + "\", \"parent\": ";
          base::AppendJsonString(&out, item.parent);
          out += ", \"title\": ";
          base::AppendJsonString(&out, item.title);
          out += ", \"summary\": ";
          base::AppendJsonString(&out, item.summary);
          out += "}";
        }
        Print(out + "\n]}\n");
        return base::Status::OK();
      }
      Print(fw->info().title + " (" + fw->Label() + ")\nsource: " + fw->info().source + "\nlicence: " +
            fw->info().licence + "\n\n");
      Table table({"id", "kind", "title"}, 70);
      for (const auto& item : fw->items()) {
        if (kind && item.kind != *kind) continue;
        table.AddRow({item.id, std::string(catalog::ItemKindName(item.kind)), item.title});
      }
      Print(table.Render());
      return base::Status::OK();
    }();
  });

  auto import_path = std::make_shared<std::string>();
  CLI::App* imp = cat->add_subcommand("import", "Register a framework or crosswalk file (validated)");
  imp->add_option("file", *import_path, "aims-catalog/1 or aims-crosswalk/1 file (YAML or JSON)")->required();
  imp->callback([&ctx, &outcome, import_path] {
    outcome.status = [&]() -> base::Status {
      std::ifstream in(*import_path, std::ios::binary);
      if (!in) return base::Status::NotFound("cannot open file", *import_path);
      std::stringstream buf;
      buf << in.rdbuf();
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(service::CatalogImport result, service::ImportCatalog(*ws, buf.str(), *import_path));
      const auto& rec = result.record;
      if (ctx.json) {
        std::string out = "{\"catalog\": \"" + rec.library + "\", \"edition\": \"" + rec.edition +
                          "\", \"revision\": " + std::to_string(rec.revision) + ", \"sha256\": \"" + rec.sha256 + "\"";
        if (result.soa_uses) out += ", \"soa_uses\": \"" + *result.soa_uses + "\"";
        if (result.diff) out += ", \"diff\": " + DiffJson(*result.diff);
        Print(out + "}\n");
        return base::Status::OK();
      }
      Print("registered " + rec.library + " " + rec.edition + " revision " + std::to_string(rec.revision) + "\n");
      if (result.diff) {
        Print("your Statement of Applicability uses " + rec.library + "@" + *result.soa_uses +
              "; requirement-level changes in the imported catalog:\n");
        PrintDiff(*result.diff);
        Print("review them, then adopt with: aims catalog adopt " + rec.library + "@" + rec.edition + "#" +
              std::to_string(rec.revision) + "\n");
      }
      return base::Status::OK();
    }();
  });

  auto diff_from = std::make_shared<std::string>();
  auto diff_to = std::make_shared<std::string>();
  CLI::App* diff = cat->add_subcommand("diff", "Requirement-level differences between two catalog editions");
  diff->add_option("from", *diff_from, "ID@EDITION[#REVISION]")->required();
  diff->add_option("to", *diff_to, "ID@EDITION[#REVISION]")->required();
  diff->callback([&ctx, &outcome, diff_from, diff_to] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(const catalog::CatalogSet* set, ws->Catalogs());
      const catalog::Framework* fws[2] = {nullptr, nullptr};
      const std::string* labels[2] = {diff_from.get(), diff_to.get()};
      for (int i = 0; i < 2; ++i) {
        std::string id, edition;
        int64_t revision;
        AIMS_TRY(ParseLabel(*labels[i], &id, &edition, &revision));
        fws[i] = revision ? set->Find(id, edition, revision) : set->FindEdition(id, edition);
        if (!fws[i]) return base::Status::NotFound("no such catalog", *labels[i]);
      }
      catalog::CatalogDiff d = catalog::DiffRequirements(*fws[0], *fws[1]);
      if (ctx.json) {
        Print(DiffJson(d) + "\n");
      } else {
        Print(fws[0]->Label() + " -> " + fws[1]->Label() + ":\n");
        PrintDiff(d);
      }
      return base::Status::OK();
    }();
  });

  auto adopt_label = std::make_shared<std::string>();
  CLI::App* adopt = cat->add_subcommand("adopt", "Move the Statement of Applicability to a catalog edition");
  adopt->add_option("catalog", *adopt_label, "ID@EDITION#REVISION, e.g. iso42001@2023#2")->required();
  adopt->callback([&ctx, &outcome, adopt_label] {
    outcome.status = [&]() -> base::Status {
      std::string id, edition;
      int64_t revision;
      AIMS_TRY(ParseLabel(*adopt_label, &id, &edition, &revision));
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      if (revision == 0) {
        AIMS_ASSIGN_OR_RETURN(const catalog::CatalogSet* set, ws->Catalogs());
        const catalog::Framework* fw = set->FindEdition(id, edition);
        if (!fw) return base::Status::NotFound("no such catalog", *adopt_label);
        revision = fw->info().revision;
      }
      AIMS_ASSIGN_OR_RETURN(service::Adoption a, service::AdoptCatalog(*ws, id, edition, revision));
      if (ctx.json) {
        Print("{\"updated\": " + std::to_string(a.updated) + ", \"added\": " + std::to_string(a.added) +
              ", \"retired\": " + std::to_string(a.retired) + ", \"diff\": " + DiffJson(a.diff) + "}\n");
      } else {
        PrintDiff(a.diff);
        Print("Statement of Applicability now on " + id + "@" + edition + "#" + std::to_string(revision) + ": " +
              std::to_string(a.updated) + " entries moved, " + std::to_string(a.added) + " added (undecided), " +
              std::to_string(a.retired) + " retired\n");
      }
      return base::Status::OK();
    }();
  });
}

}  // namespace aims::cli
