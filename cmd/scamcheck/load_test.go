package main

// The load benchmark of issue 6 with the bot in processes of its own:
// `scamcheck run` (realMain, polling or webhook) runs in child processes
// (this test binary re-executed), while this process runs Redis, the fake
// Bot API and the driver. See bot/loadtest for the load itself.

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	_ "net/http/pprof" // the child's test-only listener serves /debug/pprof/
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/redis/go-redis/v9"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/loadtest"
	"github.com/scamcheck/scamcheck/bot/metrics"
	"github.com/scamcheck/scamcheck/bot/telegram"
	"github.com/scamcheck/scamcheck/bot/telegram/telegramtest"
	"github.com/scamcheck/scamcheck/internal/redistest"
)

// loadChildEnv marks the child process; loadDebugEnv is the address of its
// test-only listener.
const (
	loadChildEnv = "SCAMCHECK_LOAD_CHILD"
	loadDebugEnv = "SCAMCHECK_LOAD_DEBUG_ADDR"
)

// TestLoadChildProcess is not a test: it is `scamcheck run` inside a child
// process of BenchmarkLoad. Two hooks make it measurable (loadHooks): no
// Telegram pacing, as the fake has no limits, and a sampler that times
// every update. A listener of its own, on SCAMCHECK_LOAD_DEBUG_ADDR, lets
// the benchmark wait for the updates it gave, read their handling times
// and the Go heap, and take profiles; `scamcheck run` itself has none of
// this.
func TestLoadChildProcess(t *testing.T) {
	if os.Getenv(loadChildEnv) != "1" {
		t.Skip("runs only as a child of BenchmarkLoad")
	}
	s := &loadSampler{}
	loadHooks.outgoing = telegram.UnlimitedOutgoing
	loadHooks.handler = s.wrap
	mux := http.NewServeMux()
	mux.Handle("/debug/pprof/", http.DefaultServeMux) // net/http/pprof
	mux.HandleFunc("GET /load/wait", s.serveWait)
	mux.HandleFunc("GET /load/samples", s.serveSamples)
	mux.HandleFunc("GET /load/heap", serveHeap)
	mux.HandleFunc("POST /load/cpuprofile", serveCPUProfile)
	mux.HandleFunc("DELETE /load/cpuprofile", serveCPUProfile)
	srv := &http.Server{Addr: os.Getenv(loadDebugEnv), Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	go func() { _ = srv.ListenAndServe() }()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	os.Exit(realMain(ctx, []string{"run"}, stdio{in: os.Stdin, out: os.Stdout, err: os.Stderr, getenv: os.Getenv}))
}

// loadSampler records the handling time of every update the child handles
// without error, less the time spent in Telegram's calls (as the
// scamcheck_update_handling_seconds histogram does, but exactly), and
// wakes the benchmark's one waiter when a count is reached.
type loadSampler struct {
	mu      sync.Mutex
	samples []time.Duration
	failed  int
	want    int
	reached chan struct{} // closed when len(samples) reaches want
}

func (s *loadSampler) wrap(next metrics.Handler) metrics.Handler {
	return loadSampled{s: s, next: next}
}

type loadSampled struct {
	s    *loadSampler
	next metrics.Handler
}

func (h loadSampled) Handle(ctx context.Context, u bot.Update, r bot.Responder) error {
	tr := &metrics.TimedResponder{Next: r}
	start := time.Now()
	err := h.next.Handle(ctx, u, tr)
	d := time.Since(start) - tr.Spent()
	s := h.s
	s.mu.Lock()
	if err != nil {
		s.failed++ // the transport tries it again
	} else {
		s.samples = append(s.samples, d)
	}
	if s.reached != nil && len(s.samples) >= s.want {
		close(s.reached)
		s.reached = nil
	}
	s.mu.Unlock()
	return err
}

// loadCounts is what /load/wait answers.
type loadCounts struct {
	Handled int `json:"handled"`
	Failed  int `json:"failed"`
}

// serveWait answers once ?handled=N updates have been handled, or after
// two minutes with the counts so far. One waiter at a time.
func (s *loadSampler) serveWait(w http.ResponseWriter, r *http.Request) {
	want, err := strconv.Atoi(r.URL.Query().Get("handled"))
	if err != nil {
		http.Error(w, "handled: want a number", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	var reached chan struct{}
	if len(s.samples) < want {
		reached = make(chan struct{})
		s.want, s.reached = want, reached
	}
	s.mu.Unlock()
	if reached != nil {
		t := time.NewTimer(2 * time.Minute)
		defer t.Stop()
		select {
		case <-reached:
		case <-t.C:
		case <-r.Context().Done():
		}
	}
	s.mu.Lock()
	c := loadCounts{Handled: len(s.samples), Failed: s.failed}
	s.mu.Unlock()
	_ = json.NewEncoder(w).Encode(c)
}

// serveSamples answers the handling times (ns) from the ?from=i-th on.
func (s *loadSampler) serveSamples(w http.ResponseWriter, r *http.Request) {
	from, _ := strconv.Atoi(r.URL.Query().Get("from"))
	s.mu.Lock()
	out := slices.Clone(s.samples[min(max(from, 0), len(s.samples)):])
	s.mu.Unlock()
	_ = json.NewEncoder(w).Encode(out)
}

// loadHeap is what /load/heap answers, after a garbage collection.
type loadHeap struct {
	HeapInuse  uint64 `json:"heap_inuse"`
	HeapAlloc  uint64 `json:"heap_alloc"`
	Sys        uint64 `json:"sys"`
	Goroutines int    `json:"goroutines"`
}

func serveHeap(w http.ResponseWriter, _ *http.Request) {
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	_ = json.NewEncoder(w).Encode(loadHeap{HeapInuse: ms.HeapInuse, HeapAlloc: ms.HeapAlloc, Sys: ms.Sys, Goroutines: runtime.NumGoroutine()})
}

var cpuProfile struct {
	mu sync.Mutex
	f  *os.File
}

// serveCPUProfile starts (POST ?path=) or stops (DELETE) a CPU profile.
func serveCPUProfile(w http.ResponseWriter, r *http.Request) {
	cpuProfile.mu.Lock()
	defer cpuProfile.mu.Unlock()
	if r.Method == http.MethodDelete {
		if cpuProfile.f != nil {
			pprof.StopCPUProfile()
			_ = cpuProfile.f.Close()
			cpuProfile.f = nil
		}
		return
	}
	f, err := os.Create(r.URL.Query().Get("path"))
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	cpuProfile.f = f
}

// loadChild is one `scamcheck run` process.
type loadChild struct {
	name    string
	cmd     *exec.Cmd
	debug   string // base URL of its test-only listener
	metrics string // base URL of its METRICS_ADDR
	hook    string // its webhook URL (webhook mode)
	logPath string
	// given is how many updates it has been given so far.
	given int
}

// loadHookSecret is the webhook replicas' secret_token.
const loadHookSecret = "load-test-webhook-secret"

// startLoadChild starts `scamcheck run` (webhook mode when hook) against
// tg and rd, its logs in a file.
func startLoadChild(b *testing.B, name string, tg *telegramtest.Server, rd *redistest.Server, hook bool) *loadChild {
	b.Helper()
	c := &loadChild{name: name, logPath: filepath.Join(b.TempDir(), name+".log")}
	debugAddr, metricsAddr := freeAddr(b), freeAddr(b)
	c.debug, c.metrics = "http://"+debugAddr, "http://"+metricsAddr
	env := []string{
		loadChildEnv + "=1",
		loadDebugEnv + "=" + debugAddr,
		"TELEGRAM_BOT_TOKEN=" + loadtest.Token,
		"TELEGRAM_API_URL=" + tg.URL(),
		"REDIS_URL=" + rd.URL(),
		"SCAMCHECK_SECRET=load-test-secret-0123456789abcdef",
		"METRICS_ADDR=" + metricsAddr,
		"LOG_LEVEL=info", // as in production
	}
	if hook {
		addr := freeAddr(b)
		c.hook = "http://" + addr + "/telegram"
		env = append(env, "TELEGRAM_MODE=webhook", "WEBHOOK_URL="+c.hook, "WEBHOOK_LISTEN="+addr, "WEBHOOK_SECRET="+loadHookSecret)
	}
	// Nothing else of this environment (an LLM_* setting would call a
	// model), but the Go runtime's settings, to experiment with.
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "GO") || strings.HasPrefix(kv, "PATH=") {
			env = append(env, kv)
		}
	}
	logs, err := os.Create(c.logPath)
	if err != nil {
		b.Fatal(err)
	}
	c.cmd = exec.Command(os.Args[0], "-test.run=^TestLoadChildProcess$")
	c.cmd.Env = env
	c.cmd.Stdout, c.cmd.Stderr = logs, logs
	if err := c.cmd.Start(); err != nil {
		b.Fatalf("start %s: %v", name, err)
	}
	logs.Close()
	b.Cleanup(func() {
		if c.cmd.ProcessState == nil {
			_ = c.cmd.Process.Kill()
			_ = c.cmd.Wait()
		}
	})
	return c
}

// getJSON decodes url's answer into v.
func getJSON(b *testing.B, method, url string, v any) {
	b.Helper()
	req, err := http.NewRequest(method, url, nil)
	if err != nil {
		b.Fatal(err)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.Fatalf("%s %s: %v", method, url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		body, _ := io.ReadAll(resp.Body)
		b.Fatalf("%s %s: %s %s", method, url, resp.Status, body)
	}
	if v == nil {
		_, _ = io.Copy(io.Discard, resp.Body)
		return
	}
	if err := json.NewDecoder(resp.Body).Decode(v); err != nil {
		b.Fatalf("%s %s: %v", method, url, err)
	}
}

// wait waits until the child has handled every update it was given.
func (c *loadChild) wait(b *testing.B, round string) {
	b.Helper()
	var got loadCounts
	getJSON(b, http.MethodGet, c.debug+"/load/wait?handled="+strconv.Itoa(c.given), &got)
	if got.Handled < c.given {
		b.Fatalf("%s, %s: %d of %d updates handled after 2 minutes (%d failed attempts)", round, c.name, got.Handled, c.given, got.Failed)
	}
}

// samples returns the child's handling times from the from-th update on.
func (c *loadChild) samples(b *testing.B, from int) []time.Duration {
	b.Helper()
	var out []time.Duration
	getJSON(b, http.MethodGet, c.debug+"/load/samples?from="+strconv.Itoa(from), &out)
	return out
}

// redisTrips reads scamcheck_redis_round_trips_total from the child's
// /metrics.
func (c *loadChild) redisTrips(b *testing.B) float64 {
	b.Helper()
	resp, err := http.Get(c.metrics + "/metrics")
	if err != nil {
		b.Fatalf("%s /metrics: %v", c.name, err)
	}
	defer resp.Body.Close()
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "scamcheck_redis_round_trips_total "); ok {
			f, err := strconv.ParseFloat(v, 64)
			if err != nil {
				b.Fatalf("%s /metrics: %q: %v", c.name, sc.Text(), err)
			}
			return f
		}
	}
	b.Fatalf("%s /metrics: no scamcheck_redis_round_trips_total", c.name)
	return 0
}

