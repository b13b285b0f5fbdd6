// BlobStore: evidence files, content-addressed by SHA-256 under <data>/blobs/sha256/ab/<hex>.
// Writes go to a temporary file, are synced, then renamed into place, so a blob is either
// absent or complete; the same content is stored once. Blobs are written before the
// transaction that records them: a blob whose transaction failed is an unreferenced orphan,
// never a record without its file.
// Thread safety: safe across threads and processes (rename is atomic).
#pragma once

#include <string>
#include <string_view>

#include "base/result.h"

namespace aims::service {

struct StoredBlob {
  std::string sha256;  // lowercase hex
  int64_t size = 0;
};

class BlobStore {
 public:
  explicit BlobStore(std::string root) : root_(std::move(root)) {}

  base::Result<StoredBlob> Put(std::string_view bytes);
  // Streams the file in, hashing as it goes. NotFound / IOError name the path.
  base::Result<StoredBlob> PutFile(const std::string& path);
  base::Result<std::string> Get(std::string_view sha256) const;
  bool Contains(std::string_view sha256) const;
  std::string PathOf(std::string_view sha256) const;

 private:
  base::Result<StoredBlob> Commit(const std::string& tmp_path, const StoredBlob& blob);
  std::string root_;
};

}  // namespace aims::service
