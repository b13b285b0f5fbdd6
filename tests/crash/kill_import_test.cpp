// Crash test (SQLite's discipline applied to aims): `kill -9` an import of 100,000 AI systems at a
// random moment, 20 times. Each time the data directory must hold all of the import or none of
// it, pass `PRAGMA integrity_check`, and (when a database exists) verify its ledger; an import
// re-run after the crash completes.
#include <gtest/gtest.h>
#include <signal.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <thread>

#include "io/register_json_writer.h"
#include "support/process.h"
#include "support/temp_dir.h"

namespace aims::testing {
namespace {

namespace fs = std::filesystem;
constexpr int kSystems = 100000;
constexpr int kRounds = 20;

std::string BigRegister() {
  io::RegisterDocument doc;
  domain::Organisation org;
  org.meta = {1, 1, base::Timestamp(1764300000000000), base::Timestamp(1764300000000000), std::nullopt};
  org.name = "Crash Test Org";
  doc.records<domain::Organisation>().push_back(org);
  auto& systems = doc.records<domain::AiSystem>();
  systems.reserve(kSystems);
  for (int i = 1; i <= kSystems; ++i) {
    domain::AiSystem s;
    s.meta = {i, 1, base::Timestamp(1764300000000000), base::Timestamp(1764300000000000), std::nullopt};
    s.name = "System " + std::to_string(i);
    s.purpose = "Generated for the crash test";
    s.business_unit = "Unit " + std::to_string(i % 17);
    s.lifecycle_stage = static_cast<domain::LifecycleStage>(i % 7);
    s.affected_stakeholders = {"customers"};
    systems.push_back(std::move(s));
  }
  return io::WriteRegisterJson(doc);
}

int64_t Systems(const std::string& db) {
  return std::stoll(Sqlite(db, "SELECT count(*) FROM ai_systems;"));
}

TEST(Crash, KillDuringALargeImportLeavesAllOrNothing) {
  TempDir dir;
  WriteFileOrDie(dir.Sub("big.json"), BigRegister());

  // Calibrate: how long does a whole import take on this machine and build?
  auto start = std::chrono::steady_clock::now();
  ProcessResult full = RunAims({"--data", dir.Sub("calibrate"), "import", dir.Sub("big.json")});
  auto elapsed = std::chrono::steady_clock::now() - start;
  ASSERT_EQ(full.exit_code, 0) << full.err;
  ASSERT_EQ(Systems(dir.Sub("calibrate/aims.db")), kSystems);
  auto total_us = std::chrono::duration_cast<std::chrono::microseconds>(elapsed).count();

  std::mt19937 rng(20261128);
  std::uniform_int_distribution<int64_t> when(total_us / 50, total_us * 11 / 10);
  int all = 0, none = 0;
  for (int round = 0; round < kRounds; ++round) {
    std::string data = dir.Sub("round" + std::to_string(round));
    pid_t pid = SpawnAims({"--data", data, "import", dir.Sub("big.json")});
    std::this_thread::sleep_for(std::chrono::microseconds(when(rng)));
    ::kill(pid, SIGKILL);
    int code = Wait(pid);
    SCOPED_TRACE("round " + std::to_string(round) + " exit " + std::to_string(code));
    std::string db = data + "/aims.db";
    if (!fs::exists(db)) {
      ++none;  // killed before the database was created
    } else {
      EXPECT_EQ(Sqlite(db, "PRAGMA integrity_check;"), "ok\n");
      int64_t n = Systems(db);
      EXPECT_TRUE(n == 0 || n == kSystems) << n << " systems: a partial import survived";
      (n == kSystems ? all : none)++;
      ProcessResult verify = RunAims({"--data", data, "ledger", "verify", "--skip-blobs"});
      EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
    }
    if (round % 5 == 0) {  // and the import can simply be run again
      fs::path db_path(db);
      bool complete = fs::exists(db_path) && Systems(db) == kSystems;
      if (!complete) {
        ProcessResult again = RunAims({"--data", data, "import", dir.Sub("big.json")});
        EXPECT_EQ(again.exit_code, 0) << again.err;
        EXPECT_EQ(Systems(db), kSystems);
      }
    }
    fs::remove_all(data);
  }
  std::printf("kill -9 during import: %d rounds ended with all, %d with none\n", all, none);
  EXPECT_EQ(all + none, kRounds);
}

}  // namespace
}  // namespace aims::testing