func (c *loadChild) cpu(b *testing.B) time.Duration {
	b.Helper()
	d, err := loadtest.ProcCPU(c.cmd.Process.Pid)
	if err != nil {
		b.Fatal(err)
	}
	return d
}

// stop sends SIGTERM and waits for a clean exit.
func (c *loadChild) stop(b *testing.B) {
	b.Helper()
	if err := c.cmd.Process.Signal(syscall.SIGTERM); err != nil {
		b.Fatal(err)
	}
	exited := make(chan error, 1)
	go func() { exited <- c.cmd.Wait() }()
	select {
	case err := <-exited:
		if err != nil {
			b.Errorf("%s: exit after SIGTERM: %v, want status 0; log %s", c.name, err, c.logPath)
		}
	case <-time.After(15 * time.Second):
		b.Errorf("%s did not exit within 15s of SIGTERM", c.name)
	}
}

// warnings counts the child's log lines at warn and above by message, and
// checks that the log never holds the token.
func (c *loadChild) warnings(b *testing.B) map[string]int {
	b.Helper()
	f, err := os.Open(c.logPath)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	out := map[string]int{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.Contains(line, loadtest.Token) {
			b.Errorf("%s's log holds the bot token", c.name)
		}
		// The level is read from the line's head: the engine's own
		// "level" field (a verdict's) follows it under the same key.
		level, _, _ := strings.Cut(strings.TrimPrefix(line, `{"level":"`), `"`)
		if level == "debug" || level == "info" {
			continue
		}
		var e struct{ Logger, Msg string }
		if !strings.HasPrefix(line, `{"level":"`) || json.Unmarshal([]byte(line), &e) != nil {
			out["(not a log line) "+line]++
			continue
		}
		out[level+" "+e.Logger+": "+e.Msg]++
	}
	return out
}

