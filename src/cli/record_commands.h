// Generic commands for a kind of record: `aims <noun> add|list|show|update|retire|history`.
// Options are derived from the record's fields (--lifecycle-stage, --owner, ...), so a field
// added to the domain is at once settable, listable and exported.
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "base/clock.h"
#include "cli/context.h"
#include "cli/field_text.h"
#include "cli/output.h"
#include "io/register_json_writer.h"
#include "service/record_stream.h"
#include "service/workspace.h"

namespace aims::cli {

// What a command callback leaves for main() to turn into an exit status.
struct Outcome {
  base::Status status;
};

struct NounSpec {
  std::string noun;  // "system"
  std::string help;
  bool add = true;
  bool update = true;
  bool retire = true;
  // Lets a noun add options to its `list` command and answer it differently when they are
  // given (`aims control list --framework iso27001`): a value means "handled".
  std::function<void(CLI::App*)> extend_list;
  std::function<std::optional<base::Status>()> list_override;
};

// Derived facts shown by `show` after the fields (risk score, effective control status...).
std::vector<std::pair<std::string, std::string>> Extras(service::Workspace& ws, const domain::Risk& r);
std::vector<std::pair<std::string, std::string>> Extras(service::Workspace& ws, const domain::Control& c);
std::vector<std::pair<std::string, std::string>> Extras(service::Workspace& ws, const domain::Evidence& e);
std::vector<std::pair<std::string, std::string>> Extras(service::Workspace& ws, const domain::Incident& r);
std::vector<std::pair<std::string, std::string>> Extras(service::Workspace& ws, const domain::Policy& p);
template <class T>
std::vector<std::pair<std::string, std::string>> Extras(service::Workspace&, const T&) {
  return {};
}

// A flag after a value in `list` ("OVERDUE" after a risk's past review date), or "".
std::string ListFlag(const domain::Risk& r, std::string_view field, base::Date today);
std::string ListFlag(const domain::Policy& p, std::string_view field, base::Date today);
template <class T>
std::string ListFlag(const T&, std::string_view, base::Date) {
  return {};
}

// Fills fields aims assigns on creation (a scope statement's revision number).
base::Status BeforeCreate(store::Tx& tx, domain::ScopeStatement* scope);
template <class T>
base::Status BeforeCreate(store::Tx&, T*) {
  return base::Status::OK();
}

// The record `add` starts from: a blank one, or for a risk the seed risk named by
// --from-library (`aims risk library` lists them); the command's own options apply on top.
base::Status StartFrom(store::Tx& tx, const std::string& from_library, domain::Risk* risk);
template <class T>
base::Status StartFrom(store::Tx&, const std::string&, T*) {
  return base::Status::OK();
}

// Resolves an id argument (display id or natural key) in a read transaction.
base::Result<domain::Id> ResolveArg(service::Workspace& ws, domain::EntityKind kind,
                                    const std::string& token);

base::Status PrintHistory(service::Workspace& ws, domain::EntityKind kind, domain::Id id, bool json);

namespace internal {

template <class T>
void AddFieldOptions(CLI::App* cmd, FieldValues* values, bool for_update) {
  for (const domain::Field& f : domain::FieldsOf<T>()) {
    if (f.managed) continue;
    std::string help(f.help);
    if (!f.enum_names.empty()) {
      help += (help.empty() ? "" : "; ") + std::string("one of ") + domain::JoinNames(f.enum_names);
    }
    if (f.kind == domain::FieldKind::kDate) help += (help.empty() ? "" : "; ") + std::string("YYYY-MM-DD");
    if (f.kind == domain::FieldKind::kTimestamp) {
      help += (help.empty() ? "" : "; ") +
              std::string("YYYY-MM-DDTHH:MM in the organisation's time zone, or RFC 3339 with Z or an offset");
    }
    if (f.kind == domain::FieldKind::kRef || f.kind == domain::FieldKind::kRefList) {
      help += (help.empty() ? "" : "; ") + std::string(domain::Info(f.ref).noun) + " id or key";
    }
    bool list = f.kind == domain::FieldKind::kTextList || f.kind == domain::FieldKind::kEnumList ||
                f.kind == domain::FieldKind::kRefList;
    if (list) help += " (comma-separated or repeated)";
    if (f.required && !for_update) help += " [required]";
    auto* opt = cmd->add_option(OptionName(f.name), (*values)[std::string(f.name)], help);
    opt->expected(1);
    if (list) opt->take_all(); else opt->take_last();
  }
}

template <class T>
std::vector<std::string> ListedFields() {
  std::vector<std::string> out;
  for (const auto& f : domain::FieldsOf<T>()) {
    if (f.in_list) out.emplace_back(f.name);
  }
  return out;
}

inline bool Matches(const std::string& have, const std::string& want) {
  if (have.size() == want.size()) {
    bool same = true;
    for (size_t i = 0; i < have.size() && same; ++i) {
      same = std::tolower(static_cast<unsigned char>(have[i])) == std::tolower(static_cast<unsigned char>(want[i]));
    }
    if (same) return true;
  }
  for (const auto& item : SplitList({have})) {
    if (item == want) return true;
  }
  return false;
}

}  // namespace internal

// Returns the noun's command, for nouns that add commands of their own.
template <class T>
CLI::App* RegisterRecordCommands(CLI::App& parent, CliContext& ctx, Outcome& outcome, const NounSpec& spec) {
  constexpr domain::EntityKind kKind = T::kKind;
  const auto& info = domain::Info(kKind);
  CLI::App* noun = parent.add_subcommand(spec.noun, spec.help);
  noun->require_subcommand(1);

  if (spec.add) {
    auto values = std::make_shared<FieldValues>();
    auto from_library = std::make_shared<std::string>();
    CLI::App* add = noun->add_subcommand("add", "Add " + domain::WithArticle(info.noun));
    internal::AddFieldOptions<T>(add, values.get(), false);
    if constexpr (std::is_same_v<T, domain::Risk>) {
      add->add_option("--from-library", *from_library,
                      "start from a seed risk (see `aims risk library`); other options override its values");
    }
    add->callback([&ctx, &outcome, values, from_library] {
      outcome.status = [&]() -> base::Status {
        AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
        T record;
        AIMS_TRY(ws->Mutate([&](service::Mutation& m) -> base::Status {
          if (!from_library->empty()) AIMS_TRY(StartFrom(m.tx(), *from_library, &record));
          AIMS_TRY(AssignFields(m.tx(), *values, &record));
          AIMS_TRY(BeforeCreate(m.tx(), &record));
          return m.Create(record).status();
        }));
        if (ctx.json) {
          std::string out;
          io::RecordJsonWriter::Append(record, &out);
          Print(out + "\n");
        } else {
          Print("added " + domain::DisplayId(kKind, record.meta.id) + "\n");
        }
        return base::Status::OK();
      }();
    });
  }

  {
    struct ListArgs {
      bool all = false;
      int64_t limit = -1;
      std::string after;
      std::vector<std::string> filters;
    };
    auto args = std::make_shared<ListArgs>();
    CLI::App* list = noun->add_subcommand("list", "List " + std::string(info.plural));
    list->add_flag("--all", args->all, "include retired records");
    list->add_option("--limit", args->limit, "at most this many records");
    list->add_option("--after", args->after, "only records after this id (keyset pagination)");
    list->add_option("--filter", args->filters, "FIELD=VALUE; repeat to combine")->take_all();
    if (spec.extend_list) spec.extend_list(list);
    auto list_override = spec.list_override;
    list->callback([&ctx, &outcome, args, list_override] {
      outcome.status = [&]() -> base::Status {
        if (list_override) {
          if (auto handled = list_override()) return *handled;
        }
        std::vector<std::pair<std::string, std::string>> filters;
        for (const auto& f : args->filters) {
          size_t eq = f.find('=');
          if (eq == std::string::npos) {
            return base::Status::InvalidArgument("expected FIELD=VALUE, got \"" + f + "\"", "--filter");
          }
          std::string field = f.substr(0, eq);
          for (char& c : field) if (c == '-') c = '_';
          bool known = false;
          for (const auto& fd : domain::FieldsOf<T>()) known = known || fd.name == field;
          if (!known) return base::Status::InvalidArgument("no field \"" + field + "\"", "--filter");
          filters.emplace_back(field, f.substr(eq + 1));
        }
        AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
        store::ScanOptions scan;
        scan.include_retired = args->all;
        if (!args->after.empty()) {
          auto after = domain::ParseDisplayId(kKind, args->after);
          if (!after) return base::Status::InvalidArgument("not an id", "--after");
          scan.after = *after;
        }
        bool filtering = !filters.empty();
        if (!filtering) scan.limit = args->limit;
        int64_t emitted = 0;
        auto keep = [&](const T& record) {
          if (args->limit >= 0 && emitted >= args->limit) return false;
          for (const auto& [field, want] : filters) {
            if (!internal::Matches(FieldText(record, field), want)) return false;
          }
          ++emitted;
          return true;
        };
        if (ctx.json) {
          StdoutWriter out;
          out.buffer() = "[";
          AIMS_TRY(service::StreamRecords<T>(*ws, scan, [&](T& record) -> base::Status {
            if (!keep(record)) return base::Status::OK();
            out.buffer().append(emitted > 1 ? ",\n  " : "\n  ");
            io::RecordJsonWriter::Append(record, &out.buffer());
            out.MaybeFlush();
            return base::Status::OK();
          }));
          out.buffer().append(emitted ? "\n]\n" : "]\n");
          return base::Status::OK();
        }
        std::vector<std::string> cols = internal::ListedFields<T>();
        std::vector<std::string> headers = {"id"};
        headers.insert(headers.end(), cols.begin(), cols.end());
        if (args->all) headers.push_back("retired");
        Table table(headers);
        const base::Date today = base::Now().date();
        AIMS_TRY(service::StreamRecords<T>(*ws, scan, [&](T& record) -> base::Status {
          if (!keep(record)) return base::Status::OK();
          std::vector<std::string> row = {domain::DisplayId(kKind, record.meta.id)};
          for (const auto& c : cols) row.push_back(FieldText(record, c) + ListFlag(record, c, today));
          if (args->all) row.push_back(record.meta.retired_at ? record.meta.retired_at->date().ToString() : "");
          table.AddRow(std::move(row));
          return base::Status::OK();
        }));
        Print(table.Render());
        Print(std::to_string(table.size()) + " " + std::string(table.size() == 1 ? domain::Info(kKind).noun : domain::Info(kKind).plural) + "\n");
        return base::Status::OK();
      }();
    });
  }

  {
    auto id = std::make_shared<std::string>();
    CLI::App* show = noun->add_subcommand("show", "Show one " + std::string(info.noun));
    show->add_option("id", *id, "id (e.g. " + std::string(info.prefix) + "-1) or key")->required();
    show->callback([&ctx, &outcome, id] {
      outcome.status = [&]() -> base::Status {
        AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
        AIMS_ASSIGN_OR_RETURN(domain::Id rid, ResolveArg(*ws, kKind, *id));
        T record;
        AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
          AIMS_ASSIGN_OR_RETURN(record, tx.records<T>().Get(rid));
          return base::Status::OK();
        }));
        auto extras = Extras(*ws, record);
        if (ctx.json) {
          std::string out;
          io::RecordJsonWriter::Append(record, &out);
          if (!extras.empty()) {
            out.pop_back();
            out += ", \"derived\": {";
            for (size_t i = 0; i < extras.size(); ++i) {
              out += (i ? ", " : "");
              base::AppendJsonString(&out, extras[i].first);
              out += ": ";
              base::AppendJsonString(&out, extras[i].second);
            }
            out += "}}";
          }
          Print(out + "\n");
          return base::Status::OK();
        }
        KeyValues kv;
        kv.Add("id", domain::DisplayId(kKind, record.meta.id));
        for (auto& [name, text] : FieldTexts(record)) kv.Add(name, text);
        for (auto& [name, text] : extras) kv.Add(name, text);
        kv.Add("record_version", std::to_string(record.meta.version));
        kv.Add("created_at", record.meta.created_at.ToString());
        kv.Add("updated_at", record.meta.updated_at.ToString());
        if (record.meta.retired_at) kv.Add("retired_at", record.meta.retired_at->ToString());
        Print(kv.Render());
        return base::Status::OK();
      }();
    });
  }

  if (spec.update) {
    auto values = std::make_shared<FieldValues>();
    auto id = std::make_shared<std::string>();
    auto if_version = std::make_shared<int64_t>(0);
    CLI::App* update = noun->add_subcommand("update", "Change fields of " + domain::WithArticle(info.noun));
    update->add_option("id", *id, "id or key")->required();
    update->add_option("--if-version", *if_version,
                       "refuse unless the stored record_version is this one (no lost updates)");
    internal::AddFieldOptions<T>(update, values.get(), true);
    update->callback([&ctx, &outcome, values, id, if_version] {
      outcome.status = [&]() -> base::Status {
        AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
        AIMS_ASSIGN_OR_RETURN(domain::Id rid, ResolveArg(*ws, kKind, *id));
        T record;
        AIMS_TRY(ws->Mutate([&](service::Mutation& m) -> base::Status {
          AIMS_ASSIGN_OR_RETURN(record, m.Get<T>(rid));
          int64_t expected = *if_version > 0 ? *if_version : record.meta.version;
          AIMS_TRY(AssignFields(m.tx(), *values, &record));
          return m.Update(record, expected);
        }));
        if (ctx.json) {
          std::string out;
          io::RecordJsonWriter::Append(record, &out);
          Print(out + "\n");
        } else {
          Print("updated " + domain::DisplayId(kKind, rid) + " (record_version " +
                std::to_string(record.meta.version) + ")\n");
        }
        return base::Status::OK();
      }();
    });
  }

  if (spec.retire) {
    auto id = std::make_shared<std::string>();
    auto if_version = std::make_shared<int64_t>(0);
    CLI::App* retire = noun->add_subcommand("retire", "Retire " + domain::WithArticle(info.noun) +
                                                          " (it stays in the record and the ledger)");
    retire->add_option("id", *id, "id or key")->required();
    retire->add_option("--if-version", *if_version, "refuse unless the stored record_version is this one");
    retire->callback([&ctx, &outcome, id, if_version] {
      outcome.status = [&]() -> base::Status {
        AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
        AIMS_ASSIGN_OR_RETURN(domain::Id rid, ResolveArg(*ws, kKind, *id));
        AIMS_TRY(ws->Mutate([&](service::Mutation& m) -> base::Status {
          AIMS_ASSIGN_OR_RETURN(T record, m.Get<T>(rid));
          return m.Retire(record, *if_version > 0 ? *if_version : record.meta.version);
        }));
        if (!ctx.json) Print("retired " + domain::DisplayId(kKind, rid) + "\n");
        else Print("{\"retired\": \"" + domain::DisplayId(kKind, rid) + "\"}\n");
        return base::Status::OK();
      }();
    });
  }

  {
    auto id = std::make_shared<std::string>();
    CLI::App* history = noun->add_subcommand("history", "Ledger entries of one " + std::string(info.noun));
    history->add_option("id", *id, "id or key")->required();
    history->callback([&ctx, &outcome, id] {
      outcome.status = [&]() -> base::Status {
        AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
        AIMS_ASSIGN_OR_RETURN(domain::Id rid, ResolveArg(*ws, kKind, *id));
        return PrintHistory(*ws, kKind, rid, ctx.json);
      }();
    });
  }
  return noun;
}

}  // namespace aims::cli
