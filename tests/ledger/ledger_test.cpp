// Unit tests for src/ledger against hand-computed vectors. The expected hashes below were
// computed independently of this code (a separate script using Python's hashlib, following
// RFC 9162 section 2.1 literally); they are also the well-known Certificate Transparency test
// vectors for these eight leaves.
#include <gtest/gtest.h>

#include "ledger/entry.h"
#include "ledger/merkle.h"
#include "ledger/tree_head.h"

namespace aims::ledger {
namespace {

std::vector<std::string> TestLeaves() {
  return {std::string(""),
          std::string("\x00", 1),
          std::string("\x10"),
          std::string("\x20\x21"),
          std::string("\x30\x31"),
          std::string("\x40\x41\x42\x43"),
          std::string("\x50\x51\x52\x53\x54\x55\x56\x57"),
          std::string("\x60\x61\x62\x63\x64\x65\x66\x67\x68\x69\x6a\x6b\x6c\x6d\x6e\x6f")};
}

std::vector<Hash> LeafHashes(size_t n) {
  std::vector<Hash> out;
  auto leaves = TestLeaves();
  for (size_t i = 0; i < n; ++i) out.push_back(HashLeaf(leaves[i]));
  return out;
}

Hash H(const char* hex) { return *base::DigestFromHex(hex); }

const char* kRoots[] = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
};

TEST(Merkle, EmptyTreeIsHashOfNothing) {
  EXPECT_EQ(base::ToHex(RootOf({})), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Merkle, RootsMatchVectors) {
  for (size_t n = 1; n <= 8; ++n) {
    EXPECT_EQ(base::ToHex(RootOf(LeafHashes(n))), kRoots[n - 1]) << "size " << n;
  }
}

TEST(Merkle, InclusionProofsMatchVectors) {
  auto leaves = LeafHashes(8);
  EXPECT_EQ(InclusionProof(leaves, 0),
            (std::vector<Hash>{H("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
                               H("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                               H("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")}));
  EXPECT_EQ(InclusionProof(leaves, 5),
            (std::vector<Hash>{H("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
                               H("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                               H("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")}));
  EXPECT_EQ(InclusionProof(std::span(leaves).first(3), 2),
            (std::vector<Hash>{H("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125")}));
  EXPECT_EQ(InclusionProof(std::span(leaves).first(5), 3),
            (std::vector<Hash>{H("0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7"),
                               H("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
                               H("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")}));
  EXPECT_TRUE(InclusionProof(std::span(leaves).first(1), 0).empty());
}

TEST(Merkle, EveryInclusionProofVerifiesAndNoTamperedOneDoes) {
  auto all = LeafHashes(8);
  for (uint64_t n = 1; n <= 8; ++n) {
    auto leaves = std::span(all).first(n);
    Hash root = RootOf(leaves);
    for (uint64_t i = 0; i < n; ++i) {
      auto proof = InclusionProof(leaves, i);
      EXPECT_TRUE(VerifyInclusion(leaves[i], i, n, proof, root)) << i << "/" << n;
      EXPECT_FALSE(VerifyInclusion(leaves[(i + 1) % n], i, n, proof, root) && n > 1);
      EXPECT_FALSE(VerifyInclusion(leaves[i], n, n, proof, root));  // index out of range
      if (!proof.empty()) {
        auto bad = proof;
        bad[0][0] ^= 1;
        EXPECT_FALSE(VerifyInclusion(leaves[i], i, n, bad, root));
        bad = proof;
        bad.pop_back();
        EXPECT_FALSE(VerifyInclusion(leaves[i], i, n, bad, root));
      }
    }
  }
}

TEST(Merkle, ConsistencyProofsMatchVectors) {
  auto leaves = LeafHashes(8);
  EXPECT_EQ(ConsistencyProof(leaves, 1),
            (std::vector<Hash>{H("96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7"),
                               H("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                               H("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")}));
  EXPECT_EQ(ConsistencyProof(leaves, 6),
            (std::vector<Hash>{H("0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a"),
                               H("ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0"),
                               H("d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7")}));
  EXPECT_EQ(ConsistencyProof(std::span(leaves).first(5), 2),
            (std::vector<Hash>{H("5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e"),
                               H("bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b")}));
  EXPECT_EQ(ConsistencyProof(std::span(leaves).first(7), 3),
            (std::vector<Hash>{H("0298d122906dcfc10892cb53a73992fc5b9f493ea4c9badb27b791b4127a7fe7"),
                               H("07506a85fd9dd2f120eb694f86011e5bb4662e5c415a62917033d4a9624487e7"),
                               H("fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
                               H("837dbb152e9b079010717e84e865da4ebc0fa198a806d59d31bf15accef22d0e")}));
  EXPECT_EQ(ConsistencyProof(leaves, 4),
            (std::vector<Hash>{H("6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4")}));
}

TEST(Merkle, EveryConsistencyProofVerifiesAndTamperingFails) {
  auto all = LeafHashes(8);
  for (uint64_t n = 1; n <= 8; ++n) {
    for (uint64_t m = 1; m <= n; ++m) {
      Hash old_root = RootOf(std::span(all).first(m));
      Hash new_root = RootOf(std::span(all).first(n));
      auto proof = ConsistencyProof(std::span(all).first(n), m);
      EXPECT_TRUE(VerifyConsistency(m, n, old_root, new_root, proof)) << m << "->" << n;
      if (m < n) {
        Hash wrong = old_root;
        wrong[5] ^= 0x40;
        EXPECT_FALSE(VerifyConsistency(m, n, wrong, new_root, proof)) << m << "->" << n;
        EXPECT_FALSE(VerifyConsistency(m, n, old_root, wrong, proof)) << m << "->" << n;
        auto bad = proof;
        bad.back()[0] ^= 1;
        EXPECT_FALSE(VerifyConsistency(m, n, old_root, new_root, bad)) << m << "->" << n;
      }
    }
  }
  EXPECT_FALSE(VerifyConsistency(5, 4, {}, {}, {}));
}

TEST(CompactRange, AgreesWithFullComputationAndSurvivesEncoding) {
  std::vector<Hash> leaves;
  CompactRange range;
  for (int i = 0; i < 300; ++i) {
    leaves.push_back(HashLeaf(std::to_string(i)));
    range.Append(leaves.back());
    ASSERT_EQ(range.Root(), RootOf(leaves)) << i;
    auto decoded = CompactRange::Decode(range.Encode());
    ASSERT_TRUE(decoded.ok());
    ASSERT_EQ(decoded->Root(), range.Root());
    ASSERT_EQ(decoded->size(), range.size());
  }
  std::string bytes = range.Encode();
  EXPECT_FALSE(CompactRange::Decode(bytes.substr(0, bytes.size() - 1)).ok());
  bytes[7] ^= 1;  // size no longer matches the number of peaks
  EXPECT_FALSE(CompactRange::Decode(bytes).ok());
}

TEST(Merkle, ParallelRootEqualsSequential) {
  std::vector<Hash> leaves;
  for (int i = 0; i < 20000; ++i) leaves.push_back(HashLeaf(std::to_string(i)));
  EXPECT_EQ(RootOf(leaves, 1), RootOf(leaves, 2));
  EXPECT_EQ(RootOf(leaves, 1), RootOf(leaves, 4));
}

TEST(Entry, LeafEncodingIsTheDocumentedFormat) {
  LedgerEntry e;
  e.seq = 1;
  e.time = base::Timestamp(0x0102030405060708);
  e.actor = "cli:a";
  e.action = "create";
  e.entity_type = "risk";
  e.entity_id = 258;
  e.state_hash.fill(0xab);
  std::string leaf;
  EncodeLeaf(e, &leaf);
  std::string expected;
  expected += '\x01';
  expected += std::string("\0\0\0\0\0\0\0\x01", 8);
  expected += std::string("\x01\x02\x03\x04\x05\x06\x07\x08", 8);
  expected += std::string("\x00\x05", 2) + "cli:a";
  expected += std::string("\x00\x06", 2) + "create";
  expected += std::string("\x00\x04", 2) + "risk";
  expected += std::string("\0\0\0\0\0\0\x01\x02", 8);
  expected += std::string(32, '\xab');
  EXPECT_EQ(leaf, expected);
  EXPECT_EQ(LeafHashOf(e), HashLeaf(expected));
}

TEST(TreeHead, SignatureCoversSizeTimeAndRoot) {
  KeyPair keys = GenerateKeyPair();
  EXPECT_EQ(PublicKeyOf(keys.secret_key), keys.public_key);
  TreeHead head;
  head.size = 42;
  head.time = base::Timestamp(1700000000000000);
  head.root = HashLeaf("x");
  SignTreeHead(keys.secret_key, &head);
  EXPECT_TRUE(VerifyTreeHead(keys.public_key, head));
  TreeHead t = head;
  t.size = 43;
  EXPECT_FALSE(VerifyTreeHead(keys.public_key, t));
  t = head;
  t.time = base::Timestamp(1700000000000001);
  EXPECT_FALSE(VerifyTreeHead(keys.public_key, t));
  t = head;
  t.root[31] ^= 1;
  EXPECT_FALSE(VerifyTreeHead(keys.public_key, t));
  EXPECT_FALSE(VerifyTreeHead(GenerateKeyPair().public_key, head));
  EXPECT_EQ(TreeHeadMessage(head).substr(0, 11), "aims-sth-v1");
  EXPECT_EQ(TreeHeadMessage(head).size(), 11u + 8 + 8 + 32);
}

}  // namespace
}  // namespace aims::ledger