// loadRig is Redis, the fake Bot API and the bot's processes: one polling,
// or webhook replicas sharing the Redis.
type loadRig struct {
	rd       *redistest.Server
	rc       *redis.Client
	tg       *telegramtest.Server
	children []*loadChild
	posts    chan loadPost
	retries  chan int // deliveries the replicas refused and were posted again
	stop     func()
}

// loadPost is one webhook delivery for the driver's senders.
type loadPost struct {
	url string
	u   tgbotapi.Update
}

func newLoadRig(b *testing.B, replicas int) *loadRig {
	b.Helper()
	rd := redistest.Start(b)
	r := &loadRig{rd: rd, rc: rd.Client(), tg: telegramtest.New(b, loadtest.Token)}
	r.tg.Lean = true
	if replicas == 0 {
		r.children = append(r.children, startLoadChild(b, "polling", r.tg, rd, false))
		r.tg.Wait(b, 30*time.Second, "the bot to poll", func() bool { return r.tg.Count("getUpdates") > 0 })
		r.stop = func() {}
		return r
	}
	for i := 0; i < replicas; i++ {
		r.children = append(r.children, startLoadChild(b, "replica"+strconv.Itoa(i), r.tg, rd, true))
	}
	r.tg.Wait(b, 30*time.Second, "the replicas to register", func() bool { return r.tg.Count("setWebhook") >= replicas })
	// Telegram's side: up to telegram.DefaultMaxConnections deliveries at
	// once, each posted again until the replica accepts it.
	r.posts = make(chan loadPost)
	retries := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for i := 0; i < telegram.DefaultMaxConnections; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for p := range r.posts {
				for {
					code, err := r.tg.Post(p.url, loadHookSecret, p.u)
					if err == nil && code == http.StatusOK {
						break
					}
					mu.Lock()
					retries++
					mu.Unlock()
					time.Sleep(10 * time.Millisecond)
				}
			}
		}()
	}
	r.stop = func() {
		close(r.posts)
		wg.Wait()
		if retries > 0 {
			b.Logf("the replicas refused %d deliveries (posted again)", retries)
		}
	}
	return r
}

