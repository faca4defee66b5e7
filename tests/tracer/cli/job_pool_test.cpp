#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

#include "cli/job_pool.hpp"

using nntrace::JobPool;

TEST_CASE("Job pool: every task submitted runs before its future is ready", "[cli][pool]") {
    JobPool pool(2);
    std::vector<int> done(20, 0);
    std::vector<std::future<void>> futures;
    for (int i = 0; i < 20; ++i) futures.push_back(pool.submit([&done, i] { done[i] = i + 1; }));
    for (int i = 0; i < 20; ++i) {
        futures[i].get();
        CHECK(done[i] == i + 1);
    }
}

TEST_CASE("Job pool: what a task throws reaches its future", "[cli][pool]") {
    JobPool pool(2);
    auto failed = pool.submit([] { throw std::runtime_error("tool vanished"); });
    auto fine = pool.submit([] {});
    CHECK_THROWS_WITH(failed.get(), "tool vanished");
    CHECK_NOTHROW(fine.get());
}

TEST_CASE("Job pool: the destructor runs the tasks still queued", "[cli][pool]") {
    std::atomic<int> ran{0};
    {
        JobPool pool(1);
        for (int i = 0; i < 10; ++i)
            (void)pool.submit([&ran] {
                std::this_thread::sleep_for(std::chrono::milliseconds(1));
                ++ran;
            });
    }
    CHECK(ran == 10);
}

TEST_CASE("Job pool: no more tasks run at once than it has workers", "[cli][pool]") {
    std::atomic<int> running{0}, most{0};
    {
        JobPool pool(2);
        for (int i = 0; i < 12; ++i)
            (void)pool.submit([&] {
                const int now = ++running;
                for (int seen = most; now > seen && !most.compare_exchange_weak(seen, now);) {}
                std::this_thread::sleep_for(std::chrono::milliseconds(2));
                --running;
            });
    }
    CHECK(most >= 1);
    CHECK(most <= 2);
}

TEST_CASE("Parallel for: every index runs once", "[cli][pool]") {
    std::vector<std::atomic<int>> runs(50);
    nntrace::parallel_for(runs.size(), 2, [&](std::size_t i) { ++runs[i]; });
    for (const auto& r : runs) CHECK(r == 1);
}

TEST_CASE("Parallel for: the failure of the lowest index is rethrown, after every index ran", "[cli][pool]") {
    std::atomic<int> ran{0};
    auto body = [&](std::size_t i) {
        ++ran;
        if (i == 7 || i == 3) throw std::runtime_error("lesson " + std::to_string(i));
    };
    CHECK_THROWS_WITH(nntrace::parallel_for(10, 2, body), "lesson 3");
    CHECK(ran == 10);
}
