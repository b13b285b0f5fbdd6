// Tampering behind aims' back (the sqlite3 shell, a text editor on a blob, an old backup) must
// make `aims ledger verify` fail with exit status 8 and name the first bad item; an untouched
// register verifies. One case per record table, plus links, the log, heads and files.
#include <gtest/gtest.h>

#include <filesystem>

#include "domain/entities.h"
#include "ledger/entry.h"
#include "store/table_sql.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace aims::testing {
namespace {

namespace fs = std::filesystem;

class Tamper : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    demo_ = new TempDir();
    ProcessResult r = RunAims({"--data", demo_->Sub("demo"), "demo"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete demo_; }

  // A fresh copy of the demo register for one case.
  std::string Copy() {
    fs::copy(demo_->Sub("demo"), dir_.Sub("data"), fs::copy_options::recursive);
    return dir_.Sub("data");
  }
  std::string Db() { return dir_.Sub("data/aims.db"); }

  // Runs verify; expects failure naming `where` (in stdout's FAIL lines and stderr).
  void ExpectDetected(const std::string& where, const std::string& what = "") {
    ProcessResult r = RunAims({"--data", dir_.Sub("data"), "ledger", "verify", "--skip-blobs"});
    EXPECT_EQ(r.exit_code, 8) << r.out << r.err;
    EXPECT_NE(r.out.find("FAIL " + where), std::string::npos) << "expected FAIL " << where << " in:\n" << r.out;
    if (!what.empty()) {
      EXPECT_NE(r.out.find(what), std::string::npos) << r.out;
    }
    EXPECT_NE(r.err.find("ledger verification failed"), std::string::npos) << r.err;
  }

  static TempDir* demo_;
  TempDir dir_;
};

TempDir* Tamper::demo_ = nullptr;

TEST_F(Tamper, UntouchedRegisterVerifies) {
  Copy();
  ProcessResult r = RunAims({"--data", dir_.Sub("data"), "ledger", "verify"});
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  EXPECT_NE(r.out.find("ledger verified"), std::string::npos);
}

TEST_F(Tamper, AnEditToAnyRecordTableIsNamed) {
  domain::ForEachRecordType([&]<class T>() {
    const store::TableSql& sql = store::SqlFor<T>();
    std::string column;
    for (const auto& f : sql.scalar_fields) {
      if (column.empty() && (f.kind == domain::FieldKind::kText || f.kind == domain::FieldKind::kLongText)) {
        column = std::string(f.name);
      }
    }
    ASSERT_FALSE(column.empty()) << sql.table;
    fs::remove_all(dir_.Sub("data"));
    Copy();
    std::string id = Sqlite(Db(), "SELECT max(id) FROM " + sql.table + ";");
    id.erase(id.find_last_not_of("\n") + 1);
    ASSERT_FALSE(id.empty()) << "the demo has no " << sql.table;
    Sqlite(Db(), "UPDATE " + sql.table + " SET " + column + " = " + column + " || ' (edited)' WHERE id = " + id + ";");
    SCOPED_TRACE(sql.table);
    ExpectDetected(std::string(domain::Info(T::kKind).name) + " " + std::string(domain::Info(T::kKind).prefix) + "-" + id,
                   "changed behind aims' back");
  });
}

TEST_F(Tamper, ARemovedLinkIsNamedOnItsOwner) {
  Copy();
  Sqlite(Db(), "DELETE FROM ai_systems__models WHERE owner_id = 2;");
  ExpectDetected("ai_system SYS-2");
}

TEST_F(Tamper, AnInsertedRecordIsNamed) {
  Copy();
  Sqlite(Db(), "INSERT INTO roles (id, record_version, created_at, updated_at, name, description, responsibilities) "
               "VALUES (500, 1, '2026-01-01T00:00:00.000000Z', '2026-01-01T00:00:00.000000Z', 'Ghost', '', '');");
  ExpectDetected("role ROLE-500", "inserted behind aims' back");
}

TEST_F(Tamper, ADeletedRecordIsNamed) {
  Copy();
  Sqlite(Db(), "DELETE FROM context_issues WHERE id = 2;");
  ExpectDetected("context_issue ISSUE-2", "deleted behind aims' back");
}

TEST_F(Tamper, AnEditedLedgerEntryIsNamed) {
  Copy();
  Sqlite(Db(), "DROP TRIGGER ledger_entries_no_update; UPDATE ledger_entries SET actor = 'cli:mallory' WHERE seq = 57;");
  ExpectDetected("ledger entry 57", "the entry was edited");
}

TEST_F(Tamper, AnEntryRewrittenWithItsLeafHashStillFailsTheSignedRoot) {
  Copy();
  // A careful forger rewrites an entry and recomputes its stored leaf hash: only the signed root
  // can catch that.
  std::string row = Sqlite(Db(), "SELECT time_us, action, entity_type, entity_id, hex(state_hash) "
                                 "FROM ledger_entries WHERE seq = 10;");
  std::vector<std::string> f;
  for (size_t start = 0, bar; start < row.size(); start = bar + 1) {
    bar = row.find_first_of("|\n", start);
    f.push_back(row.substr(start, bar - start));
    if (bar == std::string::npos) break;
  }
  ASSERT_GE(f.size(), 5u);
  ledger::LedgerEntry e;
  e.seq = 10;
  e.time = base::Timestamp(std::stoll(f[0]));
  e.actor = "cli:mallory";
  e.action = f[1];
  e.entity_type = f[2];
  e.entity_id = std::stoll(f[3]);
  e.state_hash = *base::DigestFromHex(f[4]);
  std::string leaf = base::ToHex(ledger::LeafHashOf(e));
  Sqlite(Db(), "DROP TRIGGER ledger_entries_no_update; UPDATE ledger_entries SET actor = 'cli:mallory', "
               "leaf_hash = X'" + leaf + "' WHERE seq = 10;");
  ProcessResult r = RunAims({"--data", dir_.Sub("data"), "ledger", "verify"});
  EXPECT_EQ(r.exit_code, 8);
  EXPECT_EQ(r.out.find("FAIL ledger entry 10:"), std::string::npos) << "the leaf hash was forged consistently";
  EXPECT_NE(r.out.find("does not match the signed root"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("FAIL ledger entries 1.."), std::string::npos) << r.out;
}

TEST_F(Tamper, ATruncatedLogIsNamed) {
  Copy();
  Sqlite(Db(), "DROP TRIGGER ledger_entries_no_delete; DELETE FROM ledger_entries WHERE seq = (SELECT max(seq) FROM ledger_entries);");
  ProcessResult r = RunAims({"--data", dir_.Sub("data"), "ledger", "verify"});
  EXPECT_EQ(r.exit_code, 8);
  EXPECT_NE(r.out.find("entries were removed"), std::string::npos) << r.out;
}

TEST_F(Tamper, AForgedTreeHeadSignatureIsNamed) {
  Copy();
  Sqlite(Db(), "DROP TRIGGER tree_heads_no_update; UPDATE tree_heads SET signature = zeroblob(64);");
  ExpectDetected("tree head at size", "signature does not verify");
}

TEST_F(Tamper, ARewrittenMerkleStateIsNamedAndBlocksWrites) {
  Copy();
  Sqlite(Db(), "UPDATE ledger_state SET compact_range = zeroblob(8);");
  ExpectDetected("ledger_state");
  ProcessResult add = RunAims({"--data", dir_.Sub("data"), "role", "add", "--name", "Late"});
  EXPECT_EQ(add.exit_code, 8) << add.err;
}

TEST_F(Tamper, AnAlteredEvidenceFileIsNamed) {
  Copy();
  for (const auto& entry : fs::recursive_directory_iterator(dir_.Sub("data/blobs/sha256"))) {
    if (entry.is_regular_file()) {
      WriteFileOrDie(entry.path().string(), "replaced content");
      break;
    }
  }
  ProcessResult r = RunAims({"--data", dir_.Sub("data"), "ledger", "verify"});
  EXPECT_EQ(r.exit_code, 8) << r.out;
  EXPECT_NE(r.out.find("the evidence file was altered"), std::string::npos) << r.out;
}

TEST_F(Tamper, ADatabaseRolledBackToAnOlderCopyIsCaughtByTheWitnessHead) {
  Copy();
  fs::copy_file(Db(), dir_.Sub("old.db"));
  ProcessResult add = RunAims({"--data", dir_.Sub("data"), "role", "add", "--name", "Newer"});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  fs::copy_file(dir_.Sub("old.db"), Db(), fs::copy_options::overwrite_existing);
  ExpectDetected("tree-head.json", "rolled back");
}

}  // namespace
}  // namespace aims::testing