// deliver gives the updates to the bot, as Telegram would, and returns
// once every one is handled; webhook replicas get them in turn, starting
// with a different one each round (so that a person's updates move from
// replica to replica, as behind a load balancer).
func (r *loadRig) deliver(b *testing.B, updates []tgbotapi.Update, round string, n int) time.Duration {
	return r.deliverAt(b, updates, round, n, 0)
}

// deliverAt is deliver at an offered rate of perSecond updates a second,
// spread evenly (0: all at once, as fast as the bot takes them).
func (r *loadRig) deliverAt(b *testing.B, updates []tgbotapi.Update, round string, n int, perSecond float64) time.Duration {
	b.Helper()
	start := time.Now()
	pace := func(i int) {
		if perSecond <= 0 {
			return
		}
		// Sleep only when more than a millisecond ahead: timers are no
		// finer, and the updates between go out back to back.
		if ahead := time.Until(start.Add(time.Duration(float64(i) / perSecond * float64(time.Second)))); ahead > time.Millisecond {
			time.Sleep(ahead)
		}
	}
	if r.posts == nil {
		for i, u := range updates {
			pace(i)
			r.tg.Push(u)
		}
		r.children[0].given += len(updates)
	} else {
		for i, u := range updates {
			pace(i)
			c := r.children[(i+n)%len(r.children)]
			c.given++
			r.posts <- loadPost{url: c.hook, u: u}
		}
	}
	for _, c := range r.children {
		c.wait(b, round)
	}
	return time.Since(start)
}

