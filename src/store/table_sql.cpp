#include "store/table_sql.h"

#include "base/assert.h"

#include <cctype>
#include <string>

namespace aims::store {

using domain::EntityKind;
using domain::FieldKind;

std::string_view TableName(EntityKind kind) {
  switch (kind) {
    case EntityKind::kOrganisation: return "organisations";
    case EntityKind::kScopeStatement: return "scope_statements";
    case EntityKind::kContextIssue: return "context_issues";
    case EntityKind::kInterestedParty: return "interested_parties";
    case EntityKind::kPartyRequirement: return "party_requirements";
    case EntityKind::kPerson: return "people";
    case EntityKind::kRole: return "roles";
    case EntityKind::kSupplier: return "suppliers";
    case EntityKind::kDataset: return "datasets";
    case EntityKind::kModel: return "models";
    case EntityKind::kAiSystem: return "ai_systems";
    case EntityKind::kPipeline: return "pipelines";
    case EntityKind::kControl: return "controls";
    case EntityKind::kRisk: return "risks";
    case EntityKind::kSoaEntry: return "soa_entries";
    case EntityKind::kEvidence: return "evidence";
    case EntityKind::kCatalog: return "catalogs";
    case EntityKind::kRiskMethodology: return "risk_methodologies";
    case EntityKind::kImpactAssessment: return "impact_assessments";
    case EntityKind::kImpact: return "impacts";
    case EntityKind::kAiActAssessment: return "aiact_assessments";
    case EntityKind::kObligation: return "obligations";
    case EntityKind::kGateRequest: return "gate_requests";
    case EntityKind::kGatePolicy: return "gate_policies";
    case EntityKind::kIncident: return "incidents";
    case EntityKind::kPolicy: return "policies";
    case EntityKind::kResponsibility: return "responsibilities";
    case EntityKind::kObjective: return "objectives";
    case EntityKind::kMeasurement: return "measurements";
    case EntityKind::kCourse: return "courses";
    case EntityKind::kTraining: return "trainings";
    case EntityKind::kOversightArrangement: return "oversight_arrangements";
    case EntityKind::kNone: break;
  }
  AIMS_ASSERT(false && "no table for EntityKind::kNone");
  return "";
}

namespace {

bool IntColumn(FieldKind kind) {
  return kind == FieldKind::kInt || kind == FieldKind::kBool || kind == FieldKind::kRef;
}

// A query value for a column, as it is stored: booleans as 0/1, numbers and ids as integers.
base::Result<std::pair<bool, std::string>> ColumnValue(const domain::Field& f, const std::string& value) {
  if (f.kind == FieldKind::kBool) {
    if (value == "true") return std::pair<bool, std::string>{true, "1"};
    if (value == "false") return std::pair<bool, std::string>{true, "0"};
    return base::Status::InvalidArgument("must be true or false", f.name);
  }
  if (IntColumn(f.kind) || f.kind == FieldKind::kRefList) {
    size_t used = 0;
    long long n = 0;
    try {
      n = std::stoll(value, &used);
    } catch (...) {
      used = 0;
    }
    if (used == 0 || used != value.size()) return base::Status::InvalidArgument("must be a whole number", f.name);
    return std::pair<bool, std::string>{true, std::to_string(n)};
  }
  return std::pair<bool, std::string>{false, value};
}

std::string EscapeLike(const std::string& term) {
  std::string out;
  for (char c : term) {
    if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
    out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  }
  return out;
}

}  // namespace

namespace {

const domain::Field* FindField(std::span<const domain::Field> fields, std::string_view name) {
  for (const auto& f : fields) {
    if (f.name == name) return &f;
  }
  return nullptr;
}

// The WHERE clause of a query's filters (equals, not_equals, before, search), parameters
// appended to *params.
base::Result<std::string> BuildWhere(const TableSql& sql, const RecordQuery& query, bool counting,
                                     std::vector<std::pair<bool, std::string>>* params) {
  const std::string& t = sql.table;
  // A count may use an index on retired_at (it then reads the index alone); a page must not:
  // the planner would walk that index and sort every live row instead of walking the sort
  // order (the id, or an index on the sort expression) and stopping after one page. The unary
  // + keeps the column out of index selection.
  std::string where = query.include_retired ? "1 = 1" : counting ? "retired_at IS NULL" : "+retired_at IS NULL";
  for (const auto& [name, value] : query.equals) {
    const domain::Field* field = FindField(sql.fields, name);
    if (!field) return base::Status::InvalidArgument("no such field to filter on", name);
    AIMS_ASSIGN_OR_RETURN(auto param, ColumnValue(*field, value));
    if (field->kind == FieldKind::kRefList) {
      // Through the link table's target index: the owners of one target, not a probe per row.
      where += " AND id IN (SELECT owner_id FROM " + t + "__" + name + " WHERE target_id = ?)";
    } else if (field->kind == FieldKind::kTextList || field->kind == FieldKind::kEnumList) {
      where += " AND EXISTS (SELECT 1 FROM json_each(" + name + ") WHERE value = ?)";
    } else if (field->kind == FieldKind::kText || field->kind == FieldKind::kLongText) {
      where += " AND " + name + " = ? COLLATE NOCASE";
    } else {
      where += " AND " + name + " = ?";
    }
    params->push_back(std::move(param));
  }
  auto scalar = [&](const std::string& name) -> base::Result<const domain::Field*> {
    const domain::Field* field = FindField(sql.scalar_fields, name);
    if (!field) return base::Status::InvalidArgument("no such single-valued field to compare", name);
    return field;
  };
  for (const auto& [name, value] : query.not_equals) {
    AIMS_ASSIGN_OR_RETURN(const domain::Field* field, scalar(name));
    AIMS_ASSIGN_OR_RETURN(auto param, ColumnValue(*field, value));
    where += " AND " + name + " IS NOT ?";
    params->push_back(std::move(param));
  }
  for (const auto& [name, value] : query.before) {
    AIMS_ASSIGN_OR_RETURN(const domain::Field* field, scalar(name));
    AIMS_ASSIGN_OR_RETURN(auto param, ColumnValue(*field, value));
    where += " AND " + name + " < ?";
    params->push_back(std::move(param));
  }
  if (!query.search.empty()) {
    std::string any;
    for (const auto& f : sql.scalar_fields) {
      if (!f.in_list || (f.kind != FieldKind::kText && f.kind != FieldKind::kLongText)) continue;
      any += (any.empty() ? "" : " OR ") + std::string("lower(") + std::string(f.name) + ") LIKE ? ESCAPE '\\'";
      params->emplace_back(false, "%" + EscapeLike(query.search) + "%");
    }
    if (!any.empty()) where += " AND (" + any + ")";
  }
  return where;
}

}  // namespace

base::Result<QuerySql> BuildCountSql(const TableSql& sql, const RecordQuery& query,
                                     std::span<const std::string> group_by) {
  QuerySql out;
  AIMS_ASSIGN_OR_RETURN(std::string where, BuildWhere(sql, query, true, &out.params));
  std::string groups;
  for (const auto& name : group_by) {
    if (!FindField(sql.scalar_fields, name)) return base::Status::InvalidArgument("no such single-valued field to group by", name);
    groups += (groups.empty() ? "" : ", ") + name;
  }
  out.text = "SELECT " + (groups.empty() ? std::string() : groups + ", ") + "COUNT(*) FROM " + sql.table + " WHERE " + where +
             (groups.empty() ? std::string() : " GROUP BY " + groups);
  return out;
}

base::Result<QuerySql> BuildQuerySql(const TableSql& sql, const RecordQuery& query) {
  QuerySql out;
  AIMS_ASSIGN_OR_RETURN(std::string where, BuildWhere(sql, query, false, &out.params));
  const std::string& t = sql.table;
  std::string key;
  if (query.sort == "id") {
    key = "id";
  } else if (query.sort == "created_at" || query.sort == "updated_at") {
    key = query.sort;
    out.key_is_int = false;
  } else {
    const domain::Field* field = nullptr;
    for (const auto& f : sql.scalar_fields) {
      if (f.name == query.sort) field = &f;
    }
    if (!field) return base::Status::InvalidArgument("no such field to sort by", "sort");
    out.key_is_int = IntColumn(field->kind);
    key = out.key_is_int ? "COALESCE(" + query.sort + ", -9223372036854775807)"
                         : "COALESCE(" + query.sort + ", '') COLLATE NOCASE";
  }
  if (query.after) {
    if (query.after->is_int != out.key_is_int) {
      return base::Status::InvalidArgument("the cursor belongs to another sort order", "cursor");
    }
    const char* cmp = query.descending ? "<" : ">";
    std::string value = out.key_is_int ? std::to_string(query.after->int_value) : query.after->text_value;
    if (key == "id") {
      where += std::string(" AND id ") + cmp + " ?";
      out.params.emplace_back(true, std::to_string(query.after->id));
    } else {
      where += " AND (" + key + " " + cmp + " ? OR (" + key + " = ? AND id " + cmp + " ?))";
      out.params.emplace_back(out.key_is_int, value);
      out.params.emplace_back(out.key_is_int, value);
      out.params.emplace_back(true, std::to_string(query.after->id));
    }
  }
  const char* dir = query.descending ? " DESC" : "";
  out.text = "SELECT " + sql.columns + ", " + key + " FROM " + t + " WHERE " + where + " ORDER BY " + key + dir +
             (key == "id" ? "" : std::string(", id") + dir) + " LIMIT ?";
  out.params.emplace_back(true, std::to_string(query.limit));
  return out;
}

TableSql BuildTableSql(EntityKind kind, std::vector<domain::Field> fields,
                       std::span<const std::string_view> natural_key) {
  TableSql sql;
  sql.table = std::string(TableName(kind));
  sql.fields = std::move(fields);
  const std::string& t = sql.table;

  std::string cols = "id, record_version, created_at, updated_at, retired_at";
  std::string marks = "?, ?, ?, ?, ?";
  std::string sets = "record_version = ?, updated_at = ?, retired_at = ?";
  for (const auto& f : sql.fields) {
    if (f.kind == FieldKind::kRefList) {
      LinkSql link;
      link.field = f;
      link.table = t + "__" + std::string(f.name);
      link.insert = "INSERT INTO " + link.table + " (owner_id, target_id) VALUES (?, ?)";
      link.delete_owner = "DELETE FROM " + link.table + " WHERE owner_id = ?";
      link.select_owner =
          "SELECT target_id FROM " + link.table + " WHERE owner_id = ? ORDER BY target_id";
      link.select_range = "SELECT owner_id, target_id FROM " + link.table +
                          " WHERE owner_id BETWEEN ? AND ? ORDER BY owner_id, target_id";
      link.select_live = "SELECT l.owner_id, l.target_id FROM " + link.table + " l JOIN " + t +
                         " o ON o.id = l.owner_id WHERE o.retired_at IS NULL";
      sql.links.push_back(std::move(link));
      continue;
    }
    sql.scalar_fields.push_back(f);
    cols += ", " + std::string(f.name);
    marks += ", ?";
    sets += ", " + std::string(f.name) + " = ?";
  }
  sql.columns = cols;
  sql.insert_with_id = "INSERT INTO " + t + " (" + cols + ") VALUES (" + marks + ")";
  sql.insert = sql.insert_with_id + " RETURNING id";
  sql.column_count = 5 + static_cast<int>(sql.scalar_fields.size());  // meta columns + fields
  sql.insert_rows = sql.insert_with_id;
  for (int i = 1; i < kInsertRows; ++i) sql.insert_rows += ", (" + marks + ")";
  sql.update = "UPDATE " + t + " SET " + sets + " WHERE id = ? AND record_version = ? RETURNING id";
  sql.select_by_id = "SELECT " + cols + " FROM " + t + " WHERE id = ?";
  sql.select_page = "SELECT " + cols + " FROM " + t + " WHERE id > ? ORDER BY id LIMIT ?";
  sql.select_page_live = "SELECT " + cols + " FROM " + t +
                         " WHERE id > ? AND retired_at IS NULL ORDER BY id LIMIT ?";
  sql.exists = "SELECT 1 FROM " + t + " WHERE id = ?";
  sql.count_all = "SELECT count(*) FROM " + t;
  sql.count_live = "SELECT count(*) FROM " + t + " WHERE retired_at IS NULL";
  if (!natural_key.empty()) {
    sql.find_by_key = "SELECT id FROM " + t + " WHERE ";
    for (size_t i = 0; i < natural_key.size(); ++i) {
      std::string name(natural_key[i]);
      bool is_text = false;
      for (const auto& f : sql.scalar_fields) {
        if (f.name == name) is_text = f.kind == FieldKind::kText;
      }
      if (i) sql.find_by_key += " AND ";
      sql.find_by_key += name + " = ?" + (is_text ? " COLLATE NOCASE" : "");
      sql.natural_key.push_back(name);
    }
  }
  return sql;
}

}  // namespace aims::store
