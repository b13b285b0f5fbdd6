// Unit tests for src/service on a real data directory: every mutation is one transaction with its
// ledger entries and signed head; failures write nothing; the verifier names what was changed;
// catalogs are imported, diffed and adopted.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include "ledger/key_file.h"
#include "service/catalog_service.h"
#include "service/export_import.h"
#include "service/ledger_appender.h"
#include "service/ledger_verifier.h"
#include "service/record_stream.h"
#include "service/soa_report.h"
#include "service/workspace.h"
#include "support/new_register.h"
#include "support/temp_dir.h"

namespace aims::service {
namespace {

using aims::testing::TempDir;

using aims::testing::NewRegister;

uint64_t LedgerSize(Workspace& ws) {
  int64_t n = 0;
  EXPECT_TRUE(ws.Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(n, tx.ledger().LastSeq());
    return base::Status::OK();
  }).ok());
  return static_cast<uint64_t>(n);
}

TEST(Workspace, InitSeedsAnnexAAndSignsTheLedger) {
  TempDir dir;
  auto ws = NewRegister(dir);
  ASSERT_TRUE(ws->last_head());
  EXPECT_EQ(ws->last_head()->size, LedgerSize(*ws));
  auto key = ledger::ReadPublicKey(ws->paths().public_key);
  ASSERT_TRUE(key.ok());
  EXPECT_TRUE(ledger::VerifyTreeHead(*key, *ws->last_head()));
  auto soa = BuildSoa(*ws, "iso42001", *base::Date::Parse("2026-11-28"));
  ASSERT_TRUE(soa.ok());
  EXPECT_EQ(soa->rows.size(), 38u);
  EXPECT_EQ(soa->catalog, "iso42001@2023#1");
  struct stat st;
  ASSERT_EQ(::stat(ws->paths().secret_key.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  auto report = VerifyLedger(*ws, {});
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << report->problems.front().what;
}

TEST(Mutation, AFailedUseCaseLeavesRecordsAndLedgerUnchanged) {
  TempDir dir;
  auto ws = NewRegister(dir);
  uint64_t before = LedgerSize(*ws);
  base::Status s = ws->Mutate([&](Mutation& m) -> base::Status {
    domain::AiSystem ok;
    ok.name = "First";
    ok.purpose = "fine";
    AIMS_TRY(m.Create(ok).status());
    domain::AiSystem dup;
    dup.name = "first";  // duplicate name, ignoring case
    dup.purpose = "clash";
    return m.Create(dup).status();
  });
  EXPECT_EQ(s.code(), base::StatusCode::kAlreadyExists);
  EXPECT_EQ(s.where(), "name");
  EXPECT_EQ(LedgerSize(*ws), before);
  int64_t systems = -1;
  ASSERT_TRUE(ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(systems, tx.records<domain::AiSystem>().Count(true));
    return base::Status::OK();
  }).ok());
  EXPECT_EQ(systems, 0);
}