// BenchmarkLoad is issue 6's load benchmark with the bot in processes of
// its own: `scamcheck run` in polling mode, then one and two webhook
// replicas sharing one Redis. This process runs redis-server (its own
// process), the fake Bot API and the driver. Run it with
//
//	SCAMCHECK_REQUIRE_REDIS=1 go test -run '^$' -bench BenchmarkLoad -benchtime 1x ./cmd/scamcheck
//
// The load: 1,000 people send ten updates each in ten rounds (forwarded
// messages in even rounds, presses on the bot's last keyboard in odd
// ones), each round delivered at once and waited for; then 9,000 more
// people forward one message each, so that 10,000 sessions exist. On a
// 2-core machine the processes share the cores: two replicas measure
// contention, not added hardware; the CPU per update of each process says
// what more cores would give.
//
// SCAMCHECK_LOADTEST_CPUPROFILE=dir writes each bot process's CPU profile
// during the ten rounds to dir; SCAMCHECK_LOADTEST_HEAPPROFILE=dir its heap
// profile at 10,000 sessions.
// pacedRates are the offered loads (updates a second) at which latency is
// also measured: half the throughput target, and the target itself.
var pacedRates = []float64{1000, 2000}

func BenchmarkLoad(b *testing.B) {
	b.Run("polling", func(b *testing.B) { benchmarkLoad(b, 0) })
	for _, n := range []int{1, 2} {
		b.Run("webhook-replicas="+strconv.Itoa(n), func(b *testing.B) { benchmarkLoad(b, n) })
	}
}

