#include "store/table_sql.h"

#include "base/assert.h"

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
    case EntityKind::kNone: break;
  }
  AIMS_ASSERT(false && "no table for EntityKind::kNone");
  return "";
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
