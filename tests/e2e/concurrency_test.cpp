// Two aims processes writing to one register at the same time: both finish, nothing is lost, and
// the ledger stays one dense, verifying history.
#include <gtest/gtest.h>

#include <thread>

#include "support/process.h"
#include "support/temp_dir.h"

namespace aims::testing {
namespace {

TEST(Concurrency, TwoWritersBothCompleteAndTheLedgerStaysLinear) {
  TempDir dir;
  std::string data = dir.Sub("d");
  ASSERT_EQ(RunAims({"--data", data, "init", "--org", "Race"}).exit_code, 0);
  int64_t base = std::stoll(Sqlite(data + "/aims.db", "SELECT count(*) FROM ledger_entries;"));
  constexpr int kPerWriter = 30;
  std::vector<std::string> failures[2];
  auto writer = [&](int w) {
    for (int i = 0; i < kPerWriter; ++i) {
      ProcessResult r = RunAims({"--data", data, "--actor", "writer" + std::to_string(w), "system", "add",
                                 "--name", "w" + std::to_string(w) + "-" + std::to_string(i), "--purpose", "race"});
      if (r.exit_code != 0) failures[w].push_back(r.err);
    }
  };
  std::thread a(writer, 0), b(writer, 1);
  a.join();
  b.join();
  EXPECT_TRUE(failures[0].empty()) << failures[0].front();
  EXPECT_TRUE(failures[1].empty()) << failures[1].front();
  EXPECT_EQ(std::stoll(Sqlite(data + "/aims.db", "SELECT count(*) FROM ai_systems;")), 2 * kPerWriter);
  // Dense sequence: max(seq) equals the count, and both writers are in it.
  std::string seq = Sqlite(data + "/aims.db", "SELECT count(*), max(seq) FROM ledger_entries;");
  EXPECT_EQ(seq, std::to_string(base + 2 * kPerWriter) + "|" + std::to_string(base + 2 * kPerWriter) + "\n");
  EXPECT_EQ(Sqlite(data + "/aims.db", "SELECT count(DISTINCT actor) FROM ledger_entries WHERE actor LIKE 'writer%';"), "2\n");
  ProcessResult verify = RunAims({"--data", data, "ledger", "verify"});
  EXPECT_EQ(verify.exit_code, 0) << verify.out << verify.err;
}

}  // namespace
}  // namespace aims::testing
