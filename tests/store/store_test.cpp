// Unit tests for src/store on real SQLite files: migrations (including a failing one), the
// schema convention, record tables, and two connections writing at once.
#include <gtest/gtest.h>

#include <optional>

#include <algorithm>

#include <set>
#include <thread>

#include "store/bulk_load.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/store.h"
#include "support/temp_dir.h"

namespace aims::store {
namespace {

using aims::testing::TempDir;

std::unique_ptr<Connection> OpenRaw(const std::string& path) {
  auto conn = OpenSqlite(path, {.busy_timeout_ms = 5000, .create_if_missing = true});
  EXPECT_TRUE(conn.ok()) << conn.status().ToString();
  return std::move(*conn);
}

std::set<std::string> Tables(Connection& conn) {
  std::set<std::string> out;
  auto stmt = conn.Prepare("SELECT name FROM sqlite_master WHERE type = 'table'");
  while (*(*stmt)->Step()) out.insert(std::string((*stmt)->Text(0)));
  (*stmt)->Reset();
  return out;
}

TEST(Migrator, AppliesEmbeddedMigrationsOnceAndRecordsThem) {
  TempDir dir;
  auto conn = OpenRaw(dir.Sub("a.db"));
  auto migrations = SqliteMigrations();
  ASSERT_FALSE(migrations.empty());
  EXPECT_EQ(migrations.front().name, "0001_initial");
  auto first = Migrate(*conn, migrations);
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->from_version, 0);
  EXPECT_EQ(first->applied.size(), migrations.size());
  auto again = Migrate(*conn, migrations);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(again->applied.empty());
  EXPECT_TRUE(CheckSchemaCurrent(*conn, migrations).ok());
  EXPECT_TRUE(Tables(*conn).count("ai_systems"));
}

TEST(Migrator, AFailingMigrationRollsBackAndTheStoreRefusesToOpen) {
  TempDir dir;
  std::string path = dir.Sub("b.db");
  auto migrations = SqliteMigrations();
  std::vector<Migration> broken = migrations;
  Migration bad;
  bad.version = 9000;
  bad.name = "9000_broken";
  bad.sql = "CREATE TABLE half_done (x INTEGER); INSERT INTO no_such_table VALUES (1);";
  broken.push_back(bad);
  {
    auto conn = OpenRaw(path);
    auto report = Migrate(*conn, broken);
    ASSERT_FALSE(report.ok());
    EXPECT_EQ(report.status().code(), base::StatusCode::kFailedPrecondition);
    EXPECT_NE(report.status().message().find("9000_broken"), std::string_view::npos);
    EXPECT_NE(report.status().message().find("rolled back"), std::string_view::npos);
    EXPECT_FALSE(Tables(*conn).count("half_done"));  // nothing of the failed migration remains
    EXPECT_TRUE(Tables(*conn).count("ai_systems"));   // the earlier ones stay applied
    EXPECT_FALSE(CheckSchemaCurrent(*conn, broken).ok());
  }
  // The store opens fine with the real migrations: the database is at a consistent version.
  auto store = Store::OpenSqlite(path, {});
  EXPECT_TRUE(store.ok()) << store.status().ToString();
}

TEST(Migrator, RefusesADatabaseFromANewerAims) {
  TempDir dir;
  std::string path = dir.Sub("c.db");
  {
    auto store = Store::OpenSqlite(path, {.create_if_missing = true});
    ASSERT_TRUE(store.ok());
    ASSERT_TRUE((*store)->connection().Exec(
        "INSERT INTO schema_migrations VALUES (9999, '9999_future', 'x', '2030-01-01T00:00:00Z')").ok());
  }
  auto store = Store::OpenSqlite(path, {});
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), base::StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find("newer aims"), std::string_view::npos);
}

