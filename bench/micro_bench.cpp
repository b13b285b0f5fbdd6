// Micro-benchmarks of the ledger's hot paths: leaf hashing, node hashing, the Merkle root over
// many leaves (one and two threads), and a record's canonical state hash.
#include <benchmark/benchmark.h>

#include "domain/canonical_state.h"
#include "ledger/entry.h"
#include "ledger/merkle.h"

namespace {

using namespace aims;

void BM_LeafHash(benchmark::State& state) {
  ledger::LedgerEntry e;
  e.seq = 123456;
  e.time = base::Timestamp(1764300000000000);
  e.actor = "cli:alice";
  e.action = "create";
  e.entity_type = "ai_system";
  e.entity_id = 98765;
  std::string leaf;
  for (auto _ : state) {
    leaf.clear();
    ledger::EncodeLeaf(e, &leaf);
    benchmark::DoNotOptimize(ledger::HashLeaf(leaf));
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * leaf.size()));
}
BENCHMARK(BM_LeafHash);

void BM_NodeHash(benchmark::State& state) {
  ledger::Hash a = ledger::HashLeaf("a"), b = ledger::HashLeaf("b");
  for (auto _ : state) benchmark::DoNotOptimize(a = ledger::HashChildren(a, b));
}
BENCHMARK(BM_NodeHash);

void BM_Root(benchmark::State& state) {
  std::vector<ledger::Hash> leaves;
  for (int64_t i = 0; i < state.range(0); ++i) leaves.push_back(ledger::HashLeaf(std::to_string(i)));
  int threads = static_cast<int>(state.range(1));
  for (auto _ : state) benchmark::DoNotOptimize(ledger::RootOf(leaves, threads));
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_Root)->Args({1 << 20, 1})->Args({1 << 20, 2})->Unit(benchmark::kMillisecond);

void BM_CanonicalStateHash(benchmark::State& state) {
  domain::AiSystem s;
  s.meta = {42, 3, base::Timestamp(1764300000000000), base::Timestamp(1764300000000000), std::nullopt};
  s.name = "Credit decisioning assistant";
  s.purpose = "Scores consumer loan applications and recommends approve, refer or decline.";
  s.affected_stakeholders = {"applicants", "credit officers"};
  s.models = {1, 2};
  for (auto _ : state) benchmark::DoNotOptimize(domain::StateHash(s));
}
BENCHMARK(BM_CanonicalStateHash);

}  // namespace
