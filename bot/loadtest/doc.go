// Package loadtest is the load of issue 6 and the measurements read
// around it, shared by the load benchmarks: 10,000 updates from 1,000
// people (forwarded messages of several kinds, in both languages, and
// presses on the bot's last keyboard), then 9,000 more people forwarding
// once so that 10,000 sessions exist (driver.go).
//
// The benchmark of record runs the bot in processes of its own, `scamcheck
// run` in polling mode and as one and two webhook replicas, while the
// benchmark's process runs the fake Bot API (telegramtest, Lean) and the
// driver, and redis-server runs apart:
//
//	SCAMCHECK_REQUIRE_REDIS=1 go test -run '^$' -bench BenchmarkLoad -benchtime 1x ./cmd/scamcheck
//
// It reports updates per second, p50 and p99 handling time (exact, without
// the time spent in Telegram's calls), Redis round trips per update (the
// bot's scamcheck_redis_round_trips_total), Redis bytes per session and per
// person, the CPU time per update of each process (bot, Redis, fake and
// driver), and the bot's VmRSS and Go heap at 10,000 sessions. See
// BenchmarkLoad in cmd/scamcheck/load_test.go for profiles.
//
// BenchmarkPolling, here, runs the engine and the polling loop in the
// benchmark's own process, with the fake and the driver. Its figures mix
// the three, but it can vary the poller's Workers (which `scamcheck run`
// does not expose) and profiles in one step, the bot's goroutines carrying
// the pprof label side=bot:
//
//	go test -run '^$' -bench 'BenchmarkPolling/workers=16' -benchtime 1x -cpuprofile cpu.out -o lt.test ./bot/loadtest/
//	go tool pprof -tagfocus side=bot -top lt.test cpu.out
//
// Neither is a test: nothing asserts a time.
package loadtest