TEST(Migrator, RefusesAShippedMigrationThatChanged) {
  TempDir dir;
  std::string path = dir.Sub("d.db");
  auto conn = OpenRaw(path);
  ASSERT_TRUE(Migrate(*conn, SqliteMigrations()).ok());
  ASSERT_TRUE(conn->Exec("UPDATE schema_migrations SET sha256 = 'edited' WHERE version = 1").ok());
  auto report = Migrate(*conn, SqliteMigrations());
  ASSERT_FALSE(report.ok());
  EXPECT_NE(report.status().message().find("0001_initial"), std::string_view::npos);
}

// The migrations must follow the layout table_sql.h derives from the field lists.
TEST(Schema, MigrationsMatchTheRecordFieldLists) {
  TempDir dir;
  auto store = Store::OpenSqlite(dir.Sub("e.db"), {.create_if_missing = true});
  ASSERT_TRUE(store.ok());
  Connection& conn = (*store)->connection();
  auto columns = [&](const std::string& table) {
    std::vector<std::string> out;
    auto stmt = conn.Prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    (*stmt)->BindText(1, table);
    while (*(*stmt)->Step()) out.emplace_back((*stmt)->Text(0));
    (*stmt)->Reset();
    return out;
  };
  domain::ForEachRecordType([&]<class T>() {
    const TableSql& sql = SqlFor<T>();
    std::vector<std::string> expected = {"id", "record_version", "created_at", "updated_at", "retired_at"};
    for (const auto& f : sql.scalar_fields) expected.emplace_back(f.name);
    EXPECT_EQ(columns(sql.table), expected) << sql.table;
    for (const auto& link : sql.links) {
      EXPECT_EQ(columns(link.table), (std::vector<std::string>{"owner_id", "target_id"})) << link.table;
    }
  });
}

domain::AiSystem System(const std::string& name) {
  domain::AiSystem s;
  s.meta.version = 1;
  s.meta.created_at = base::Timestamp(1);
  s.meta.updated_at = base::Timestamp(1);
  s.name = name;
  s.purpose = "test";
  return s;
}

