#include <chrono>

#include "cli/commands.h"
#include "ledger/merkle.h"
#include "service/ledger_proofs.h"
#include "service/ledger_verifier.h"

namespace aims::cli {

namespace {

std::string HexList(const std::vector<ledger::Hash>& hashes, bool json) {
  std::string out;
  for (size_t i = 0; i < hashes.size(); ++i) {
    if (json) out += (i ? ", \"" : "\"") + base::ToHex(hashes[i]) + "\"";
    else out += "  " + base::ToHex(hashes[i]) + "\n";
  }
  return out;
}


void AddVerify(CLI::App* ledger, CliContext& ctx, Outcome& outcome) {
  auto skip_blobs = std::make_shared<bool>(false);
  auto threads = std::make_shared<int>(2);
  CLI::App* verify = ledger->add_subcommand("verify", "Check the ledger, its signed head and every record against it");
  verify->add_flag("--skip-blobs", *skip_blobs, "do not re-hash evidence files");
  verify->add_option("--threads", *threads, "threads for the Merkle root (default 2)");
  verify->callback([&ctx, &outcome, skip_blobs, threads] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      auto start = std::chrono::steady_clock::now();
      AIMS_ASSIGN_OR_RETURN(service::VerifyReport r,
                            service::VerifyLedger(*ws, {.check_blobs = !*skip_blobs, .threads = *threads}));
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      uint64_t bytes = r.leaf_bytes + r.record_bytes + r.blob_bytes;
      if (ctx.json) {
        std::string out = "{\"ok\": " + std::string(r.ok() ? "true" : "false") +
                          ", \"entries\": " + std::to_string(r.entries) +
                          ", \"records\": " + std::to_string(r.records) +
                          ", \"evidence_files\": " + std::to_string(r.evidence_files) +
                          ", \"tree_heads\": " + std::to_string(r.heads) +
                          ", \"root\": \"" + base::ToHex(r.root) + "\"" +
                          ", \"bytes_hashed\": " + std::to_string(bytes) +
                          ", \"leaf_bytes\": " + std::to_string(r.leaf_bytes) +
                          ", \"record_bytes\": " + std::to_string(r.record_bytes) +
                          ", \"seconds\": " + std::to_string(secs) + ", \"problems\": [";
        for (size_t i = 0; i < r.problems.size(); ++i) {
          out += i ? ", {" : "{";
          out += "\"where\": ";
          base::AppendJsonString(&out, r.problems[i].where);
          out += ", \"what\": ";
          base::AppendJsonString(&out, r.problems[i].what);
          out += "}";
        }
        Print(out + "]}\n");
      } else if (r.ok()) {
        Print("ledger verified: " + std::to_string(r.entries) + " entries, root " + base::ToHex(r.root) +
              "\n  signed tree head at size " + std::to_string(r.head ? r.head->size : 0) +
              " verifies with ledger.pub\n  " + std::to_string(r.records) +
              " records match their latest ledger entries; " + std::to_string(r.evidence_files) +
              " evidence files checked\n");
      } else {
        for (const auto& p : r.problems) Print("FAIL " + p.where + ": " + p.what + "\n");
      }
      if (!r.ok()) {
        return base::Status::Corruption("ledger verification failed: " + r.problems.front().what,
                                        r.problems.front().where);
      }
      return base::Status::OK();
    }();
  });
}

void AddHead(CLI::App* ledger, CliContext& ctx, Outcome& outcome) {
  CLI::App* head = ledger->add_subcommand("head", "Print the latest signed tree head");
  head->callback([&ctx, &outcome] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(auto h, service::LatestHead(*ws));
      AIMS_ASSIGN_OR_RETURN(ledger::PublicKey key, ws->PublicKey());
      if (!h) return base::Status::NotFound("the ledger is empty: no tree head yet");
      if (ctx.json) {
        Print("{\"size\": " + std::to_string(h->size) + ", \"time\": \"" + h->time.ToString() +
              "\", \"root\": \"" + base::ToHex(h->root) + "\", \"signature\": \"" + base::ToHex(h->signature) +
              "\", \"public_key\": \"" + base::ToHex(key) + "\", \"algorithm\": \"Ed25519\"}\n");
      } else {
        KeyValues kv;
        kv.Add("size", std::to_string(h->size));
        kv.Add("time", h->time.ToString());
        kv.Add("root", base::ToHex(h->root));
        kv.Add("signature", base::ToHex(h->signature));
        kv.Add("public_key", base::ToHex(key) + " (Ed25519)");
        kv.Add("signature_valid", ledger::VerifyTreeHead(key, *h) ? "yes" : "NO");
        Print(kv.Render());
      }
      return base::Status::OK();
    }();
  });
}