// Group commit: the change that fails is undone alone (its rows and its ledger entry), the
// others commit together under one signed head, each with its own actor, and the log verifies.
TEST(Workspace, MutateGroupCommitsTheGoodChangesAndUndoesTheFailedOneAlone) {
  TempDir dir;
  auto ws = NewRegister(dir);
  uint64_t before = LedgerSize(*ws);
  auto add = [](std::string name, bool fail_after_write) {
    return [name, fail_after_write](Mutation& m) -> base::Status {
      domain::AiSystem sys;
      sys.name = name;
      sys.purpose = "p";
      AIMS_TRY(m.Create(sys).status());
      if (fail_after_write) return base::Status::InvalidArgument("refused after writing", "name");
      return base::Status::OK();
    };
  };
  std::vector<Workspace::Change> changes = {{"user:a@example.org", add("First", false)},
                                            {"user:b@example.org", add("Second", true)},
                                            {"user:c@example.org", add("First", false)},  // duplicate name
                                            {"user:d@example.org", add("Fourth", false)}};
  std::vector<base::Status> results = ws->MutateGroup(changes);
  ASSERT_EQ(results.size(), 4u);
  EXPECT_TRUE(results[0].ok()) << results[0].ToString();
  EXPECT_EQ(results[1].code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(results[2].code(), base::StatusCode::kAlreadyExists) << results[2].ToString();
  EXPECT_TRUE(results[3].ok()) << results[3].ToString();
  EXPECT_EQ(LedgerSize(*ws), before + 2);
  std::vector<std::string> names, actors;
  ASSERT_TRUE(ws->Read([&](store::Tx& tx) -> base::Status {
    AIMS_TRY(tx.records<domain::AiSystem>().Scan({}, [&](domain::AiSystem& r) {
      names.push_back(r.name);
      return base::Status::OK();
    }));
    for (uint64_t seq = before + 1; seq <= before + 2; ++seq) {
      AIMS_ASSIGN_OR_RETURN(auto e, tx.ledger().EntryAt(static_cast<int64_t>(seq)));
      actors.push_back(e.actor);
    }
    return base::Status::OK();
  }).ok());
  EXPECT_EQ(names, (std::vector<std::string>{"First", "Fourth"}));
  EXPECT_EQ(actors, (std::vector<std::string>{"user:a@example.org", "user:d@example.org"}));
  ASSERT_TRUE(ws->last_head().has_value());
  EXPECT_EQ(ws->last_head()->size, before + 2);
  auto report = VerifyLedger(*ws, {});
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << report->problems.front().what;
}

TEST(Mutation, ChecksReferencesCatalogIdsAndVersions) {
  TempDir dir;
  auto ws = NewRegister(dir);
  domain::AiSystem s;
  s.name = "Chat";
  s.purpose = "answers";
  s.owner = 99;
  base::Status st = ws->Mutate([&](Mutation& m) { return m.Create(s).status(); });
  EXPECT_EQ(st.code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(st.where(), "owner");
  EXPECT_NE(st.message().find("PER-99"), std::string_view::npos);

  domain::Control c;
  c.code = "CTL-X";
  c.title = "x";
  c.requirements = {"iso42001:A.99.9"};
  st = ws->Mutate([&](Mutation& m) { return m.Create(c).status(); });
  EXPECT_EQ(st.code(), base::StatusCode::kNotFound);
  c.requirements = {"iso27001:A.8.15", "iso42001:A.6.2.8"};
  ASSERT_TRUE(ws->Mutate([&](Mutation& m) { return m.Create(c).status(); }).ok());

  s.owner.reset();
  ASSERT_TRUE(ws->Mutate([&](Mutation& m) { return m.Create(s).status(); }).ok());
  domain::AiSystem stale = s;
  ASSERT_TRUE(ws->Mutate([&](Mutation& m) {
    s.purpose = "first edit";
    return m.Update(s, 1);
  }).ok());
  EXPECT_EQ(s.meta.version, 2);
  st = ws->Mutate([&](Mutation& m) {
    stale.purpose = "lost update";
    return m.Update(stale, 1);
  });
  EXPECT_EQ(st.code(), base::StatusCode::kConflict);
}

TEST(Verifier, NamesARecordChangedBehindAimsBack) {
  TempDir dir;
  auto ws = NewRegister(dir);
  ASSERT_TRUE(ws->store().connection().Exec("UPDATE controls SET title = 'edited' WHERE id = 5").ok());
  auto report = VerifyLedger(*ws, {});
  ASSERT_TRUE(report.ok());
  ASSERT_FALSE(report->ok());
  EXPECT_EQ(report->problems.front().where, "control CTL-5");
}

TEST(Verifier, RefusesToExtendALedgerWhoseStateWasRewritten) {
  TempDir dir;
  auto ws = NewRegister(dir);
  ASSERT_TRUE(ws->store().connection().Exec("UPDATE ledger_state SET compact_range = x'00'").ok());
  domain::Role r;
  r.name = "Auditor";
  base::Status s = ws->Mutate([&](Mutation& m) { return m.Create(r).status(); });
  EXPECT_EQ(s.code(), base::StatusCode::kCorruption);
}

TEST(Catalogs, ImportDiffAndAdoptANewRevision) {
  TempDir dir;
  auto ws = NewRegister(dir);
  const char* rev2 = R"(format: aims-catalog/1
id: iso42001
version: "2023"
revision: 2
title: test revision
source: test
licence: test
locale: en
items:
  - {id: A, kind: annex, title: Annex A}
  - {id: A.2, kind: objective, parent: A, title: Policies}
  - {id: A.2.2, kind: control, parent: A.2, title: AI policy (retitled)}
  - {id: A.2.9, kind: control, parent: A.2, title: A new control}
)";
  auto imported = ImportCatalog(*ws, rev2, "rev2.yaml");
  ASSERT_TRUE(imported.ok()) << imported.status().ToString();
  ASSERT_TRUE(imported->diff);
  EXPECT_EQ(*imported->soa_uses, "2023#1");
  EXPECT_EQ(imported->diff->added, std::vector<std::string>{"A.2.9"});
  EXPECT_EQ(imported->diff->removed.size(), 37u + 32u);  // 37 controls and the 32 leaf clauses
  EXPECT_EQ(ImportCatalog(*ws, rev2, "again.yaml").status().code(), base::StatusCode::kAlreadyExists);

  auto adopted = AdoptCatalog(*ws, "iso42001", "2023", 2);
  ASSERT_TRUE(adopted.ok()) << adopted.status().ToString();
  EXPECT_EQ(adopted->updated, 1);
  EXPECT_EQ(adopted->added, 1);
  EXPECT_EQ(adopted->retired, 37);
  auto soa = BuildSoa(*ws, "iso42001", *base::Date::Parse("2026-11-28"));
  ASSERT_TRUE(soa.ok());
  EXPECT_EQ(soa->catalog, "iso42001@2023#2");
  EXPECT_EQ(soa->rows.size(), 2u);
  auto report = VerifyLedger(*ws, {});
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok());
}

