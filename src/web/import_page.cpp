#include "web/import_page.h"

#include <boost/json.hpp>

#include <charconv>
#include <set>

#include "api/problem.h"
#include "api/record_writes.h"
#include "io/csv_reader.h"
#include "io/register_json_writer.h"
#include "web/record_view.h"

namespace aims::web {

namespace {

using domain::EntityKind;

bool Importable(EntityKind kind) { return kind != EntityKind::kCatalog && kind != EntityKind::kEvidence; }

std::string Normalised(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

// Fields a column may fill: the record's own fields, and its natural key even where aims
// manages it (to find the record to update), and "id".
template <class T>
std::vector<std::string> Targets() {
  std::vector<std::string> out = {"id"};
  for (const auto& f : domain::FieldsOf<T>()) {
    bool key = std::find(T::kNaturalKey.begin(), T::kNaturalKey.end(), f.name) != T::kNaturalKey.end();
    if (!f.managed || key) out.emplace_back(f.name);
  }
  return out;
}

template <class T>
std::string GuessField(std::string_view header) {
  std::string h = Normalised(header);
  for (const auto& t : Targets<T>()) {
    if (h == Normalised(t) || h == Normalised(FieldLabel(t))) return t;
  }
  return "";
}

// The fields whose values differ between two records written as JSON objects.
std::string ChangedFields(const std::string& before, const std::string& after) {
  boost::system::error_code ec1, ec2;
  auto a = boost::json::parse(before, ec1);
  auto b = boost::json::parse(after, ec2);
  if (ec1 || ec2 || !a.is_object() || !b.is_object()) return "";
  std::string out;
  for (const auto& kv : b.as_object()) {
    const auto* old = a.as_object().if_contains(kv.key());
    if (!old || *old != kv.value()) out += (out.empty() ? "" : ", ") + std::string(kv.key());
  }
  return out;
}

struct Outcome {
  size_t row = 0;
  size_t line = 0;
  std::string outcome;
  std::string record;
  std::string href;
  std::string details;
  bool error = false;
};

struct Summary {
  int creates = 0, updates = 0, unchanged = 0, errors = 0;
  std::vector<Outcome> rows;
};

// The mapping sent with the form: map_<column index> = field name or "".
std::vector<std::string> MappingFrom(const Form& form, size_t columns) {
  std::vector<std::string> mapping(columns);
  for (size_t i = 0; i < columns; ++i) mapping[i] = FormValue(form, "map_" + std::to_string(i));
  return mapping;
}

std::string ColumnOf(const io::CsvTable& table, const std::vector<std::string>& mapping, std::string_view field) {
  for (size_t i = 0; i < mapping.size(); ++i) {
    if (mapping[i] == field) return table.header[i];
  }
  return "";
}

template <class T>
base::Status ImportRows(api::RequestContext& ctx, const io::CsvTable& table, const std::vector<std::string>& mapping,
                        bool apply, bool skip_bad, Summary* summary) {
  static const std::vector<domain::Field> fields = domain::FieldsOf<T>();
  auto kind_of = [&](std::string_view name) -> const domain::Field* {
    for (const auto& f : fields) {
      if (f.name == name) return &f;
    }
    return nullptr;
  };
  bool rolled_back_on_purpose = false;
  base::Status s = ctx.Mutate([&](service::Mutation& m) -> base::Status {
    *summary = Summary{};
    for (size_t r = 0; r < table.rows.size(); ++r) {
      const auto& cells = table.rows[r];
      Outcome o;
      o.row = r + 1;
      o.line = table.lines[r];
      Form values;
      std::string id_text;
      for (size_t c = 0; c < cells.size(); ++c) {
        const std::string& field = mapping[c];
        if (field.empty()) continue;
        if (field == "id") {
          id_text = cells[c];
          continue;
        }
        std::string v = cells[c];
        if (const domain::Field* f = kind_of(field)) {
          // Lists share a cell, separated by semicolons.
          bool list = f->kind == domain::FieldKind::kTextList || f->kind == domain::FieldKind::kEnumList ||
                      f->kind == domain::FieldKind::kRefList;
          if (list) {
            for (char& ch : v) {
              if (ch == ';') ch = f->kind == domain::FieldKind::kTextList ? '\n' : ',';
            }
          }
        }
        values.emplace(field, std::move(v));
      }
      auto fail = [&](const base::Status& st) {
        o.error = true;
        o.outcome = "refused";
        std::string field = ErrorField(st);
        std::string column = field.empty() ? "" : ColumnOf(table, mapping, field);
        o.details = std::string(st.message()) + (field.empty() ? "" : " (field " + field + (column.empty() ? "" : ", column \"" + column + "\"") + ")");
        ++summary->errors;
      };
      // Which record the row is about: by id, or by natural key, else a new one.
      std::optional<domain::Id> id;
      if (!id_text.empty()) {
        id = domain::ParseDisplayId(T::kKind, id_text);
        if (!id) {
          fail(base::Status::InvalidArgument("not an id of a " + std::string(domain::Info(T::kKind).noun), "id"));
          summary->rows.push_back(std::move(o));
          continue;
        }
      } else if constexpr (T::kNaturalKey.size() > 0) {
        T probe;
        bool have_key = true;
        for (auto key : T::kNaturalKey) have_key = have_key && values.count(key);
        if (have_key) {
          static constexpr auto kKey = T::kNaturalKey;
          std::string probe_json = FormToJson<T>(values, std::span<const std::string_view>(kKey.data(), kKey.size()));
          if (io::ReadRecordChanges(probe_json, &probe).ok()) {
            auto found = m.tx().records<T>().FindByKey(probe);
            if (!found.ok()) return found.status();
            id = *found;
          }
        }
      }
      std::string json = FormToJson<T>(values);
      base::Status row_status;
      if (id) {
        auto stored = m.Get<T>(*id);
        if (!stored.ok()) {
          fail(stored.status());
          summary->rows.push_back(std::move(o));
          continue;
        }
        T record = *stored;
        row_status = io::ReadRecordChanges(json, &record);
        if (row_status.ok()) row_status = api::CheckOwnership(ctx, *stored);
        if (row_status.ok()) row_status = api::CheckOwnership(ctx, record);
        std::string before, after;
        io::RecordJsonWriter::Append(*stored, &before);
        io::RecordJsonWriter::Append(record, &after);
        if (row_status.ok() && before == after) {
          o.outcome = "unchanged";
          ++summary->unchanged;
        } else if (row_status.ok()) {
          row_status = m.Update(record, stored->meta.version, "import");
          if (row_status.ok()) {
            o.outcome = "update";
            ++summary->updates;
          }
        }
        o.record = domain::DisplayId(T::kKind, *id);
        o.href = RecordPath(T::kKind, *id);
        if (row_status.ok()) {
          o.details = DisplayName(record);
          std::string changed = ChangedFields(before, after);
          if (!changed.empty()) o.details += " (changes " + changed + ")";
        }
      } else {
        T record;
        row_status = io::ReadRecordChanges(json, &record);
        if constexpr (requires { record.owner; }) {
          if (row_status.ok() && !record.owner && ctx.principal->person &&
              !ctx.principal->permissions.Has(domain::WriteAccessFor(T::kKind).any)) {
            record.owner = ctx.principal->person;
          }
        }
        if (row_status.ok()) row_status = api::CheckOwnership(ctx, record);
        if (row_status.ok()) row_status = m.Create(record, "import").status();
        if (row_status.ok()) {
          o.outcome = "create";
          o.details = DisplayName(record);
          ++summary->creates;
          if (apply) {
            o.record = domain::DisplayId(T::kKind, record.meta.id);
            o.href = RecordPath(T::kKind, record.meta.id);
          }
        }
      }
      if (!row_status.ok()) {
        if (row_status.code() == base::StatusCode::kInternal || row_status.code() == base::StatusCode::kIOError) return row_status;
        fail(row_status);
      }
      summary->rows.push_back(std::move(o));
    }
    if (!apply || (summary->errors > 0 && !skip_bad)) {
      rolled_back_on_purpose = true;
      return base::Status::Conflict("dry run: rolled back");
    }
    return base::Status::OK();
  });
  if (rolled_back_on_purpose) return base::Status::OK();
  return s;
}

Data KindOptions(const api::RequestContext& ctx, std::string_view selected) {
  DataList kinds;
  domain::ForEachRecordType([&]<class T>() {
    if (!Importable(T::kKind) || !MayWriteKind<T>(ctx)) return;
    Data o;
    o.set("name", std::string(domain::Info(T::kKind).name));
    o.set("label", std::string(domain::Info(T::kKind).plural));
    o.set("selected", domain::Info(T::kKind).name == selected);
    kinds.push_back(std::move(o));
  });
  return Data(kinds);
}

api::Response StartPage(api::RequestContext& ctx, std::string_view kind, std::string_view csv, std::string_view problem,
                        api::http::status status) {
  Data d;
  d.set("csrf", ctx.csrf_token);
  d.set("kinds", KindOptions(ctx, kind.empty() ? "ai_system" : kind));
  d.set("csv", std::string(csv));
  if (!problem.empty()) d.set("problem", std::string(problem));
  return Page(ctx, {"Import from CSV", "Import", status}, Render("import", d));
}

base::Result<api::Response> ShowImport(api::RequestContext& ctx) { return StartPage(ctx, "", "", "", api::http::status::ok); }

// Runs `fn.template operator()<T>()` for the importable kind named by the form, if the user may write it.
template <class Fn>
base::Status WithKind(const api::RequestContext& ctx, std::string_view name, Fn&& fn) {
  auto kind = domain::EntityKindFromName(name);
  if (!kind || !Importable(*kind)) return base::Status::InvalidArgument("not a register that can be imported", "kind");
  base::Status s;
  domain::VisitRecordType(*kind, [&]<class T>() {
    if (!MayWriteKind<T>(ctx)) {
      s = base::Status::PermissionDenied("your role (" + ctx.principal->role + ") may not change " + std::string(domain::Info(T::kKind).plural));
      return;
    }
    s = fn.template operator()<T>();
  });
  return s;
}

base::Result<api::Response> MapColumns(api::RequestContext& ctx) {
  Form form = api::ParseQuery(ctx.request.body());
  std::string kind = FormValue(form, "kind");
  std::string csv = FormValue(form, "csv");
  auto table = io::ReadCsv(csv, "CSV");
  if (!table.ok()) {
    return StartPage(ctx, kind, csv, std::string(table.status().message()) + " (" + std::string(table.status().where()) + ")",
                     api::http::status::unprocessable_entity);
  }
  std::optional<api::Response> out;
  AIMS_TRY(WithKind(ctx, kind, [&]<class T>() -> base::Status {
    Data d;
    d.set("csrf", ctx.csrf_token);
    d.set("kind", kind);
    d.set("kind_label", std::string(domain::Info(T::kKind).plural));
    d.set("csv", csv);
    d.set("row_count", std::to_string(table->rows.size()));
    DataList columns;
    const auto targets = Targets<T>();
    for (size_t i = 0; i < table->header.size(); ++i) {
      Data c;
      c.set("index", std::to_string(i));
      c.set("name", table->header[i]);
      std::string sample;
      for (size_t r = 0; r < table->rows.size() && r < 3; ++r) sample += (r ? " · " : "") + table->rows[r][i];
      c.set("sample", sample);
      std::string guess = GuessField<T>(table->header[i]);
      DataList options;
      Data ignore;
      ignore.set("value", std::string());
      ignore.set("label", std::string("(ignore this column)"));
      ignore.set("selected", guess.empty());
      options.push_back(std::move(ignore));
      for (const auto& t : targets) {
        Data o;
        o.set("value", t);
        o.set("label", t == "id" ? std::string("ID (update that record)") : FieldLabel(t));
        o.set("selected", t == guess);
        options.push_back(std::move(o));
      }
      c.set("options", options);
      columns.push_back(std::move(c));
    }
    d.set("columns", columns);
    out = Page(ctx, {"Import: match columns", "Import"}, Render("import_map", d));
    return base::Status::OK();
  }));
  return std::move(*out);
}

base::Result<api::Response> Preview(api::RequestContext& ctx, bool apply) {
  Form form = api::ParseQuery(ctx.request.body());
  std::string kind = FormValue(form, "kind");
  std::string csv = FormValue(form, "csv");
  auto table = io::ReadCsv(csv, "CSV");
  if (!table.ok()) {
    return StartPage(ctx, kind, csv, std::string(table.status().message()) + " (" + std::string(table.status().where()) + ")",
                     api::http::status::unprocessable_entity);
  }
  std::vector<std::string> mapping = MappingFrom(form, table->header.size());
  const bool skip_bad = FormValue(form, "skip_bad") == "true";
  Summary summary;
  AIMS_TRY(WithKind(ctx, kind, [&]<class T>() -> base::Status {
    const auto targets = Targets<T>();
    std::set<std::string> used;
    for (size_t i = 0; i < mapping.size(); ++i) {
      if (mapping[i].empty()) continue;
      if (std::find(targets.begin(), targets.end(), mapping[i]) == targets.end()) {
        return base::Status::InvalidArgument("no such field", "map_" + std::to_string(i));
      }
      if (!used.insert(mapping[i]).second) {
        return base::Status::InvalidArgument("two columns are matched to field " + mapping[i] + "; match one, ignore the other",
                                             table->header[i]);
      }
    }
    return ImportRows<T>(ctx, *table, mapping, apply, skip_bad, &summary);
  }));
  const bool applied = apply && (summary.errors == 0 || skip_bad);
  Data d;
  d.set("csrf", ctx.csrf_token);
  d.set("kind", kind);
  d.set("csv", csv);
  d.set("applied", applied);
  d.set("creates", std::to_string(summary.creates));
  d.set("updates", std::to_string(summary.updates));
  d.set("unchanged", std::to_string(summary.unchanged));
  if (summary.errors) d.set("error_count", std::to_string(summary.errors));
  DataList mapping_list;
  for (size_t i = 0; i < mapping.size(); ++i) {
    Data m;
    m.set("index", std::to_string(i));
    m.set("field", mapping[i]);
    mapping_list.push_back(std::move(m));
  }
  d.set("mapping", mapping_list);
  DataList rows;
  for (const auto& o : summary.rows) {
    Data r;
    r.set("row", std::to_string(o.row));
    r.set("line", std::to_string(o.line));
    r.set("outcome", applied && !o.error ? (o.outcome == "create" ? "created" : o.outcome == "update" ? "updated" : o.outcome)
                                          : (o.error && applied ? std::string("skipped: refused") : o.outcome));
    r.set("record", o.record);
    if (!o.href.empty()) r.set("href", o.href);
    r.set("details", o.details);
    r.set("error", o.error);
    rows.push_back(std::move(r));
  }
  d.set("rows", rows);
  auto status = summary.errors && !applied ? api::http::status::unprocessable_entity : api::http::status::ok;
  return Page(ctx, {applied ? "Import: done" : "Import: dry run", "Import", status}, Render("import_preview", d));
}

}  // namespace

void AddImportPage(api::Router& router) {
  api::Access access = api::Access::Needs(domain::Permission::kRegisterRead);  // each kind checks its own write right
  auto page = [&](api::http::verb method, std::string pattern, api::Handler handler) {
    api::Route route{method, std::move(pattern), access, {}, std::move(handler)};
    route.page = true;
    router.Add(std::move(route));
  };
  page(api::http::verb::get, "/import", ShowImport);
  page(api::http::verb::post, "/import/map", MapColumns);
  page(api::http::verb::post, "/import/preview", [](api::RequestContext& ctx) { return Preview(ctx, false); });
  page(api::http::verb::post, "/import/apply", [](api::RequestContext& ctx) { return Preview(ctx, true); });
}

}  // namespace aims::web