TEST(RecordTable, InsertGetUpdateWithVersionsAndLinks) {
  TempDir dir;
  auto store = Store::OpenSqlite(dir.Sub("f.db"), {.create_if_missing = true});
  ASSERT_TRUE(store.ok());
  domain::Id sys_id = 0;
  base::Status s = (*store)->Write([&](Tx& tx) -> base::Status {
    domain::Model m;
    m.meta.version = 1;
    m.name = "gbm";
    m.version = "1";
    AIMS_ASSIGN_OR_RETURN(domain::Id model_id, tx.records<domain::Model>().Insert(m));
    m.version = "2";
    AIMS_ASSIGN_OR_RETURN(domain::Id model2, tx.records<domain::Model>().Insert(m));
    domain::AiSystem sys = System("Credit");
    sys.models = {model_id, model2};
    sys.affected_stakeholders = {"applicants", "officers, \"senior\""};
    sys.iso22989_roles = {domain::Iso22989Role::kProducer, domain::Iso22989Role::kProvider};
    AIMS_ASSIGN_OR_RETURN(sys_id, tx.records<domain::AiSystem>().Insert(sys));
    return base::Status::OK();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  s = (*store)->Write([&](Tx& tx) -> base::Status {
    auto table = tx.records<domain::AiSystem>();
    AIMS_ASSIGN_OR_RETURN(domain::AiSystem got, table.Get(sys_id));
    EXPECT_EQ(got.name, "Credit");
    EXPECT_EQ(got.models, (std::vector<domain::Id>{1, 2}));
    EXPECT_EQ(got.affected_stakeholders, (std::vector<std::string>{"applicants", "officers, \"senior\""}));
    EXPECT_EQ(got.iso22989_roles.size(), 2u);
    EXPECT_EQ(got.meta.created_at, base::Timestamp(1));
    // An update from version 1 succeeds; a second one that still expects version 1 conflicts.
    got.meta.version = 2;
    got.models = {2};
    AIMS_TRY(table.Update(got, 1));
    got.meta.version = 2;
    base::Status stale = table.Update(got, 1);
    EXPECT_EQ(stale.code(), base::StatusCode::kConflict);
    AIMS_ASSIGN_OR_RETURN(domain::AiSystem after, table.Get(sys_id));
    EXPECT_EQ(after.models, (std::vector<domain::Id>{2}));
    EXPECT_EQ(after.meta.version, 2);
    domain::AiSystem missing = System("Nobody");
    missing.meta.id = 999;
    EXPECT_EQ(table.Update(missing, 1).code(), base::StatusCode::kNotFound);
    EXPECT_EQ(table.Get(999).status().code(), base::StatusCode::kNotFound);
    // Natural key lookups ignore case.
    AIMS_ASSIGN_OR_RETURN(auto found, table.FindByKey(System("CREDIT")));
    EXPECT_EQ(found, std::optional<domain::Id>(sys_id));
    // The unique index is the backstop if a caller skips the check.
    EXPECT_EQ(table.Insert(System("credit")).status().code(), base::StatusCode::kAlreadyExists);
    // A dangling reference is refused by the foreign keys.
    domain::AiSystem dangling = System("Dangling");
    dangling.models = {77};
    EXPECT_FALSE(table.Insert(dangling).ok());
    return base::Status::OK();
  });
  EXPECT_TRUE(s.ok()) << s.ToString();
}

// Filters, search, sort in both directions and keyset pages that together list every match once.
// A held snapshot: reads inside it see the database as it was when it began, even after another
// connection commits; writes on the same store wait for it to end; once it ends, reads see the
// change.
TEST(Store, AHeldSnapshotIsSharedByReadsUntilItEnds) {
  TempDir dir;
  auto reader = Store::OpenSqlite(dir.Sub("s.db"), {.create_if_missing = true});
  ASSERT_TRUE(reader.ok());
  auto writer = Store::OpenSqlite(dir.Sub("s.db"), {});
  ASSERT_TRUE(writer.ok());
  auto count = [&]() {
    int64_t n = -1;
    EXPECT_TRUE((*reader)->Read([&](Tx& tx) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(n, tx.records<domain::AiSystem>().Count(false));
      return base::Status::OK();
    }).ok());
    return n;
  };
  auto add = [&](const char* name) {
    return (*writer)->Write([&](Tx& tx) { return tx.records<domain::AiSystem>().Insert(System(name)).status(); });
  };
  ASSERT_TRUE(add("first").ok());
  {
    std::optional<Store::Snapshot> held;
    (*reader)->HoldSnapshot(&held);
    ASSERT_TRUE(held.has_value());
    EXPECT_EQ(count(), 1);
    ASSERT_TRUE(add("second").ok());
    EXPECT_EQ(count(), 1);  // the same snapshot
    std::optional<Store::Snapshot> again;
    (*reader)->HoldSnapshot(&again);
    EXPECT_FALSE(again.has_value());  // one at a time
    EXPECT_FALSE((*reader)->Write([](Tx&) { return base::Status::OK(); }).ok());
  }
  EXPECT_EQ(count(), 2);
  EXPECT_TRUE((*reader)->Write([](Tx&) { return base::Status::OK(); }).ok());
}

TEST(RecordTable, QueryFiltersSortsAndPagesByKey) {
  TempDir dir;
  auto store = Store::OpenSqlite(dir.Sub("q.db"), {.create_if_missing = true});
  ASSERT_TRUE(store.ok());
  base::Status s = (*store)->Write([&](Tx& tx) -> base::Status {
    for (int i = 0; i < 11; ++i) {
      domain::AiSystem sys = System("Sys " + std::string(1, static_cast<char>('k' - i)));
      sys.business_unit = i % 3 == 0 ? "Risk" : "Ops";
      sys.affected_stakeholders = {i % 2 ? "odd" : "even"};
      if (i == 4) sys.meta.retired_at = base::Timestamp(1);
      AIMS_TRY(tx.records<domain::AiSystem>().Insert(sys).status());
    }
    return base::Status::OK();
  });
  ASSERT_TRUE(s.ok()) << s.ToString();
  auto page_all = [&](RecordQuery q) {
    std::vector<std::string> names;
    for (int pages = 0; pages < 20; ++pages) {
      std::vector<domain::AiSystem> out;
      std::optional<PageKey> next;
      base::Status st = (*store)->Read([&](Tx& tx) { return tx.records<domain::AiSystem>().Query(q, &out, &next); });
      EXPECT_TRUE(st.ok()) << st.ToString();
      for (auto& r : out) names.push_back(r.name);
      if (!next) break;
      q.after = next;
    }
    return names;
  };
  RecordQuery by_name;
  by_name.sort = "name";
  by_name.descending = true;
  by_name.limit = 3;
  auto names = page_all(by_name);
  ASSERT_EQ(names.size(), 10u);  // the retired one is left out
  EXPECT_EQ(names.front(), "Sys k");
  EXPECT_EQ(names.back(), "Sys a");
  EXPECT_TRUE(std::is_sorted(names.rbegin(), names.rend()));

  RecordQuery risk;
  risk.equals = {{"business_unit", "risk"}};  // text compares ignoring case
  risk.limit = 2;
  EXPECT_EQ(page_all(risk), (std::vector<std::string>{"Sys k", "Sys h", "Sys e", "Sys b"}));
  RecordQuery odd;
  odd.equals = {{"affected_stakeholders", "odd"}};
  odd.include_retired = true;
  EXPECT_EQ(page_all(odd).size(), 5u);
  RecordQuery search;
  search.search = "S A";  // case-insensitive substring
  EXPECT_EQ(page_all(search), (std::vector<std::string>{"Sys a"}));
  RecordQuery wildcard;
  wildcard.search = "%";  // LIKE wildcards are literal
  EXPECT_TRUE(page_all(wildcard).empty());

  std::vector<domain::AiSystem> out;
  std::optional<PageKey> next;
  RecordQuery bad;
  bad.sort = "colour";
  s = (*store)->Read([&](Tx& tx) { return tx.records<domain::AiSystem>().Query(bad, &out, &next); });
  EXPECT_EQ(s.where(), "sort");
  bad = RecordQuery();
  bad.equals = {{"name; DROP TABLE ai_systems", "x"}};
  s = (*store)->Read([&](Tx& tx) { return tx.records<domain::AiSystem>().Query(bad, &out, &next); });
  EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument);
}

