// Runs the CLI case files in tests/cases/cli/*.yaml against the real aims binary. A case file:
//   # name: ... / # description: ...
//   setup: none | init | demo     # how the data directory starts
//   files: {NAME: CONTENT, ...}    # written to the case's temp directory first
//   steps:
//     - run: [system, add, --name, X]   # {data} and {tmp} are replaced by the paths, {today}
//                                       # by today's date (UTC, YYYY-MM-DD)
//       exit: 0                         # expected exit code
//       stdout: [fragment, ...]         # each must appear in stdout
//       stderr: [fragment, ...]         # each must appear in stderr
//       not_stdout: [fragment, ...]     # must not appear
//       ledger_unchanged: true          # the ledger has as many entries after as before
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <ctime>
#include <filesystem>

#include "support/process.h"
#include "support/temp_dir.h"

namespace aims::testing {
namespace {

std::vector<std::string> CaseFiles() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(AIMS_CASES_DIR) + "/cli")) {
    if (entry.path().extension() == ".yaml") out.push_back(entry.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::string TodayUtc() {
  std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &utc);
  return buf;
}

std::string Expand(std::string s, const TempDir& dir) {
  for (auto [key, value] : {std::pair<std::string, std::string>{"{data}", dir.Sub("data")},
                            std::pair<std::string, std::string>{"{tmp}", dir.path()},
                            std::pair<std::string, std::string>{"{today}", TodayUtc()}}) {
    for (size_t pos; (pos = s.find(key)) != std::string::npos;) s.replace(pos, key.size(), value);
  }
  return s;
}

int64_t LedgerSize(const TempDir& dir) {
  if (!std::filesystem::exists(dir.Sub("data/aims.db"))) return 0;
  return std::stoll(Sqlite(dir.Sub("data/aims.db"), "SELECT count(*) FROM ledger_entries;"));
}

class CliCase : public ::testing::TestWithParam<std::string> {};

TEST_P(CliCase, Runs) {
  std::string path = std::string(AIMS_CASES_DIR) + "/cli/" + GetParam() + ".yaml";
  YAML::Node spec = YAML::LoadFile(path);
  TempDir dir;
  std::string data = dir.Sub("data");
  if (spec["files"]) {
    for (const auto& kv : spec["files"]) WriteFileOrDie(dir.Sub(kv.first.as<std::string>()), Expand(kv.second.as<std::string>(), dir));
  }
  std::string setup = spec["setup"] ? spec["setup"].as<std::string>() : "none";
  if (setup == "init") {
    ProcessResult r = RunAims({"--data", data, "init", "--org", "Case Org"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  } else if (setup == "demo") {
    ProcessResult r = RunAims({"--data", data, "demo"});
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  int step_no = 0;
  for (const auto& step : spec["steps"]) {
    ++step_no;
    std::vector<std::string> args;
    for (const auto& a : step["run"]) args.push_back(Expand(a.as<std::string>(), dir));
    bool uses_data = false;
    for (const auto& a : args) uses_data = uses_data || a == "--data";
    if (!uses_data) args.insert(args.begin(), {"--data", data});
    int64_t before = LedgerSize(dir);
    std::string stdin_data = step["stdin"] ? step["stdin"].as<std::string>() : "";
    ProcessResult r = RunAims(args, stdin_data);
    std::string label = GetParam() + " step " + std::to_string(step_no);
    int expected_exit = step["exit"] ? step["exit"].as<int>() : 0;
    EXPECT_EQ(r.exit_code, expected_exit) << label << "\nstdout: " << r.out << "\nstderr: " << r.err;
    for (const auto& f : step["stdout"]) {
      EXPECT_NE(r.out.find(Expand(f.as<std::string>(), dir)), std::string::npos) << label << ": stdout lacks \"" << f.as<std::string>() << "\"\n" << r.out;
    }
    for (const auto& f : step["stderr"]) {
      EXPECT_NE(r.err.find(Expand(f.as<std::string>(), dir)), std::string::npos) << label << ": stderr lacks \"" << f.as<std::string>() << "\"\n" << r.err;
    }
    for (const auto& f : step["not_stdout"]) {
      EXPECT_EQ(r.out.find(f.as<std::string>()), std::string::npos) << label << ": stdout has \"" << f.as<std::string>() << "\"";
    }
    if (step["ledger_unchanged"] && step["ledger_unchanged"].as<bool>()) {
      EXPECT_EQ(LedgerSize(dir), before) << label << ": the ledger grew although the command failed";
    }
    if (expected_exit != 0) {
      EXPECT_TRUE(r.out.find("aims: error") == std::string::npos) << label << ": errors belong on stderr";
      EXPECT_NE(r.err.find("aims: error: "), std::string::npos) << label << ": no error line on stderr";
    }
  }
  EXPECT_GT(step_no, 0) << "a case file needs steps";
}

INSTANTIATE_TEST_SUITE_P(Cases, CliCase, ::testing::ValuesIn(CaseFiles()),
                         [](const auto& param_info) {
                           std::string name = param_info.param;
                           for (char& c : name) if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace aims::testing