func benchmarkLoad(b *testing.B, replicas int) {
	for it := 0; it < b.N; it++ {
		b.StopTimer()
		r := newLoadRig(b, replicas)
		people := loadtest.NewPeople(0, loadtest.People)
		used0 := loadtest.UsedMemory(b, r.rc)
		load0 := loadtest.LoadAvg()

		type before struct {
			cpu   time.Duration
			trips float64
		}
		was := make([]before, len(r.children))
		for i, c := range r.children {
			was[i] = before{c.cpu(b), c.redisTrips(b)}
		}
		self0, rcpu0 := loadtest.SelfCPU(), loadtest.RedisCPU(b, r.rc)
		tgMethods := []string{"getUpdates", "sendMessage", "answerCallbackQuery", "editMessageText", "editMessageReplyMarkup"}
		tgCalls0 := make([]int, len(tgMethods))
		for i, m := range tgMethods {
			tgCalls0[i] = r.tg.Count(m)
		}
		profiles := os.Getenv("SCAMCHECK_LOADTEST_CPUPROFILE")
		for _, c := range r.children {
			if profiles != "" {
				path, err := filepath.Abs(filepath.Join(profiles, strings.ReplaceAll(b.Name(), "/", "_")+"-"+c.name+".cpu.pprof"))
				if err != nil {
					b.Fatal(err)
				}
				getJSON(b, http.MethodPost, c.debug+"/load/cpuprofile?path="+path, nil)
			}
		}

		var busy time.Duration
		for n := 0; n < loadtest.Rounds; n++ {
			updates := loadtest.Updates(r.tg, people, n, n%2 == 1)
			b.StartTimer()
			busy += r.deliver(b, updates, "round "+strconv.Itoa(n), n)
			b.StopTimer()
			if n%2 == 0 {
				loadtest.FindKeyboards(r.tg, people)
			}
		}

		self, rcpu := loadtest.SelfCPU()-self0, loadtest.RedisCPU(b, r.rc)-rcpu0
		var tgCalls []string
		for i, m := range tgMethods {
			tgCalls = append(tgCalls, fmt.Sprintf("%s %.2f", m, float64(r.tg.Count(m)-tgCalls0[i])/float64(loadtest.People*loadtest.Rounds)))
		}
		var botCPU time.Duration
		var trips float64
		perProcess := make([]string, len(r.children))
		for i, c := range r.children {
			cpu := c.cpu(b) - was[i].cpu
			botCPU += cpu
			trips += c.redisTrips(b) - was[i].trips
			perProcess[i] = fmt.Sprintf("%s %.3f", c.name, loadtest.Ms(cpu)/float64(c.given))
			if profiles != "" {
				getJSON(b, http.MethodDelete, c.debug+"/load/cpuprofile", nil)
			}
		}
		load1 := loadtest.LoadAvg()
		updates := loadtest.People * loadtest.Rounds
		var lat []time.Duration
		for _, c := range r.children {
			lat = append(lat, c.samples(b, 0)...)
		}
		slices.Sort(lat)
		keys := loadtest.KeyUsage(b, r.rc)
		perSession, sessions := keys[loadtest.SessionShape].Mean(), keys[loadtest.SessionShape].N
		used := loadtest.UsedMemory(b, r.rc)

		// Latency at a steady offered load rather than in bursts of a
		// thousand at once: two rounds (forwards, then presses) at each
		// rate, as Telegram would deliver a steady stream.
		var paced []string
		for i, rate := range pacedRates {
			from := make([]int, len(r.children))
			for j, c := range r.children {
				from[j] = len(c.samples(b, 0))
			}
			var took time.Duration
			for k := 0; k < 2; k++ {
				n := loadtest.Rounds + 2*i + k
				updates := loadtest.Updates(r.tg, people, n, k == 1)
				took += r.deliverAt(b, updates, fmt.Sprintf("paced %.0f/s %d", rate, k), n, rate)
				if k == 0 {
					loadtest.FindKeyboards(r.tg, people)
				}
			}
			var pl []time.Duration
			for j, c := range r.children {
				pl = append(pl, c.samples(b, from[j])...)
			}
			slices.Sort(pl)
			paced = append(paced, fmt.Sprintf("offered %.0f/s: handled %.0f/s, p50 %.2f ms, p99 %.2f ms",
				rate, float64(2*loadtest.People)/took.Seconds(), loadtest.Ms(loadtest.Percentile(pl, .50)), loadtest.Ms(loadtest.Percentile(pl, .99))))
			b.ReportMetric(loadtest.Ms(loadtest.Percentile(pl, .99)), fmt.Sprintf("p99-ms@%.0f/s", rate))
		}

		// Up to 10,000 sessions: 9,000 more people, one forward each.
		more := loadtest.NewPeople(loadtest.People, loadtest.MorePeople)
		var busyMore time.Duration
		for i := 0; i < loadtest.MorePeople; i += loadtest.People {
			updates := loadtest.Updates(r.tg, more[i:i+loadtest.People], i/loadtest.People, false)
			busyMore += r.deliver(b, updates, "new people "+strconv.Itoa(i), i/loadtest.People)
		}
		keys10k := loadtest.KeyUsage(b, r.rc)
		perSession10k, sessions10k := keys10k[loadtest.SessionShape].Mean(), keys10k[loadtest.SessionShape].N
		used10k := loadtest.UsedMemory(b, r.rc)
		load2 := loadtest.LoadAvg()
		var rss []string
		var maxRSS, maxHeap uint64
		for _, c := range r.children {
			var h loadHeap
			getJSON(b, http.MethodGet, c.debug+"/load/heap", &h)
			m, err := loadtest.ProcRSS(c.cmd.Process.Pid)
			if err != nil {
				b.Fatal(err)
			}
			maxRSS, maxHeap = max(maxRSS, m), max(maxHeap, h.HeapInuse)
			rss = append(rss, fmt.Sprintf("%s: VmRSS %.1f MB, Go heap in use %.1f MB (after a GC), goroutines %d",
				c.name, float64(m)/(1<<20), float64(h.HeapInuse)/(1<<20), h.Goroutines))
			if dir := os.Getenv("SCAMCHECK_LOADTEST_HEAPPROFILE"); dir != "" {
				saveURL(b, c.debug+"/debug/pprof/heap?gc=1", filepath.Join(dir, strings.ReplaceAll(b.Name(), "/", "_")+"-"+c.name+".heap.pprof"))
			}
		}
		r.stop()
		warnings := map[string]int{}
		for _, c := range r.children {
			c.stop(b)
			for k, v := range c.warnings(b) {
				warnings[c.name+": "+k] += v
			}
		}

		b.ReportMetric(float64(updates)/busy.Seconds(), "updates/s")
		b.ReportMetric(loadtest.Ms(loadtest.Percentile(lat, .50)), "p50-ms")
		b.ReportMetric(loadtest.Ms(loadtest.Percentile(lat, .99)), "p99-ms")
		b.ReportMetric(trips/float64(updates), "redis-rt/update")
		b.ReportMetric(loadtest.Ms(botCPU)/float64(updates), "bot-cpu-ms/update")
		b.ReportMetric(loadtest.Ms(rcpu)/float64(updates), "redis-cpu-ms/update")
		b.ReportMetric(loadtest.Ms(self)/float64(updates), "parent-cpu-ms/update")
		b.ReportMetric(perSession, "redis-B/session")
		b.ReportMetric(float64(used10k-used0)/float64(loadtest.People+loadtest.MorePeople), "redis-B/person@10k")
		b.ReportMetric(float64(maxRSS)/(1<<20), "bot-rss-MB@10k")
		b.ReportMetric(float64(maxHeap)/(1<<20), "bot-heap-MB@10k")

		b.Logf("%d updates from %d people in %v of rounds: %.0f updates/s; load average before %s, after %s",
			updates, loadtest.People, busy.Round(time.Millisecond), float64(updates)/busy.Seconds(), load0, load1)
		b.Logf("handling time without Telegram's calls (exact, %d samples): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms",
			len(lat), loadtest.Ms(loadtest.Percentile(lat, .50)), loadtest.Ms(loadtest.Percentile(lat, .90)),
			loadtest.Ms(loadtest.Percentile(lat, .99)), loadtest.Ms(lat[len(lat)-1]))
		b.Logf("CPU ms per update: bot %.3f (%s), redis-server %.3f, this process (fake Bot API and driver) %.3f; "+
			"the bot and Redis alone on 2 idle cores: at most %.0f updates/s",
			loadtest.Ms(botCPU)/float64(updates), strings.Join(perProcess, ", "), loadtest.Ms(rcpu)/float64(updates),
			loadtest.Ms(self)/float64(updates), 2*float64(updates)/(botCPU+rcpu).Seconds())
		b.Logf("Redis after the rounds: %.2f round trips per update (the bot's own count); session key %.0f bytes (MEMORY USAGE, mean of %d); "+
			"used_memory grew %.0f bytes per person; keys: %s",
			trips/float64(updates), perSession, sessions, float64(used-used0)/float64(loadtest.People), loadtest.DescribeKeys(keys))
		b.Logf("%d more people, one forward each: %.0f updates/s; load average %s", loadtest.MorePeople, float64(loadtest.MorePeople)/busyMore.Seconds(), load2)
		b.Logf("Redis at %d sessions: session key %.0f bytes (MEMORY USAGE); used_memory grew %.0f bytes per person since start; keys: %s",
			sessions10k, perSession10k, float64(used10k-used0)/float64(loadtest.People+loadtest.MorePeople), loadtest.DescribeKeys(keys10k))
		b.Logf("Telegram calls per update: %s; steady load (%d updates each): %s", strings.Join(tgCalls, ", "), 2*loadtest.People, strings.Join(paced, "; "))
		// One line for all processes: go test keeps ten lines of a
		// benchmark's log.
		b.Logf("at %d sessions: %s", sessions10k, strings.Join(rss, "; "))
		b.Logf("warnings and errors the bot logged: %s", describeCounts(warnings))
	}
}

func saveURL(b *testing.B, url, path string) {
	b.Helper()
	resp, err := http.Get(url)
	if err != nil {
		b.Fatal(err)
	}
	defer resp.Body.Close()
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if _, err := io.Copy(f, resp.Body); err != nil {
		b.Fatal(err)
	}
}

func describeCounts(m map[string]int) string {
	if len(m) == 0 {
		return "none"
	}
	var out []string
	for k, v := range m {
		out = append(out, fmt.Sprintf("%d× %q", v, k))
	}
	slices.Sort(out)
	return strings.Join(out, "; ")
}
