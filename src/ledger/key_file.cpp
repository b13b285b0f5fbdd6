#include "ledger/key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <cstdio>
#include <fstream>

#include "base/sha256.h"

namespace aims::ledger {

namespace {

constexpr std::string_view kSecretHeader = "aims-ed25519-secret-key-v1";
constexpr std::string_view kPublicHeader = "aims-ed25519-public-key-v1";

base::Status WriteNew(const std::string& path, const std::string& text, mode_t mode) {
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
  if (fd < 0) {
    if (errno == EEXIST) return base::Status::AlreadyExists("key file exists; not overwriting", path);
    return base::Status::IOError(std::strerror(errno), path);
  }
  ::fchmod(fd, mode);  // regardless of umask
  bool ok = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size()) &&
            ::fsync(fd) == 0;
  int err = errno;
  ::close(fd);
  if (!ok) return base::Status::IOError(std::strerror(err), path);
  return base::Status::OK();
}

template <size_t N>
base::Result<std::array<uint8_t, N>> ReadHex(const std::string& path, std::string_view header) {
  std::ifstream in(path);
  if (!in) return base::Status::NotFound("cannot read key file", path);
  std::string first, hex;
  std::getline(in, first);
  std::getline(in, hex);
  if (first != header || hex.size() != 2 * N) {
    return base::Status::Corruption("not an aims key file (expected " + std::string(header) + ")",
                                    path);
  }
  std::array<uint8_t, N> out;
  for (size_t i = 0; i < N; ++i) {
    unsigned v = 0;
    if (std::sscanf(hex.c_str() + 2 * i, "%2x", &v) != 1) {
      return base::Status::Corruption("key file holds non-hex data", path);
    }
    out[i] = static_cast<uint8_t>(v);
  }
  return out;
}

}  // namespace

base::Status WriteKeyFiles(const std::string& secret_path, const std::string& public_path,
                           const KeyPair& pair) {
  AIMS_TRY(WriteNew(secret_path,
                    std::string(kSecretHeader) + "\n" + base::ToHex(pair.secret_key) + "\n", 0600));
  std::string pub = std::string(kPublicHeader) + "\n" + base::ToHex(pair.public_key) + "\n";
  base::Status s = WriteNew(public_path, pub, 0644);
  if (s.code() == base::StatusCode::kAlreadyExists) {
    ::unlink(public_path.c_str());
    s = WriteNew(public_path, pub, 0644);
  }
  return s;
}

base::Result<SecretKey> ReadSecretKey(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) {
    return base::Status::NotFound("no ledger signing key (run `aims init` first?)", path);
  }
  if (st.st_mode & 077) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 0777));
    return base::Status::PermissionDenied(
        std::string("signing key is readable by others (mode ") + mode + "); chmod 600 it", path);
  }
  return ReadHex<64>(path, kSecretHeader);
}

base::Result<PublicKey> ReadPublicKey(const std::string& path) {
  return ReadHex<32>(path, kPublicHeader);
}

}  // namespace aims::ledger