TEST(ExportImport, RoundTripIsLossless) {
  TempDir dir;
  auto ws = NewRegister(dir);
  auto blob = ws->blobs().Put("evidence bytes");
  ASSERT_TRUE(blob.ok());
  ASSERT_TRUE(ws->Mutate([&](Mutation& m) -> base::Status {
    domain::Evidence ev;
    ev.title = "Policy";
    ev.sha256 = blob->sha256;
    ev.size_bytes = blob->size;
    ev.controls = {1, 2};
    ev.expires_on = *base::Date::Parse("2027-01-01");
    return m.Create(ev).status();
  }).ok());
  auto first = ExportRegister(*ws, {});
  ASSERT_TRUE(first.ok());
  WorkspaceOptions options;
  options.data_dir = dir.Sub("copy");
  auto copy = Workspace::Create(options);
  ASSERT_TRUE(copy.ok());
  auto summary = ImportRegister(**copy, *first, "first.json");
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  auto second = ExportRegister(**copy, {});
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(*first, *second);
  auto report = VerifyLedger(**copy, {});
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok());
  // Importing again into the same (now full) register is refused and writes nothing.
  uint64_t size = LedgerSize(**copy);
  EXPECT_EQ(ImportRegister(**copy, *first, "first.json").status().code(), base::StatusCode::kFailedPrecondition);
  EXPECT_EQ(LedgerSize(**copy), size);
}

// A register of `n` AI systems as an export document, built through the service.
std::string RegisterWithSystems(const TempDir& dir, const std::string& name, int n) {
  auto ws = NewRegister(dir, name);
  EXPECT_TRUE(ws->Mutate([&](Mutation& m) -> base::Status {
    for (int i = 0; i < n; ++i) {
      domain::AiSystem s;
      s.name = "system " + std::to_string(i);
      s.purpose = "scoring";
      AIMS_TRY(m.Create(s).status());
    }
    return base::Status::OK();
  }).ok());
  auto doc = ExportRegister(*ws, {});
  EXPECT_TRUE(doc.ok());
  return *doc;
}