TEST(RecordTable, InsertManyStoresEveryRowAndNamesTheOneThatFails) {
  TempDir dir;
  auto store = Store::OpenSqlite(dir.Sub("m.db"), {.create_if_missing = true});
  ASSERT_TRUE(store.ok());
  domain::Dataset d;
  d.meta.version = 1;
  d.meta.id = 1;
  d.name = "data";
  // 150 records: two full multi-row statements and a remainder stored one by one.
  std::vector<domain::AiSystem> systems;
  for (int i = 0; i < 150; ++i) {
    systems.push_back(System("sys " + std::to_string(i)));
    systems.back().meta.id = 10 + i;
    if (i % 2) systems.back().datasets = {1};
  }
  ASSERT_GT(systems.size(), 2u * kInsertRows);
  ASSERT_TRUE((*store)->Write([&](Tx& tx) -> base::Status {
    AIMS_TRY(tx.records<domain::Dataset>().Insert(d).status());
    size_t failed = 999;
    AIMS_TRY(tx.records<domain::AiSystem>().InsertMany(systems, &failed));
    return base::Status::OK();
  }).ok());
  ASSERT_TRUE((*store)->Read([&](Tx& tx) -> base::Status {
    std::vector<domain::AiSystem> back;
    AIMS_TRY(tx.records<domain::AiSystem>().Scan({}, [&](domain::AiSystem& s) -> base::Status {
      back.push_back(s);
      return base::Status::OK();
    }));
    EXPECT_EQ(back.size(), systems.size());
    for (size_t i = 0; i < back.size() && i < systems.size(); ++i) {
      EXPECT_EQ(back[i].meta.id, systems[i].meta.id);
      EXPECT_EQ(back[i].name, systems[i].name);
      EXPECT_EQ(back[i].datasets, systems[i].datasets);
    }
    return base::Status::OK();
  }).ok());
  // A dangling reference inside a full statement: the error is about exactly that record and
  // the transaction writes nothing.
  std::vector<domain::AiSystem> more;
  for (int i = 0; i < 100; ++i) {
    more.push_back(System("more " + std::to_string(i)));
    more.back().meta.id = 1000 + i;
  }
  more[37].owner = 4242;
  size_t failed = 0;
  base::Status s = (*store)->Write([&](Tx& tx) { return tx.records<domain::AiSystem>().InsertMany(more, &failed); });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(failed, 37u);
  ASSERT_TRUE((*store)->Read([&](Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(int64_t n, tx.records<domain::AiSystem>().Count(true));
    EXPECT_EQ(n, 150);
    return base::Status::OK();
  }).ok());
}

