// Workspace: an aims data directory opened for use: the register database, the ledger signing
// key, the evidence blob store and the catalogs. Every use case runs through Mutate (one write
// transaction, ledger included) or Read (one consistent snapshot).
//
// Layout of a data directory (see docs/data-directory.md):
//   aims.db            the register and ledger (SQLite, WAL)
//   ledger.key         Ed25519 secret key that signs tree heads (mode 0600)
//   ledger.pub         its public key
//   tree-head.json     the latest signed tree head, rewritten after each commit (a witness kept
//                      outside the database: a database rolled back to an older copy no longer
//                      matches it)
//   blobs/sha256/..    evidence files by content hash
// Thread safety: one Workspace per thread.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "catalog/catalog_set.h"
#include "ledger/tree_head.h"
#include "service/blob_store.h"
#include "service/mutation.h"
#include "store/store.h"

namespace aims::service {

struct DataPaths {
  std::string dir;
  std::string db;
  std::string secret_key;
  std::string public_key;
  std::string tree_head;
  std::string blobs;
  static DataPaths For(const std::string& dir);
};

struct WorkspaceOptions {
  std::string data_dir = "aims-data";
  std::string actor = "cli";      // recorded in every ledger entry this workspace writes
  int busy_timeout_ms = 60000;    // wait this long for another process's write transaction
};

class Workspace {
 public:
  // Opens an initialised data directory, applying pending migrations. FailedPrecondition (with
  // a hint to run `aims init`) if there is no database there.
  static base::Result<std::unique_ptr<Workspace>> Open(const WorkspaceOptions& options);
  // Creates the directory, a new signing key and an empty register. AlreadyExists if the
  // directory already holds a database.
  static base::Result<std::unique_ptr<Workspace>> Create(const WorkspaceOptions& options);
  static bool Exists(const std::string& data_dir);

  const DataPaths& paths() const { return paths_; }
  const std::string& actor() const { return options_.actor; }
  // The actor recorded by the following mutations: a server sets the signed-in user per request.
  void set_actor(std::string actor) { options_.actor = std::move(actor); }
  store::Store& store() { return *store_; }
  BlobStore& blobs() { return blobs_; }

  // Built-in catalogs plus those registered in this register (parsed on first use).
  base::Result<const catalog::CatalogSet*> Catalogs();
  // Drops the parsed catalogs so the next Catalogs() sees newly registered ones.
  void InvalidateCatalogs() { catalogs_.reset(); }

  // One use case that writes: `body` runs in a write transaction; its ledger entries are sealed
  // with a signed tree head and everything commits together. Nothing is written if body fails.
  base::Status Mutate(const std::function<base::Status(Mutation&)>& body);
  // As Mutate, validating catalog references against `catalogs` (an import that brings its own).
  base::Status MutateWithCatalogs(const catalog::CatalogSet& catalogs,
                                  const std::function<base::Status(Mutation&)>& body);
  base::Status Read(const std::function<base::Status(store::Tx&)>& body);

  // Group commit: several independent use cases in one write transaction, each in its own
  // savepoint, so that one that fails is undone alone and gets its own status while the others
  // commit together, sealed by one signed tree head and made durable by one sync. Returns one
  // status per change; if the commit itself fails, every change gets that failure.
  struct Change {
    std::string actor;
    std::function<base::Status(Mutation&)> body;
  };
  std::vector<base::Status> MutateGroup(const std::vector<Change>& changes);

  // The head sealed by the last successful Mutate of this workspace, if it appended anything.
  const std::optional<ledger::TreeHead>& last_head() const { return last_head_; }
  base::Result<ledger::PublicKey> PublicKey() const;

 private:
  Workspace(WorkspaceOptions options, std::unique_ptr<store::Store> store);
  base::Status WriteHeadFile(const ledger::TreeHead& head);
  static base::Status WriteHeadFileTo(const DataPaths& paths, const ledger::TreeHead& head);

  WorkspaceOptions options_;
  DataPaths paths_;
  std::unique_ptr<store::Store> store_;
  BlobStore blobs_;
  std::optional<ledger::SecretKey> secret_key_;
  std::unique_ptr<catalog::CatalogSet> catalogs_;
  std::optional<ledger::TreeHead> last_head_;
};

// The tree head last written to tree-head.json, if the file exists.
base::Result<std::optional<ledger::TreeHead>> ReadHeadFile(const std::string& path);

}  // namespace aims::service
