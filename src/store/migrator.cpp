#include "store/migrator.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "base/clock.h"
#include "base/embedded_file.h"
#include "base/sha256.h"

namespace aims_store_migrations {
std::span<const aims::base::EmbeddedFile> Files();
}

namespace aims::store {

namespace {

struct Applied {
  std::string name;
  std::string sha256;
};

base::Result<std::map<int, Applied>> ReadApplied(Connection& conn) {
  std::map<int, Applied> out;
  AIMS_ASSIGN_OR_RETURN(Statement * stmt,
                        conn.Prepare("SELECT version, name, sha256 FROM schema_migrations"));
  while (true) {
    auto row = stmt->Step();
    if (!row.ok()) return row.status();
    if (!*row) break;
    out[static_cast<int>(stmt->Int(0))] = Applied{std::string(stmt->Text(1)),
                                                   std::string(stmt->Text(2))};
  }
  stmt->Reset();
  return out;
}

std::string HashOf(const Migration& m) { return base::ToHex(base::Sha256(m.sql)); }

base::Status CheckApplied(const std::map<int, Applied>& applied,
                          std::span<const Migration> migrations) {
  for (const auto& [version, row] : applied) {
    auto it = std::find_if(migrations.begin(), migrations.end(),
                           [&](const Migration& m) { return m.version == version; });
    if (it == migrations.end()) {
      int known = migrations.empty() ? 0 : migrations.back().version;
      return base::Status::FailedPrecondition(
          "the database was migrated by a newer aims (it has migration " + row.name +
          ", this aims knows up to version " + std::to_string(known) + "); use a newer aims");
    }
    if (HashOf(*it) != row.sha256) {
      return base::Status::FailedPrecondition(
          "migration " + row.name +
          " differs from the one applied to this database; shipped migrations must never change");
    }
  }
  return base::Status::OK();
}

base::Status EnsureMigrationTable(Connection& conn) {
  return conn.Exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, "
      "name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL)");
}

}  // namespace

std::vector<Migration> SqliteMigrations() {
  std::vector<Migration> out;
  for (const auto& file : aims_store_migrations::Files()) {
    std::string_view path = file.path;
    std::string_view base = path.substr(path.rfind('/') + 1);
    std::string_view stem = base.substr(0, base.rfind('.'));
    Migration m;
    std::from_chars(stem.data(), stem.data() + stem.size(), m.version);
    m.name = std::string(stem);
    m.sql = file.data;
    out.push_back(m);
  }
  std::sort(out.begin(), out.end(),
            [](const Migration& a, const Migration& b) { return a.version < b.version; });
  return out;
}

base::Result<MigrationReport> Migrate(Connection& conn, std::span<const Migration> migrations) {
  AIMS_TRY(EnsureMigrationTable(conn));
  MigrationReport report;
  bool first = true;
  for (const Migration& m : migrations) {
    AIMS_TRY(conn.BeginWrite());
    auto applied = ReadApplied(conn);
    base::Status s = applied.ok() ? CheckApplied(*applied, migrations) : applied.status();
    if (!s.ok()) {
      base::Status rolled_back = conn.Rollback();  // read-only so far: nothing to undo
      return rolled_back.ok() ? s : rolled_back;
    }
    if (first) {
      report.from_version = applied->empty() ? 0 : applied->rbegin()->first;
      report.to_version = report.from_version;
      first = false;
    }
    if (applied->count(m.version)) {
      AIMS_TRY(conn.Commit());
      continue;
    }
    s = conn.Exec(m.sql);
    if (s.ok()) {
      auto stmt = conn.Prepare(
          "INSERT INTO schema_migrations (version, name, sha256, applied_at) VALUES (?, ?, ?, ?)");
      if (!stmt.ok()) {
        s = stmt.status();
      } else {
        (*stmt)->BindInt(1, m.version);
        (*stmt)->BindText(2, m.name);
        (*stmt)->BindText(3, HashOf(m));
        (*stmt)->BindText(4, base::Now().ToString());
        auto done = (*stmt)->Step();
        (*stmt)->Reset();
        if (!done.ok()) s = done.status();
      }
    }
    if (s.ok()) s = conn.Commit();
    if (!s.ok()) {
      base::Status rolled_back = conn.Rollback();
      return base::Status::FailedPrecondition(
          "migration " + m.name + " failed and was rolled back (" + s.ToString() +
          "); the database stays at version " + std::to_string(report.to_version) +
          (rolled_back.ok() ? "" : " (rollback also failed: " + rolled_back.ToString() + ")"));
    }
    report.applied.push_back(m.name);
    report.to_version = m.version;
  }
  return report;
}

base::Status CheckSchemaCurrent(Connection& conn, std::span<const Migration> migrations) {
  AIMS_TRY(EnsureMigrationTable(conn));
  AIMS_ASSIGN_OR_RETURN(auto applied, ReadApplied(conn));
  AIMS_TRY(CheckApplied(applied, migrations));
  for (const Migration& m : migrations) {
    if (!applied.count(m.version)) {
      return base::Status::FailedPrecondition("the database needs migration " + m.name +
                                              "; run `aims migrate`");
    }
  }
  return base::Status::OK();
}

}  // namespace aims::store
