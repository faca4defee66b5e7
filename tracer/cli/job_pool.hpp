// Work spread over the cores. A pool of worker threads runs tasks in the order they were
// submitted: `nntrace build` runs its dot and gnuplot processes through one pool for the whole
// course, so that one lesson's pictures are drawn while other lessons are written and no core
// idles at a lesson boundary.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace nntrace {

// As many workers as the machine has cores: each worker waits on one tool process at a time,
// so this is also the number of tool processes running at once.
std::size_t default_worker_count();

// Calls body(i) for every i < count on up to `workers` threads, each taking the next i. When
// bodies throw, every other body still runs, then the exception of the lowest i is rethrown: the
// error a sequential loop would have met first.
void parallel_for(std::size_t count, std::size_t workers, const std::function<void(std::size_t)>& body);

class JobPool {
public:
    explicit JobPool(std::size_t workers = default_worker_count());
    // Runs every task still queued, then stops the workers: a future handed out is always kept.
    ~JobPool();
    JobPool(const JobPool&) = delete;
    JobPool& operator=(const JobPool&) = delete;

    // Queues `task`; the future is ready when it has run, and rethrows what it threw.
    std::future<void> submit(std::function<void()> task);

private:
    void work();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::packaged_task<void()>> queue_;
    bool stopping_ = false;
    std::vector<std::thread> workers_;
};

}  // namespace nntrace
