#include "store/concern_table.h"

#include "store/statement_rows.h"

namespace aims::store {

namespace {

constexpr std::string_view kColumns =
    "id, record_version, created_us, updated_us, category, system_named, system, status, hide_from_owner";

template <class E>
E EnumOr(std::string_view text, E fallback) {
  auto e = domain::ParseEnum<E>(text);
  return e ? *e : fallback;
}

domain::Concern ReadConcern(Statement* stmt) {
  domain::Concern c;
  c.id = stmt->Int(0);
  c.version = stmt->Int(1);
  c.created_at = base::Timestamp(stmt->Int(2));
  c.updated_at = base::Timestamp(stmt->Int(3));
  c.category = EnumOr(stmt->Text(4), domain::ConcernCategory::kOther);
  c.system_named = stmt->Text(5);
  if (!stmt->IsNull(6)) c.system = stmt->Int(6);
  c.status = EnumOr(stmt->Text(7), domain::ConcernStatus::kNew);
  c.hide_from_owner = stmt->Int(8) != 0;
  return c;
}

}  // namespace

using internal::Bytes;
using internal::EachRow;

base::Result<int64_t> ConcernTable::Insert(const domain::Concern& c, const base::Digest& receipt) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("INSERT INTO concerns (receipt_sha256, record_version, created_us, updated_us, "
                                      "category, system_named, system, status, hide_from_owner) "
                                      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id"));
  stmt->BindBlob(1, Bytes(receipt));
  stmt->BindInt(2, c.version);
  stmt->BindInt(3, c.created_at.micros());
  stmt->BindInt(4, c.updated_at.micros());
  stmt->BindText(5, domain::EnumName(c.category));
  stmt->BindText(6, c.system_named);
  internal::BindOptionalInt(stmt, 7, c.system);
  stmt->BindText(8, domain::EnumName(c.status));
  stmt->BindInt(9, c.hide_from_owner ? 1 : 0);
  auto row = stmt->Step();
  int64_t id = row.ok() && *row ? stmt->Int(0) : 0;
  stmt->Reset();
  AIMS_TRY(row.status());
  if (id == 0) return base::Status::Internal("insert returned no id", "concerns");
  return id;
}

base::Status ConcernTable::Update(const domain::Concern& c, int64_t expected_version) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("UPDATE concerns SET record_version = ?, updated_us = ?, category = ?, "
                                      "system = ?, status = ?, hide_from_owner = ? "
                                      "WHERE id = ? AND record_version = ? RETURNING id"));
  stmt->BindInt(1, c.version);
  stmt->BindInt(2, c.updated_at.micros());
  stmt->BindText(3, domain::EnumName(c.category));
  internal::BindOptionalInt(stmt, 4, c.system);
  stmt->BindText(5, domain::EnumName(c.status));
  stmt->BindInt(6, c.hide_from_owner ? 1 : 0);
  stmt->BindInt(7, c.id);
  stmt->BindInt(8, expected_version);
  return internal::FinishVersionedUpdate(conn_, stmt, "concerns", c.id, expected_version, "concern");
}

base::Result<domain::Concern> ConcernTable::Get(int64_t id) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("SELECT " + std::string(kColumns) + " FROM concerns WHERE id = ?"));
  stmt->BindInt(1, id);
  auto row = stmt->Step();
  if (!row.ok() || !*row) {
    stmt->Reset();
    AIMS_TRY(row.status());
    return base::Status::NotFound("no concern has this id", "concern " + std::to_string(id));
  }
  domain::Concern c = ReadConcern(stmt);
  stmt->Reset();
  return c;
}

base::Result<std::optional<domain::Concern>> ConcernTable::FindByReceipt(const base::Digest& receipt) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("SELECT " + std::string(kColumns) + " FROM concerns WHERE receipt_sha256 = ?"));
  stmt->BindBlob(1, Bytes(receipt));
  auto row = stmt->Step();
  std::optional<domain::Concern> out;
  if (row.ok() && *row) out = ReadConcern(stmt);
  stmt->Reset();
  AIMS_TRY(row.status());
  return out;
}

base::Result<std::vector<domain::Concern>> ConcernTable::List(int64_t limit) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare("SELECT " + std::string(kColumns) +
                                                        " FROM concerns ORDER BY id DESC LIMIT ?"));
  stmt->BindInt(1, limit);
  std::vector<domain::Concern> out;
  AIMS_TRY(EachRow(stmt, [&](Statement* row) {
    out.push_back(ReadConcern(row));
    return base::Status::OK();
  }));
  return out;
}

base::Result<int64_t> ConcernTable::InsertMessage(const domain::ConcernMessage& m) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn_.Prepare("INSERT INTO concern_messages (concern, at_us, author, body) "
                                      "VALUES (?, ?, ?, ?) RETURNING id"));
  stmt->BindInt(1, m.concern);
  stmt->BindInt(2, m.at.micros());
  stmt->BindText(3, domain::EnumName(m.author));
  stmt->BindText(4, m.body);
  auto row = stmt->Step();
  int64_t id = row.ok() && *row ? stmt->Int(0) : 0;
  stmt->Reset();
  AIMS_TRY(row.status());
  if (id == 0) return base::Status::Internal("insert returned no id", "concern_messages");
  return id;
}

base::Result<std::vector<domain::ConcernMessage>> ConcernTable::Messages(int64_t concern) {
  AIMS_ASSIGN_OR_RETURN(Statement * stmt, conn_.Prepare("SELECT id, concern, at_us, author, body FROM concern_messages "
                                                        "WHERE concern = ? ORDER BY id"));
  stmt->BindInt(1, concern);
  std::vector<domain::ConcernMessage> out;
  AIMS_TRY(EachRow(stmt, [&](Statement* row) {
    domain::ConcernMessage& m = out.emplace_back();
    m.id = row->Int(0);
    m.concern = row->Int(1);
    m.at = base::Timestamp(row->Int(2));
    m.author = EnumOr(row->Text(3), domain::ConcernAuthor::kReporter);
    m.body = row->Text(4);
    return base::Status::OK();
  }));
  return out;
}

}  // namespace aims::store