TEST(BulkLoad, RebuildsEveryIndexAndNamesRowsThatShareAUniqueKey) {
  TempDir dir;
  auto store = Store::OpenSqlite(dir.Sub("b.db"), {.create_if_missing = true});
  ASSERT_TRUE(store.ok());
  auto indexes = [&](Tx& tx) {
    std::set<std::string> out;
    auto stmt = tx.connection().Prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL");
    while (*(*stmt)->Step()) out.insert(std::string((*stmt)->Text(0)));
    (*stmt)->Reset();
    return out;
  };
  std::set<std::string> before;
  ASSERT_TRUE((*store)->Read([&](Tx& tx) { before = indexes(tx); return base::Status::OK(); }).ok());
  ASSERT_TRUE(before.count("ai_systems_key"));
  // A clean load: indexes are gone during the load and all back after it.
  ASSERT_TRUE((*store)->Write([&](Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(BulkLoad load, BulkLoad::Begin(tx));
    EXPECT_TRUE(indexes(tx).empty());
    AIMS_TRY(tx.records<domain::AiSystem>().Insert(System("one")).status());
    AIMS_TRY(load.Finish(tx));
    EXPECT_EQ(indexes(tx), before);
    return base::Status::OK();
  }).ok());
  // Names equal but for case share the unique key: Finish finds them, the load rolls back.
  std::optional<DuplicateKey> dup;
  base::Status s = (*store)->Write([&](Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(BulkLoad load, BulkLoad::Begin(tx));
    for (const char* name : {"two", "Alpha", "three", "ALPHA"}) {
      AIMS_TRY(tx.records<domain::AiSystem>().Insert(System(name)).status());
    }
    base::Status finished = load.Finish(tx);
    dup = load.duplicate();
    return finished;
  });
  EXPECT_EQ(s.code(), base::StatusCode::kAlreadyExists);
  ASSERT_TRUE(dup);
  EXPECT_EQ(dup->table, "ai_systems");
  EXPECT_EQ(dup->kind, domain::EntityKind::kAiSystem);
  EXPECT_EQ(dup->ids, (std::vector<domain::Id>{3, 5}));
  ASSERT_TRUE((*store)->Read([&](Tx& tx) -> base::Status {
    EXPECT_EQ(indexes(tx), before);
    AIMS_ASSIGN_OR_RETURN(int64_t n, tx.records<domain::AiSystem>().Count(true));
    EXPECT_EQ(n, 1);
    return base::Status::OK();
  }).ok());
}

