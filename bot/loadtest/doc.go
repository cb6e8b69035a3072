// Package loadtest holds the bot's load benchmark (load_test.go): the real
// engine, long-polling loop and telegram-bot-api client against the fake
// Bot API, with sessions in a real Redis, driven by 10,000 updates from
// 1,000 people (forwarded messages of several kinds and button presses).
//
// Run it with:
//
//	SCAMCHECK_REQUIRE_REDIS=1 go test -run '^$' -bench BenchmarkPolling -benchtime 1x ./bot/loadtest/
//
// It reports updates per second, p50 and p99 handling time (without the
// time spent in Telegram's calls), Redis round trips per update, Redis
// bytes per session, and the process's memory once 10,000 people have a
// session. BenchmarkWebhook runs the same load through one and two webhook
// replicas. It is a benchmark, not a test: nothing asserts a time.
//
// The fake Bot API and the driver run in the same process; the bot's own
// goroutines carry the profile label side=bot, so its share of the CPU is
//
//	go test -run '^$' -bench 'BenchmarkPolling/workers=16' -benchtime 1x -cpuprofile cpu.out -o lt.test ./bot/loadtest/
//	go tool pprof -tags lt.test cpu.out
//
// and SCAMCHECK_LOADTEST_HEAPPROFILE=file writes a heap profile at 10,000
// sessions (the bot's part: -ignore 'telegramtest|rig\)\.round|makeUsers|net/http\.\(\*conn\)\.serve').
package loadtest
