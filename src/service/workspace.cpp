#include "service/workspace.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/clock.h"
#include "catalog/builtin_catalogs.h"
#include "catalog/catalog_parser.h"
#include "domain/catalog_record.h"
#include "ledger/key_file.h"

namespace aims::service {

DataPaths DataPaths::For(const std::string& dir) {
  DataPaths p;
  p.dir = dir;
  p.db = dir + "/aims.db";
  p.secret_key = dir + "/ledger.key";
  p.public_key = dir + "/ledger.pub";
  p.tree_head = dir + "/tree-head.json";
  p.blobs = dir + "/blobs";
  return p;
}

Workspace::Workspace(WorkspaceOptions options, std::unique_ptr<store::Store> store)
    : options_(std::move(options)),
      paths_(DataPaths::For(options_.data_dir)),
      store_(std::move(store)),
      blobs_(paths_.blobs) {}

bool Workspace::Exists(const std::string& data_dir) {
  struct stat st;
  return ::stat(DataPaths::For(data_dir).db.c_str(), &st) == 0;
}

base::Result<std::unique_ptr<Workspace>> Workspace::Open(const WorkspaceOptions& options) {
  DataPaths paths = DataPaths::For(options.data_dir);
  if (!Exists(options.data_dir)) {
    return base::Status::FailedPrecondition(
        "no aims data here; run `aims init --org NAME` or `aims demo` first, or pass --data DIR",
        options.data_dir);
  }
  store::StoreOptions so;
  so.busy_timeout_ms = options.busy_timeout_ms;
  auto store = store::Store::OpenSqlite(paths.db, so);
  if (!store.ok()) return store.status().WithContext(paths.db);
  return std::unique_ptr<Workspace>(new Workspace(options, std::move(*store)));
}

base::Result<std::unique_ptr<Workspace>> Workspace::Create(const WorkspaceOptions& options) {
  DataPaths paths = DataPaths::For(options.data_dir);
  if (Exists(options.data_dir)) {
    return base::Status::AlreadyExists("this data directory is already initialised",
                                       options.data_dir);
  }
  std::error_code ec;
  std::filesystem::create_directories(paths.dir, ec);
  if (ec) return base::Status::IOError("cannot create data directory: " + ec.message(), paths.dir);
  ::chmod(paths.dir.c_str(), 0700);
  ledger::KeyPair pair = ledger::GenerateKeyPair();
  struct stat st;
  if (::stat(paths.secret_key.c_str(), &st) == 0) {
    // A key without a database: a previous init died between the two. Reuse it, never replace.
    AIMS_ASSIGN_OR_RETURN(pair.secret_key, ledger::ReadSecretKey(paths.secret_key));
    pair.public_key = ledger::PublicKeyOf(pair.secret_key);
  } else {
    AIMS_TRY(ledger::WriteKeyFiles(paths.secret_key, paths.public_key, pair));
  }
  // The database is built under a staging name (schema and public key) and renamed into place
  // once whole, so a process killed half-way leaves no aims.db without its key: a data directory
  // either has a complete, empty register or none, and `init` can simply be run again.
  store::StoreOptions so;
  so.busy_timeout_ms = options.busy_timeout_ms;
  so.create_if_missing = true;
  const std::string staging = paths.db + ".init";
  for (const char* suffix : {"", "-wal", "-shm", "-journal"}) std::filesystem::remove(staging + suffix, ec);
  {
    auto building = store::Store::OpenSqlite(staging, so);
    if (!building.ok()) return building.status().WithContext(staging);
    AIMS_TRY((*building)->Write([&](store::Tx& tx) { return tx.ledger().SavePublicKey(pair.public_key); }));
  }  // closed: the write-ahead log is checkpointed into the file and removed
  // A signed head for the empty log, so the witness file exists before the register does: from
  // then on a missing tree-head.json means someone removed it.
  ledger::TreeHead empty;
  empty.time = base::Now();
  empty.root = ledger::EmptyTreeHash();
  ledger::SignTreeHead(pair.secret_key, &empty);
  AIMS_TRY(WriteHeadFileTo(paths, empty));
  // The rename is the moment the register exists (WriteHeadFileTo synced the directory before;
  // the rename is synced by the next write's own fsyncs, and a lost rename only loses an empty
  // register, which `init` makes again).
  std::filesystem::rename(staging, paths.db, ec);
  if (ec) return base::Status::IOError("cannot move the new database into place: " + ec.message(), paths.db);
  so.create_if_missing = false;
  auto store = store::Store::OpenSqlite(paths.db, so);
  if (!store.ok()) return store.status().WithContext(paths.db);
  auto ws = std::unique_ptr<Workspace>(new Workspace(options, std::move(*store)));
  ws->secret_key_ = pair.secret_key;
  return ws;
}

base::Result<const catalog::CatalogSet*> Workspace::Catalogs() {
  if (catalogs_) return catalogs_.get();
  AIMS_ASSIGN_OR_RETURN(auto builtin, catalog::BuiltinCatalogs());
  auto set = std::make_unique<catalog::CatalogSet>(*builtin);
  std::vector<std::shared_ptr<const catalog::Crosswalk>> crosswalks;
  AIMS_TRY(store_->Read([&](store::Tx& tx) -> base::Status {
    return tx.records<domain::CatalogRecord>().Scan(
        {}, [&](domain::CatalogRecord& rec) -> base::Status {
          std::string name = domain::DisplayId(domain::EntityKind::kCatalog, rec.meta.id);
          AIMS_ASSIGN_OR_RETURN(catalog::Library lib, catalog::ParseLibrary(rec.content, name));
          if (auto* fw = std::get_if<catalog::Framework>(&lib)) {
            return set->AddFramework(std::make_shared<const catalog::Framework>(std::move(*fw)));
          }
          crosswalks.push_back(std::make_shared<const catalog::Crosswalk>(
              std::get<catalog::Crosswalk>(std::move(lib))));
          return base::Status::OK();
        });
  }));
  for (auto& cw : crosswalks) AIMS_TRY(set->AddCrosswalk(std::move(cw)));
  catalogs_ = std::move(set);
  return catalogs_.get();
}

base::Status Workspace::Mutate(const std::function<base::Status(Mutation&)>& body) {
  AIMS_ASSIGN_OR_RETURN(const catalog::CatalogSet* catalogs, Catalogs());
  return MutateWithCatalogs(*catalogs, body);
}

base::Status Workspace::MutateWithCatalogs(const catalog::CatalogSet& catalogs,
                                           const std::function<base::Status(Mutation&)>& body) {
  if (!secret_key_) {
    AIMS_ASSIGN_OR_RETURN(secret_key_, ledger::ReadSecretKey(paths_.secret_key));
  }
  std::optional<ledger::TreeHead> head;
  base::Timestamp now = base::Now();
  AIMS_TRY(store_->Write([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(LedgerAppender appender, LedgerAppender::Begin(tx, &*secret_key_));
    Mutation mutation(tx, appender, catalogs, options_.actor, now);
    AIMS_TRY(body(mutation));
    AIMS_TRY(appender.Seal(tx, now));
    if (appender.appended()) head = appender.head();
    return base::Status::OK();
  }));
  if (head) {
    last_head_ = head;
    // After commit: the database is the record; the file is a witness that may lag, never lead.
    AIMS_TRY(WriteHeadFile(*head));
  }
  return base::Status::OK();
}

std::vector<base::Status> Workspace::MutateGroup(const std::vector<Change>& changes) {
  std::vector<base::Status> results(changes.size());
  auto fail_all = [&](const base::Status& s) {
    for (auto& r : results) r = s;
    return results;
  };
  auto catalogs = Catalogs();
  if (!catalogs.ok()) return fail_all(catalogs.status());
  if (!secret_key_) {
    auto key = ledger::ReadSecretKey(paths_.secret_key);
    if (!key.ok()) return fail_all(key.status());
    secret_key_ = *key;
  }
  std::optional<ledger::TreeHead> head;
  base::Timestamp now = base::Now();
  base::Status committed = store_->Write([&](store::Tx& tx) -> base::Status {
    AIMS_ASSIGN_OR_RETURN(LedgerAppender appender, LedgerAppender::Begin(tx, &*secret_key_));
    for (size_t i = 0; i < changes.size(); ++i) {
      AIMS_TRY(tx.Savepoint());
      LedgerAppender before = appender;  // the log's in-memory state, restored with the savepoint
      Mutation mutation(tx, appender, **catalogs, changes[i].actor, now);
      results[i] = changes[i].body(mutation);
      if (results[i].ok()) {
        AIMS_TRY(tx.ReleaseSavepoint());
      } else {
        AIMS_TRY(tx.RollbackToSavepoint());
        appender = std::move(before);
      }
    }
    AIMS_TRY(appender.Seal(tx, now));
    if (appender.appended()) head = appender.head();
    return base::Status::OK();
  });
  if (!committed.ok()) return fail_all(committed);
  if (head) {
    last_head_ = head;
    base::Status witnessed = WriteHeadFile(*head);
    if (!witnessed.ok()) return fail_all(witnessed);
  }
  return results;
}

base::Status Workspace::Read(const std::function<base::Status(store::Tx&)>& body) {
  return store_->Read(body);
}

base::Result<ledger::PublicKey> Workspace::PublicKey() const {
  return ledger::ReadPublicKey(paths_.public_key);
}

namespace {

std::string HeadJson(const ledger::TreeHead& head) {
  std::ostringstream out;
  out << "{\n  \"format\": \"aims-tree-head/1\",\n  \"size\": " << head.size
      << ",\n  \"time\": \"" << head.time.ToString() << "\",\n  \"time_us\": "
      << head.time.micros() << ",\n  \"root\": \"" << base::ToHex(head.root)
      << "\",\n  \"signature\": \"" << base::ToHex(head.signature) << "\"\n}\n";
  return out.str();
}

// Reads "key": value pairs of the flat JSON HeadJson writes.
std::string FieldOf(const std::string& text, const std::string& key) {
  std::string needle = "\"" + key + "\": ";
  size_t pos = text.find(needle);
  if (pos == std::string::npos) return "";
  pos += needle.size();
  size_t end = text.find_first_of(",\n}", pos);
  std::string v = text.substr(pos, end - pos);
  if (v.size() >= 2 && v.front() == '"') v = v.substr(1, v.size() - 2);
  return v;
}

}  // namespace

base::Status Workspace::WriteHeadFile(const ledger::TreeHead& head) { return WriteHeadFileTo(paths_, head); }

base::Status Workspace::WriteHeadFileTo(const DataPaths& at, const ledger::TreeHead& head) {
  // Serialise writers across processes; keep the newest head (a slower process must not put
  // an older head back).
  std::string lock_path = at.tree_head + ".lock";
  int lock = ::open(lock_path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (lock < 0) return base::Status::IOError(std::strerror(errno), lock_path);
  ::flock(lock, LOCK_EX);
  base::Status s;
  auto current = ReadHeadFile(at.tree_head);
  if (!current.ok() || !*current || (*current)->size < head.size ||
      ((*current)->size == 0 && head.size == 0)) {
    std::string tmp = at.tree_head + ".tmp";
    std::string text = HeadJson(head);
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0 || ::write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size()) ||
        ::fsync(fd) != 0) {
      s = base::Status::IOError(std::string("cannot write: ") + std::strerror(errno), tmp);
    }
    if (fd >= 0) ::close(fd);
    if (s.ok() && ::rename(tmp.c_str(), at.tree_head.c_str()) != 0) {
      s = base::Status::IOError(std::strerror(errno), at.tree_head);
    }
    if (s.ok()) {
      int dir = ::open(at.dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (dir >= 0) {
        ::fsync(dir);
        ::close(dir);
      }
    }
  }
  ::flock(lock, LOCK_UN);
  ::close(lock);
  return s;
}

base::Result<std::optional<ledger::TreeHead>> ReadHeadFile(const std::string& path) {
  std::ifstream in(path);
  if (!in) return std::optional<ledger::TreeHead>();
  std::stringstream buf;
  buf << in.rdbuf();
  std::string text = buf.str();
  ledger::TreeHead head;
  std::string size = FieldOf(text, "size"), time = FieldOf(text, "time_us");
  auto root = base::DigestFromHex(FieldOf(text, "root"));
  std::string sig = FieldOf(text, "signature");
  if (FieldOf(text, "format") != "aims-tree-head/1" || size.empty() || time.empty() ||
      !root.ok() || sig.size() != 128) {
    return base::Status::Corruption("malformed tree head file", path);
  }
  int64_t size_value = 0, time_value = 0;
  auto [p1, e1] = std::from_chars(size.data(), size.data() + size.size(), size_value);
  auto [p2, e2] = std::from_chars(time.data(), time.data() + time.size(), time_value);
  if (e1 != std::errc() || e2 != std::errc() || size_value < 0) {
    return base::Status::Corruption("malformed tree head file", path);
  }
  head.size = static_cast<uint64_t>(size_value);
  head.time = base::Timestamp(time_value);
  head.root = *root;
  auto sig_lo = base::DigestFromHex(sig.substr(0, 64));
  auto sig_hi = base::DigestFromHex(sig.substr(64));
  if (!sig_lo.ok() || !sig_hi.ok()) return base::Status::Corruption("malformed signature", path);
  std::copy(sig_lo->begin(), sig_lo->end(), head.signature.begin());
  std::copy(sig_hi->begin(), sig_hi->end(), head.signature.begin() + 32);
  return std::optional<ledger::TreeHead>(head);
}

}  // namespace aims::service
