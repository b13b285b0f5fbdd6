#include "service/blob_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>

#include "base/sha256.h"

namespace aims::service {

namespace {

base::Status Errno(std::string_view what, const std::string& path) {
  return base::Status::IOError(std::string(what) + ": " + std::strerror(errno), path);
}

base::Status SyncDir(const std::string& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return Errno("cannot open directory", dir);
  int rc = ::fsync(fd);
  ::close(fd);
  return rc == 0 ? base::Status::OK() : Errno("cannot sync directory", dir);
}

std::string TempName(const std::string& dir) {
  static std::atomic<unsigned> counter{0};
  return dir + "/.tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

}  // namespace

std::string BlobStore::PathOf(std::string_view sha) const {
  return root_ + "/sha256/" + std::string(sha.substr(0, 2)) + "/" + std::string(sha);
}

bool BlobStore::Contains(std::string_view sha) const {
  struct stat st;
  return sha.size() == 64 && ::stat(PathOf(sha).c_str(), &st) == 0;
}

base::Result<StoredBlob> BlobStore::Put(std::string_view bytes) {
  std::error_code ec;
  std::filesystem::create_directories(root_ + "/sha256", ec);
  if (ec) return base::Status::IOError(ec.message(), root_);
  std::string tmp = TempName(root_ + "/sha256");
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0) return Errno("cannot create", tmp);
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      base::Status s = Errno("cannot write", tmp);
      ::close(fd);
      ::unlink(tmp.c_str());
      return s;
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    base::Status s = Errno("cannot sync", tmp);
    ::close(fd);
    ::unlink(tmp.c_str());
    return s;
  }
  ::close(fd);
  StoredBlob blob{base::ToHex(base::Sha256(bytes)), static_cast<int64_t>(bytes.size())};
  return Commit(tmp, blob);
}

base::Result<StoredBlob> BlobStore::PutFile(const std::string& path) {
  int in = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (in < 0) {
    if (errno == ENOENT) return base::Status::NotFound("no such file", path);
    return Errno("cannot read", path);
  }
  struct stat st;
  if (::fstat(in, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(in);
    return base::Status::InvalidArgument("not a regular file", path);
  }
  std::error_code ec;
  std::filesystem::create_directories(root_ + "/sha256", ec);
  if (ec) {
    ::close(in);
    return base::Status::IOError(ec.message(), root_);
  }
  std::string tmp = TempName(root_ + "/sha256");
  int out = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (out < 0) {
    ::close(in);
    return Errno("cannot create", tmp);
  }
  base::Sha256Hasher hasher;
  int64_t size = 0;
  char buf[1 << 16];
  base::Status s;
  while (true) {
    ssize_t n = ::read(in, buf, sizeof buf);
    if (n < 0) {
      s = Errno("cannot read", path);
      break;
    }
    if (n == 0) break;
    hasher.Update(std::string_view(buf, static_cast<size_t>(n)));
    size += n;
    if (::write(out, buf, static_cast<size_t>(n)) != n) {
      s = Errno("cannot write", tmp);
      break;
    }
  }
  if (s.ok() && ::fsync(out) != 0) s = Errno("cannot sync", tmp);
  ::close(in);
  ::close(out);
  if (!s.ok()) {
    ::unlink(tmp.c_str());
    return s;
  }
  return Commit(tmp, StoredBlob{base::ToHex(hasher.Finish()), size});
}

base::Result<StoredBlob> BlobStore::Commit(const std::string& tmp, const StoredBlob& blob) {
  std::string dir = root_ + "/sha256/" + blob.sha256.substr(0, 2);
  std::error_code ec;
  std::filesystem::create_directories(dir, ec);
  if (ec) {
    ::unlink(tmp.c_str());
    return base::Status::IOError(ec.message(), dir);
  }
  std::string final_path = PathOf(blob.sha256);
  if (::rename(tmp.c_str(), final_path.c_str()) != 0) {
    base::Status s = Errno("cannot move blob into place", final_path);
    ::unlink(tmp.c_str());
    return s;
  }
  AIMS_TRY(SyncDir(dir));
  return blob;
}

base::Result<std::string> BlobStore::Get(std::string_view sha) const {
  std::string path = PathOf(sha);
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return base::Status::NotFound("evidence file missing from the blob store", path);
  std::string out;
  char buf[1 << 16];
  while (true) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      base::Status s = Errno("cannot read", path);
      ::close(fd);
      return s;
    }
    if (n == 0) break;
    out.append(buf, static_cast<size_t>(n));
  }
  ::close(fd);
  return out;
}

}  // namespace aims::service