void AddProof(CLI::App* ledger, CliContext& ctx, Outcome& outcome) {
  auto seq = std::make_shared<int64_t>(0);
  auto size = std::make_shared<int64_t>(0);
  CLI::App* proof = ledger->add_subcommand("proof", "Print an inclusion proof for a ledger entry");
  proof->add_option("seq", *seq, "entry sequence number (from 1)")->required();
  proof->add_option("--size", *size, "tree size to prove against (default: the latest signed head)");
  proof->callback([&ctx, &outcome, seq, size] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      auto report = service::ProveInclusion(*ws, *seq, *size > 0 ? static_cast<uint64_t>(*size) : 0);
      if (!report.ok() && report.status().where() == "size") {
        return base::Status::InvalidArgument(report.status().message(), "--size");
      }
      AIMS_TRY(report.status());
      const ledger::LedgerEntry& entry = report->entry;
      const uint64_t index = report->leaf_index, n = report->tree_size;
      const ledger::Hash& leaf = report->leaf_hash;
      const ledger::Hash& root = report->root;
      const auto& path = report->path;
      const bool verified = report->verified, signed_root = report->matches_signed_head;
      if (ctx.json) {
        Print("{\"seq\": " + std::to_string(*seq) + ", \"leaf_index\": " + std::to_string(index) +
              ", \"tree_size\": " + std::to_string(n) + ", \"leaf_hash\": \"" + base::ToHex(leaf) +
              "\", \"root\": \"" + base::ToHex(root) + "\", \"path\": [" + HexList(path, true) +
              "], \"verified\": " + (verified ? "true" : "false") +
              ", \"matches_signed_head\": " + (signed_root ? "true" : "false") + "}\n");
      } else {
        Print("entry " + std::to_string(*seq) + ": " + entry.action + " " + entry.entity_type + " " +
              std::to_string(entry.entity_id) + " by " + entry.actor + " at " + entry.time.ToString() + "\n" +
              "leaf hash: " + base::ToHex(leaf) + "\ntree size: " + std::to_string(n) + "\nroot:      " +
              base::ToHex(root) + (signed_root ? " (the signed head's root)" : "") +
              "\naudit path (RFC 9162, leaf to root):\n" + HexList(path, false) +
              "verified: " + (verified ? "yes" : "NO") + "\n");
      }
      if (!verified) return base::Status::Corruption("the inclusion proof does not verify", "entry " + std::to_string(*seq));
      return base::Status::OK();
    }();
  });
}