// Replaces the first occurrence of `from` after `after` in `doc`.
std::string Edit(std::string doc, const std::string& after, const std::string& from, const std::string& to) {
  size_t at = doc.find(from, doc.find(after));
  EXPECT_NE(at, std::string::npos) << from;
  return doc.replace(at, from.size(), to);
}

TEST(ExportImport, ALargeImportMatchesRecordByRecordWritesAndVerifies) {
  TempDir dir;
  // 5000 systems: several multi-row statements and a ledger checkpoint inside the import.
  std::string doc = RegisterWithSystems(dir, "source", 5000);
  WorkspaceOptions options;
  options.data_dir = dir.Sub("copy");
  auto copy = Workspace::Create(options);
  ASSERT_TRUE(copy.ok());
  auto summary = ImportRegister(**copy, doc, "big.json");
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->counts["systems"], 5000);
  auto again = ExportRegister(**copy, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, doc);
  auto report = VerifyLedger(**copy, {});
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << report->problems.front().where << ": " << report->problems.front().what;
  EXPECT_GE(report->heads, 2u);  // checkpoint heads inside the import, plus the final one
}

TEST(ExportImport, AnErrorDeepInALargeImportNamesItsRecordAndWritesNothing) {
  TempDir dir;
  std::string doc = RegisterWithSystems(dir, "source", 300);
  struct Case {
    std::string doc, code_where;
    base::StatusCode code;
  };
  std::vector<Case> cases = {
      // A reference to a person who does not exist, inside a full multi-row statement.
      {Edit(doc, "\"system 200\"", "\"owner\": null", "\"owner\": 999"),
       "big.json:/systems/200/owner", base::StatusCode::kInvalidArgument},
      // Two names equal but for case: only found when the unique index is rebuilt; the later
      // one in the document is named.
      {Edit(doc, "\"system 250\"", "\"system 250\"", "\"SYSTEM 10\""),
       "big.json:/systems/250/name", base::StatusCode::kAlreadyExists},
  };
  for (size_t i = 0; i < cases.size(); ++i) {
    WorkspaceOptions options;
    options.data_dir = dir.Sub("bad" + std::to_string(i));
    auto copy = Workspace::Create(options);
    ASSERT_TRUE(copy.ok());
    uint64_t size = LedgerSize(**copy);
    auto summary = ImportRegister(**copy, cases[i].doc, "big.json");
    ASSERT_FALSE(summary.ok()) << i;
    EXPECT_EQ(summary.status().code(), cases[i].code) << summary.status().ToString();
    EXPECT_EQ(summary.status().where(), cases[i].code_where) << summary.status().ToString();
    EXPECT_EQ(LedgerSize(**copy), size);
  }
}

TEST(StreamRecords, YieldsWhatAScanYieldsAndStopsOnTheConsumersError) {
  TempDir dir;
  auto ws = NewRegister(dir);
  ASSERT_TRUE(ws->Mutate([&](Mutation& m) -> base::Status {
    for (int i = 0; i < 3000; ++i) {
      domain::AiSystem s;
      s.name = "s" + std::to_string(i);
      s.purpose = "p";
      AIMS_TRY(m.Create(s).status());
    }
    return base::Status::OK();
  }).ok());
  std::vector<domain::Id> scanned, streamed;
  ASSERT_TRUE(ws->Read([&](store::Tx& tx) {
    return tx.records<domain::AiSystem>().Scan({}, [&](domain::AiSystem& s) {
      scanned.push_back(s.meta.id);
      return base::Status::OK();
    });
  }).ok());
  ASSERT_TRUE(StreamRecords<domain::AiSystem>(*ws, {}, [&](domain::AiSystem& s) {
    streamed.push_back(s.meta.id);
    return base::Status::OK();
  }).ok());
  EXPECT_EQ(streamed.size(), 3000u);
  EXPECT_EQ(streamed, scanned);
  int seen = 0;
  base::Status stopped = StreamRecords<domain::AiSystem>(*ws, {}, [&](domain::AiSystem&) {
    return ++seen == 1500 ? base::Status::IOError("disk full", "stdout") : base::Status::OK();
  });
  EXPECT_EQ(stopped.code(), base::StatusCode::kIOError);
  EXPECT_EQ(seen, 1500);
}

