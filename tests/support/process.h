// Running the real aims binary (and other tools such as the sqlite3 shell) from tests.
#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace aims::testing {

struct ProcessResult {
  int exit_code = -1;  // -signal if killed by a signal
  std::string out;
  std::string err;
};

// Path of the aims binary under test (compiled in by CMake).
std::string AimsBinary();

// Runs argv[0] (searched in PATH) with `stdin_data`, waits, captures stdout and stderr.
ProcessResult Run(const std::vector<std::string>& argv, const std::string& stdin_data = "",
                  const std::map<std::string, std::string>& env = {});

// Runs aims with the given arguments.
ProcessResult RunAims(const std::vector<std::string>& args, const std::string& stdin_data = "",
                      const std::map<std::string, std::string>& env = {});

// Starts aims in the background with stdout/stderr to /dev/null; returns its pid.
pid_t SpawnAims(const std::vector<std::string>& args);
// Waits for pid; returns its exit code or -signal.
int Wait(pid_t pid);

// Runs SQL through the sqlite3 shell (Debian package sqlite3) on `db`; returns its stdout.
// Throws if the shell fails.
std::string Sqlite(const std::string& db, const std::string& sql);

}  // namespace aims::testing
