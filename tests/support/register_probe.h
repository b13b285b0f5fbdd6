// What the service tests ask of a register between use cases: run a change that must succeed
// (Must) or may fail (Try), read a record, the ledger's size and the entries appended since.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "service/mutation.h"
#include "service/workspace.h"
#include "support/new_register.h"
#include "support/temp_dir.h"
#include "support/times.h"

namespace aims::testing {

class RegisterProbe {
 public:
  explicit RegisterProbe(service::Workspace* ws) : ws_(ws) {}

  template <class F>
  void Must(F f) {
    base::Status s = ws_->Mutate([&](service::Mutation& m) -> base::Status { return f(m); });
    ASSERT_TRUE(s.ok()) << s.ToString();
  }
  template <class F>
  base::Status Try(F f) {
    return ws_->Mutate([&](service::Mutation& m) -> base::Status { return f(m); });
  }
  template <class T>
  T Get(domain::Id id) {
    T out;
    EXPECT_TRUE(ws_->Read([&](store::Tx& tx) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(out, tx.records<T>().Get(id));
      return base::Status::OK();
    }).ok());
    return out;
  }
  int64_t LedgerSize() {
    int64_t size = 0;
    EXPECT_TRUE(ws_->Read([&](store::Tx& tx) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(size, tx.ledger().LastSeq());
      return base::Status::OK();
    }).ok());
    return size;
  }
  // The ledger entries after sequence number `from`, as "entity_type action".
  std::vector<std::string> ActionsAfter(int64_t from) {
    std::vector<std::string> out;
    EXPECT_TRUE(ws_->Read([&](store::Tx& tx) -> base::Status {
      AIMS_ASSIGN_OR_RETURN(int64_t last, tx.ledger().LastSeq());
      for (int64_t seq = from + 1; seq <= last; ++seq) {
        AIMS_ASSIGN_OR_RETURN(auto e, tx.ledger().EntryAt(seq));
        out.push_back(e.entity_type + " " + e.action);
      }
      return base::Status::OK();
    }).ok());
    return out;
  }

 private:
  service::Workspace* ws_;
};

// A new register in its own temporary directory, for a fixture to derive from (before
// RegisterProbe, so that the probe is made on it: `struct R : FreshRegister, RegisterProbe`).
struct FreshRegister {
  TempDir dir;
  std::unique_ptr<service::Workspace> ws = NewRegister(dir);
};

}  // namespace aims::testing
