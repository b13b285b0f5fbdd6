#include "support/process.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

#include "support/temp_dir.h"

extern char** environ;

namespace aims::testing {

std::string AimsBinary() {
  if (const char* env = std::getenv("AIMS_TEST_BINARY"); env && *env) return env;
  return AIMS_TEST_BINARY;
}

namespace {

std::vector<std::string> Environment(const std::map<std::string, std::string>& extra) {
  std::vector<std::string> out;
  for (char** e = environ; *e; ++e) {
    std::string kv(*e);
    std::string key = kv.substr(0, kv.find('='));
    if (!extra.count(key)) out.push_back(kv);
  }
  for (const auto& [k, v] : extra) out.push_back(k + "=" + v);
  return out;
}

pid_t Spawn(const std::vector<std::string>& argv, int in_fd, int out_fd, int err_fd,
            const std::map<std::string, std::string>& env) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in_fd, 0);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::vector<std::string> envs = Environment(env);
  std::vector<char*> envp;
  for (auto& e : envs) envp.push_back(e.data());
  envp.push_back(nullptr);
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, argv[0].c_str(), &actions, nullptr, args.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
  return pid;
}

}  // namespace

int Wait(pid_t pid) {
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0) {
    if (errno != EINTR) throw std::runtime_error("waitpid failed");
  }
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return -WTERMSIG(status);
  return -1;
}

ProcessResult Run(const std::vector<std::string>& argv, const std::string& stdin_data,
                  const std::map<std::string, std::string>& env) {
  TempDir io;
  WriteFileOrDie(io.Sub("in"), stdin_data);
  int in = ::open(io.Sub("in").c_str(), O_RDONLY);
  int out = ::open(io.Sub("out").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int err = ::open(io.Sub("err").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = Spawn(argv, in, out, err, env);
  ::close(in);
  ::close(out);
  ::close(err);
  ProcessResult result;
  result.exit_code = Wait(pid);
  result.out = ReadFileOrDie(io.Sub("out"));
  result.err = ReadFileOrDie(io.Sub("err"));
  return result;
}

ProcessResult RunAims(const std::vector<std::string>& args, const std::string& stdin_data,
                      const std::map<std::string, std::string>& env) {
  std::vector<std::string> argv = {AimsBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return Run(argv, stdin_data, env);
}

pid_t SpawnAims(const std::vector<std::string>& args) {
  std::vector<std::string> argv = {AimsBinary()};
  argv.insert(argv.end(), args.begin(), args.end());
  int null_in = ::open("/dev/null", O_RDONLY);
  int null_out = ::open("/dev/null", O_WRONLY);
  pid_t pid = Spawn(argv, null_in, null_out, null_out, {});
  ::close(null_in);
  ::close(null_out);
  return pid;
}

std::string Sqlite(const std::string& db, const std::string& sql) {
  ProcessResult r = Run({"sqlite3", "-batch", db}, sql + "\n");
  if (r.exit_code != 0) throw std::runtime_error("sqlite3 failed: " + r.err);
  return r.out;
}

}  // namespace aims::testing