// The batch path of the appender (HashEntries + AppendHashed, as a large import uses it) gives
// the same log as appending entry by entry: same leaves, same root, heads at the same sizes.
TEST(LedgerAppender, BatchesGiveTheSameLogAndCheckpointsAsSingleAppends) {
  TempDir dir;
  ledger::KeyPair keys = ledger::GenerateKeyPair();
  const size_t n = 2 * LedgerAppender::kCheckpointEvery + 100;
  auto entries = [&] {
    std::vector<ledger::LedgerEntry> out(n);
    for (size_t i = 0; i < n; ++i) {
      out[i].time = base::Timestamp(1000 + static_cast<int64_t>(i));
      out[i].actor = "test:alice";
      out[i].action = "import";
      out[i].entity_type = "ai_system";
      out[i].entity_id = static_cast<int64_t>(i) + 1;
      out[i].state_hash[0] = static_cast<uint8_t>(i);
    }
    return out;
  };
  struct Log {
    ledger::Hash root{};
    std::vector<uint64_t> head_sizes;
  };
  auto run = [&](const std::string& name, bool batched) {
    auto store = store::Store::OpenSqlite(dir.Sub(name), {.create_if_missing = true});
    EXPECT_TRUE(store.ok());
    Log log;
    base::Status s = (*store)->Write([&](store::Tx& tx) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(LedgerAppender appender, LedgerAppender::Begin(tx, &keys.secret_key));
      std::vector<ledger::LedgerEntry> all = entries();
      if (batched) {
        // Uneven batches, so runs cross checkpoint boundaries at different offsets.
        for (size_t begin = 0; begin < n; begin += 1000) {
          std::span<ledger::LedgerEntry> part = std::span(all).subspan(begin, std::min<size_t>(1000, n - begin));
          AIMS_ASSIGN_OR_RETURN(auto leaves, LedgerAppender::HashEntries(part, static_cast<int64_t>(begin) + 1));
          AIMS_TRY(appender.AppendHashed(tx, part, leaves));
        }
      } else {
        for (auto& e : all) AIMS_TRY(appender.Append(tx, e));
      }
      AIMS_TRY(appender.Seal(tx, base::Timestamp(5000)));
      return tx.ledger().ScanTreeHeads([&](const ledger::TreeHead& h) {
        log.head_sizes.push_back(h.size);
        log.root = h.root;
        return base::Status::OK();
      });
    });
    EXPECT_TRUE(s.ok()) << s.ToString();
    return log;
  };
  Log single = run("single.db", false);
  Log batched = run("batched.db", true);
  EXPECT_EQ(single.head_sizes, (std::vector<uint64_t>{LedgerAppender::kCheckpointEvery,
                                                       2 * LedgerAppender::kCheckpointEvery, n}));
  EXPECT_EQ(batched.head_sizes, single.head_sizes);
  EXPECT_EQ(batched.root, single.root);

  // Entries numbered for another place in the log are refused, and nothing is stored.
  auto store = store::Store::OpenSqlite(dir.Sub("step.db"), {.create_if_missing = true});
  ASSERT_TRUE(store.ok());
  base::Status s = (*store)->Write([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(LedgerAppender appender, LedgerAppender::Begin(tx, &keys.secret_key));
    std::vector<ledger::LedgerEntry> all = entries();
    std::span<ledger::LedgerEntry> part = std::span(all).first(10);
    AIMS_ASSIGN_OR_RETURN(auto leaves, LedgerAppender::HashEntries(part, 2));
    return appender.AppendHashed(tx, part, leaves);
  });
  EXPECT_EQ(s.code(), base::StatusCode::kInternal);
  ASSERT_TRUE((*store)->Read([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(int64_t last, tx.ledger().LastSeq());
    EXPECT_EQ(last, 0);
    return base::Status::OK();
  }).ok());
}

}  // namespace
}  // namespace aims::service
