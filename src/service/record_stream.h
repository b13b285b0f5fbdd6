// StreamRecords<T>: scans the records of one kind on a second thread while the calling thread
// consumes them. Decoding rows and what follows (formatting a long listing, hashing for the
// ledger check) cost about the same, so on two cores the scan takes little more than half as long.
// `fn` runs on the calling thread, in id order; an error from it stops the scan and is returned.
#pragma once

#include <functional>
#include <thread>
#include <vector>

#include "base/handoff_queue.h"
#include "service/workspace.h"
#include "store/record_table.h"

namespace aims::service {

// Within the caller's transaction: the second thread uses `tx` while the caller must not.
template <class T>
base::Status StreamRecords(store::Tx& tx, const store::ScanOptions& options,
                           const std::function<base::Status(T&)>& fn) {
  constexpr size_t kBatch = 512;
  base::HandoffQueue<std::vector<T>> queue(4);
  std::thread reader([&] {
    std::vector<T> batch;
    base::Status read = tx.records<T>().Scan(options, [&](T& record) -> base::Status {
      batch.push_back(std::move(record));
      if (batch.size() < kBatch) return base::Status::OK();
      bool taken = queue.Push(std::move(batch));
      batch.clear();
      batch.reserve(kBatch);
      // The consumer stopped; its own error is the one reported.
      return taken ? base::Status::OK() : base::Status::Internal("scan cancelled");
    });
    if (read.ok() && !batch.empty()) queue.Push(std::move(batch));
    queue.Close(read);
  });
  base::Status status;
  while (std::optional<std::vector<T>> batch = queue.Pop()) {
    for (T& record : *batch) {
      status = fn(record);
      if (!status.ok()) break;
    }
    if (!status.ok()) {
      queue.Cancel();
      break;
    }
  }
  reader.join();
  return status.ok() ? queue.status() : status;
}

// In a read transaction of its own.
template <class T>
base::Status StreamRecords(Workspace& ws, const store::ScanOptions& options,
                           const std::function<base::Status(T&)>& fn) {
  return ws.Read([&](store::Tx& tx) { return StreamRecords<T>(tx, options, fn); });
}

}  // namespace aims::service