void AddConsistency(CLI::App* ledger, CliContext& ctx, Outcome& outcome) {
  auto old_size = std::make_shared<int64_t>(0);
  auto new_size = std::make_shared<int64_t>(0);
  CLI::App* cons = ledger->add_subcommand("consistency", "Print a consistency proof between two tree sizes");
  cons->add_option("old", *old_size, "earlier tree size")->required();
  cons->add_option("--size", *new_size, "later tree size (default: the latest signed head)");
  cons->callback([&ctx, &outcome, old_size, new_size] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      AIMS_ASSIGN_OR_RETURN(auto head, service::LatestHead(*ws));
      if (!head) return base::Status::NotFound("the ledger is empty");
      uint64_t n = *new_size > 0 ? static_cast<uint64_t>(*new_size) : head->size;
      uint64_t m = static_cast<uint64_t>(*old_size);
      if (*old_size < 1 || m > n) return base::Status::InvalidArgument("old size must be between 1 and " + std::to_string(n), "old");
      std::vector<ledger::Hash> leaves;
      AIMS_TRY(ws->Read([&](store::Tx& tx) -> base::Status {
        AIMS_ASSIGN_OR_RETURN(leaves, tx.ledger().LeafHashes(static_cast<int64_t>(n)));
        return base::Status::OK();
      }));
      if (leaves.size() != n) return base::Status::InvalidArgument("the ledger has only " + std::to_string(leaves.size()) + " entries", "--size");
      auto proof = ledger::ConsistencyProof(leaves, m);
      ledger::Hash old_root = ledger::RootOf(std::span(leaves).first(m), 2);
      ledger::Hash new_root = ledger::RootOf(leaves, 2);
      bool verified = ledger::VerifyConsistency(m, n, old_root, new_root, proof);
      if (ctx.json) {
        Print("{\"old_size\": " + std::to_string(m) + ", \"new_size\": " + std::to_string(n) +
              ", \"old_root\": \"" + base::ToHex(old_root) + "\", \"new_root\": \"" + base::ToHex(new_root) +
              "\", \"proof\": [" + HexList(proof, true) + "], \"verified\": " + (verified ? "true" : "false") + "}\n");
      } else {
        Print("old size " + std::to_string(m) + " root " + base::ToHex(old_root) + "\nnew size " +
              std::to_string(n) + " root " + base::ToHex(new_root) + "\nproof (RFC 9162):\n" +
              HexList(proof, false) + "verified: " + (verified ? "yes" : "NO") + "\n");
      }
      return verified ? base::Status::OK() : base::Status::Corruption("the consistency proof does not verify");
    }();
  });
}

void AddLog(CLI::App* ledger, CliContext& ctx, Outcome& outcome) {
  auto from = std::make_shared<int64_t>(1);
  auto limit = std::make_shared<int64_t>(50);
  CLI::App* log = ledger->add_subcommand("log", "List ledger entries");
  log->add_option("--from", *from, "first sequence number (default 1)");
  log->add_option("--limit", *limit, "at most this many (default 50)");
  log->callback([&ctx, &outcome, from, limit] {
    outcome.status = [&]() -> base::Status {
      AIMS_ASSIGN_OR_RETURN(auto ws, ctx.Open());
      Table table({"seq", "time", "actor", "action", "entity", "state hash"}, 64);
      std::string json = "[";
      int64_t n = 0;
      AIMS_TRY(ws->Read([&](store::Tx& tx) {
        return tx.ledger().ScanEntries(*from, *from + *limit - 1, [&](const store::StoredEntry& s) -> base::Status {
          const auto& e = s.entry;
          auto kind = domain::EntityKindFromName(e.entity_type);
          std::string entity = kind ? domain::DisplayId(*kind, e.entity_id) : e.entity_type + " " + std::to_string(e.entity_id);
          if (ctx.json) {
            json += n ? ",\n  {" : "\n  {";
            json += "\"seq\": " + std::to_string(e.seq) + ", \"time\": \"" + e.time.ToString() + "\", \"actor\": ";
            base::AppendJsonString(&json, e.actor);
            json += ", \"action\": ";
            base::AppendJsonString(&json, e.action);
            json += ", \"entity_type\": \"" + e.entity_type + "\", \"entity_id\": " + std::to_string(e.entity_id) +
                    ", \"state_hash\": \"" + base::ToHex(e.state_hash) + "\"}";
          } else {
            table.AddRow({std::to_string(e.seq), e.time.ToString(), e.actor, e.action, entity,
                          base::ToHex(e.state_hash).substr(0, 16)});
          }
          ++n;
          return base::Status::OK();
        });
      }));
      Print(ctx.json ? json + (n ? "\n]\n" : "]\n") : table.Render());
      return base::Status::OK();
    }();
  });
}

}  // namespace

void RegisterLedgerCommands(CLI::App& app, CliContext& ctx, Outcome& outcome) {
  CLI::App* ledger = app.add_subcommand("ledger", "The tamper-evident ledger of every change");
  ledger->require_subcommand(1);
  AddVerify(ledger, ctx, outcome);
  AddHead(ledger, ctx, outcome);
  AddProof(ledger, ctx, outcome);
  AddConsistency(ledger, ctx, outcome);
  AddLog(ledger, ctx, outcome);
}

}  // namespace aims::cli
