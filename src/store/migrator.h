// Migrator: brings a database to the schema this binary expects, one numbered migration at a
// time, each in its own transaction and recorded in schema_migrations with the SHA-256 of its
// text. A migration that fails is rolled back and reported by number and name; the database stays
// at the previous version and aims refuses to run on it. A database migrated by a newer aims,
// or whose applied migration text no longer matches, is refused too.
// Thread safety: one connection; concurrent processes serialise on the write lock.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "store/connection.h"

namespace aims::store {

struct Migration {
  int version = 0;
  std::string name;  // "0001_initial"
  std::string_view sql;
};

// The migrations embedded for the SQLite backend, in order.
std::vector<Migration> SqliteMigrations();

struct MigrationReport {
  int from_version = 0;
  int to_version = 0;
  std::vector<std::string> applied;  // names, in order
};

base::Result<MigrationReport> Migrate(Connection& conn, std::span<const Migration> migrations);

// FailedPrecondition unless every migration is applied and unchanged.
base::Status CheckSchemaCurrent(Connection& conn, std::span<const Migration> migrations);

}  // namespace aims::store