TEST(RecordTable, ScanPagesInIdOrderWithLinks) {
  TempDir dir;
  auto store = Store::OpenSqlite(dir.Sub("g.db"), {.create_if_missing = true});
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE((*store)->Write([&](Tx& tx) -> base::Status {
    domain::Dataset d;
    d.meta.version = 1;
    d.name = "data";
    AIMS_TRY(tx.records<domain::Dataset>().Insert(d).status());
    for (int i = 0; i < 5000; ++i) {
      domain::AiSystem s = System("sys " + std::to_string(i));
      if (i % 3 == 0) s.datasets = {1};
      if (i % 7 == 0) s.meta.retired_at = base::Timestamp(2);
      AIMS_TRY(tx.records<domain::AiSystem>().Insert(s).status());
    }
    return base::Status::OK();
  }).ok());
  ASSERT_TRUE((*store)->Read([&](Tx& tx) -> base::Status {
    auto table = tx.records<domain::AiSystem>();
    int64_t n = 0, linked = 0;
    domain::Id last = 0;
    AIMS_TRY(table.Scan({}, [&](domain::AiSystem& s) -> base::Status {
      EXPECT_GT(s.meta.id, last);
      last = s.meta.id;
      EXPECT_EQ(!s.datasets.empty(), (s.meta.id - 1) % 3 == 0) << s.meta.id;
      linked += !s.datasets.empty();
      ++n;
      return base::Status::OK();
    }));
    EXPECT_EQ(n, 5000);
    EXPECT_EQ(linked, 1667);
    int64_t live = 0;
    AIMS_TRY(table.Scan({.include_retired = false}, [&](domain::AiSystem&) -> base::Status {
      ++live;
      return base::Status::OK();
    }));
    EXPECT_EQ(live, 5000 - 715);
    AIMS_ASSIGN_OR_RETURN(int64_t counted, table.Count(false));
    EXPECT_EQ(counted, live);
    std::vector<domain::Id> page;
    AIMS_TRY(table.Scan({.after = 4990, .limit = 5}, [&](domain::AiSystem& s) -> base::Status {
      page.push_back(s.meta.id);
      return base::Status::OK();
    }));
    EXPECT_EQ(page, (std::vector<domain::Id>{4991, 4992, 4993, 4994, 4995}));
    return base::Status::OK();
  }).ok());
}

TEST(Store, TwoWritersQueueOnTheWriteLockInsteadOfFailing) {
  TempDir dir;
  std::string path = dir.Sub("h.db");
  ASSERT_TRUE(Store::OpenSqlite(path, {.create_if_missing = true}).ok());
  auto writer = [&](int which) {
    auto store = Store::OpenSqlite(path, {});
    ASSERT_TRUE(store.ok());
    for (int i = 0; i < 50; ++i) {
      base::Status s = (*store)->Write([&](Tx& tx) -> base::Status {
        return tx.records<domain::AiSystem>().Insert(System("w" + std::to_string(which) + "-" + std::to_string(i))).status();
      });
      ASSERT_TRUE(s.ok()) << s.ToString();
    }
  };
  std::thread a(writer, 1), b(writer, 2);
  a.join();
  b.join();
  auto store = Store::OpenSqlite(path, {});
  ASSERT_TRUE((*store)->Read([&](Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(int64_t n, tx.records<domain::AiSystem>().Count(true));
    EXPECT_EQ(n, 100);
    return base::Status::OK();
  }).ok());
}

TEST(Store, ABodyThatFailsWritesNothing) {
  TempDir dir;
  auto store = Store::OpenSqlite(dir.Sub("i.db"), {.create_if_missing = true});
  ASSERT_TRUE(store.ok());
  base::Status s = (*store)->Write([&](Tx& tx) -> base::Status {
    AIMS_TRY(tx.records<domain::AiSystem>().Insert(System("kept?")).status());
    return base::Status::InvalidArgument("second record is bad");
  });
  EXPECT_EQ(s.code(), base::StatusCode::kInvalidArgument);
  ASSERT_TRUE((*store)->Read([&](Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(int64_t n, tx.records<domain::AiSystem>().Count(true));
    EXPECT_EQ(n, 0);
    return base::Status::OK();
  }).ok());
}

}  // namespace
}  // namespace aims::store
