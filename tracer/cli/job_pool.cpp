#include "job_pool.hpp"

#include <algorithm>
#include <atomic>

namespace nntrace {

std::size_t default_worker_count() {
    return std::max<std::size_t>(1, std::thread::hardware_concurrency());  // 0 means "unknown"
}

void parallel_for(std::size_t count, std::size_t workers, const std::function<void(std::size_t)>& body) {
    std::vector<std::exception_ptr> failures(count);
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        for (std::size_t i = next++; i < count; i = next++) {
            try {
                body(i);
            } catch (...) {
                failures[i] = std::current_exception();
            }
        }
    };
    std::vector<std::thread> helpers;
    for (std::size_t w = 1; w < std::min(workers, count); ++w) helpers.emplace_back(work);
    work();  // the calling thread is one of the workers
    for (std::thread& t : helpers) t.join();
    for (const std::exception_ptr& failure : failures)
        if (failure) std::rethrow_exception(failure);
}

JobPool::JobPool(std::size_t workers) {
    for (std::size_t w = 0; w < std::max<std::size_t>(1, workers); ++w) workers_.emplace_back([this] { work(); });
}

JobPool::~JobPool() {
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    for (std::thread& t : workers_) t.join();
}

std::future<void> JobPool::submit(std::function<void()> task) {
    std::packaged_task<void()> packaged(std::move(task));
    std::future<void> done = packaged.get_future();
    {
        const std::lock_guard<std::mutex> lock(mutex_);
        queue_.push_back(std::move(packaged));
    }
    wake_.notify_one();
    return done;
}

// Takes the oldest task until the queue is empty and the pool is being destroyed.
void JobPool::work() {
    for (;;) {
        std::packaged_task<void()> task;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
            if (queue_.empty()) return;
            task = std::move(queue_.front());
            queue_.pop_front();
        }
        task();  // a packaged_task keeps what the task throws for its future
    }
}

}  // namespace nntrace
