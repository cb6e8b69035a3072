package llm

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/internal/redistest"
)

// recordingStore passes every call to a real store and remembers what was
// written, so tests can check TTLs and that no text is stored.
type recordingStore struct {
	Store
	mu     sync.Mutex
	writes []write
}

type write struct {
	key string
	val []byte
	ttl time.Duration
}

func (r *recordingStore) IncrWithTTL(ctx context.Context, key string, ttl time.Duration) (int64, error) {
	r.mu.Lock()
	r.writes = append(r.writes, write{key: key, ttl: ttl})
	r.mu.Unlock()
	return r.Store.IncrWithTTL(ctx, key, ttl)
}

func (r *recordingStore) IncrPersonWithTTL(ctx context.Context, userKey, name string, ttl time.Duration) (int64, error) {
	r.mu.Lock()
	r.writes = append(r.writes, write{key: "person:" + userKey + ":" + name, ttl: ttl})
	r.mu.Unlock()
	return r.Store.IncrPersonWithTTL(ctx, userKey, name, ttl)
}

func (r *recordingStore) SetBytes(ctx context.Context, key string, val []byte, ttl time.Duration) error {
	r.mu.Lock()
	r.writes = append(r.writes, write{key: key, val: append([]byte(nil), val...), ttl: ttl})
	r.mu.Unlock()
	return r.Store.SetBytes(ctx, key, val, ttl)
}

// rawKey is a key as an operator sees it in the store.
type rawKey struct {
	key string
	val []byte
	ttl time.Duration
}

// forEachStore runs test against every Store: this package's memory store,
// the bot's memory store, and the bot's Redis store on a real redis-server
// and on a real three-master Redis Cluster. raw lists the stored keys where
// the store can be inspected (nil otherwise).
func forEachStore(t *testing.T, test func(t *testing.T, s Store, raw func() []rawKey)) {
	t.Run("llm.MemoryStore", func(t *testing.T) { test(t, NewMemoryStore(), nil) })
	t.Run("store.Memory", func(t *testing.T) { test(t, store.NewMemory(), nil) })
	t.Run("store.Redis", func(t *testing.T) {
		c := redistest.Start(t).Client()
		t.Cleanup(func() { c.Close() })
		test(t, store.NewRedis(c, ""), func() []rawKey { return rawKeys(t, c, c.Keys(context.Background(), "*").Val()) })
	})
	t.Run("store.Redis cluster", func(t *testing.T) {
		cl := redistest.SharedCluster(t)
		c := cl.Client()
		t.Cleanup(func() { c.Close() })
		test(t, store.NewRedis(c, ""), func() []rawKey {
			ks, err := cl.Keys(context.Background())
			if err != nil {
				t.Fatal(err)
			}
			return rawKeys(t, c, ks)
		})
	})
}

func rawKeys(t *testing.T, c redis.Cmdable, keys []string) []rawKey {
	t.Helper()
	ctx := context.Background()
	var out []rawKey
	for _, k := range keys {
		var val []byte
		switch typ := c.Type(ctx, k).Val(); typ {
		case "string":
			var err error
			if val, err = c.Get(ctx, k).Bytes(); err != nil {
				t.Fatalf("GET %s: %v", k, err)
			}
		case "hash":
			// A person's counters: every field and value.
			for f, v := range c.HGetAll(ctx, k).Val() {
				val = append(val, f+"="+v+" "...)
			}
		default:
			t.Fatalf("key %s is a %s, want a string or a hash", k, typ)
		}
		out = append(out, rawKey{key: k, val: val, ttl: c.PTTL(ctx, k).Val()})
	}
	return out
}

func TestMain(m *testing.M) {
	code := m.Run()
	redistest.StopSharedCluster()
	os.Exit(code)
}

// distinctGrey returns n different texts the test rules call low.
func distinctGrey(rules rulesTable, n int) []string {
	var texts []string
	for i := range n {
		text := fmt.Sprintf("%s Reference number %c.", greyCourier, 'A'+i)
		rules[text] = rules[greyCourier]
		texts = append(texts, text)
	}
	return texts
}

func TestBudgets(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store, _ func() []rawKey) {
		f := newFakeAPI(t)
		rules := testRules()
		clock := newFakeClock()
		c, err := New(f.client(), rules, s, Config{Model: "m", UserDailyLimit: 2, GlobalDailyLimit: 3, Now: clock.Now})
		if err != nil {
			t.Fatal(err)
		}
		texts := distinctGrey(rules, 8)
		ctx := context.Background()
		steps := []struct {
			user, text string
			want       string
			wantCalls  int
		}{
			{"a11ce0000000000000000000000000a1", texts[0], classifier.ModelAnswered, 1},
			{"a11ce0000000000000000000000000a1", texts[1], classifier.ModelAnswered, 2},
			{"a11ce0000000000000000000000000a1", texts[2], classifier.ModelUnavailable, 2}, // alice's budget
			{"b0b00000000000000000000000000b0b", texts[3], classifier.ModelAnswered, 3},
			{"ca1010000000000000000000000ca101", texts[4], classifier.ModelUnavailable, 3}, // global budget
			{"a11ce0000000000000000000000000a1", texts[0], classifier.ModelAnswered, 3},    // cached: free
		}
		for i, st := range steps {
			got := c.Check(ctx, st.user, st.text)
			if got.ModelStatus != st.want {
				t.Errorf("step %d (%s): status = %q, want %q", i, st.user, got.ModelStatus, st.want)
			}
			if st.want == classifier.ModelUnavailable && got.Level != classifier.LevelLow {
				t.Errorf("step %d: over budget level = %s, want the rules' low", i, got.Level)
			}
			if n := f.callCount(); n != st.wantCalls {
				t.Errorf("step %d: model calls = %d, want %d", i, n, st.wantCalls)
			}
		}
		// A new UTC day brings a new budget.
		clock.Advance(24 * time.Hour)
		if got := c.Check(ctx, "ca1010000000000000000000000ca101", texts[5]); got.ModelStatus != classifier.ModelAnswered {
			t.Errorf("next day: status = %q, want answered", got.ModelStatus)
		}
	})
}

func TestCacheAnswersRepeat(t *testing.T) {
	forEachStore(t, func(t *testing.T, s Store, raw func() []rawKey) {
		f := newFakeAPI(t)
		rules := testRules()
		variant := "  YOUR parcel could not be delivered.\nPay the redelivery charge today or it goes back to the sender.  "
		rules[variant] = rules[greyCourier]
		rec := &recordingStore{Store: s}
		c, err := New(f.client(), rules, rec, Config{Model: "m", CacheTTL: time.Hour})
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		first := c.Check(ctx, "a11ce0000000000000000000000000a1", greyCourier)
		second := c.Check(ctx, "b0b00000000000000000000000000b0b", greyCourier)
		third := c.Check(ctx, "b0b00000000000000000000000000b0b", variant)
		if n := f.callCount(); n != 1 {
			t.Errorf("model calls = %d, want 1 (repeats served from the cache)", n)
		}
		for i, got := range []classifier.Verdict{second, third} {
			if got.Level != first.Level || got.Type != first.Type || strings.Join(got.ModelReasons, ",") != strings.Join(first.ModelReasons, ",") || got.Source != classifier.SourceRulesLLM {
				t.Errorf("repeat %d = %s/%s/%q/%q, want %s/%s/%q/%q", i, got.Level, got.Type, got.ModelReasons, got.Source,
					first.Level, first.Type, first.ModelReasons, classifier.SourceRulesLLM)
			}
		}
		// Nothing readable about the message in the store, and a TTL on
		// every key.
		rec.mu.Lock()
		defer rec.mu.Unlock()
		writes := rec.writes
		if raw != nil {
			writes = nil
			for _, k := range raw() {
				writes = append(writes, write{key: k.key, val: k.val, ttl: k.ttl})
			}
			if len(writes) < 3 {
				t.Errorf("store holds %d keys, want the counters and two cached answers", len(writes))
			}
		}
		for _, w := range writes {
			if w.ttl <= 0 {
				t.Errorf("key %q written without a TTL", w.key)
			}
			for _, secret := range []string{"parcel", "Couriers", "alice", "bob"} {
				if bytes.Contains(bytes.ToLower(w.val), []byte(strings.ToLower(secret))) {
					t.Errorf("value at %q contains %q", w.key, secret)
				}
			}
			if strings.Contains(strings.ToLower(w.key), "parcel") {
				t.Errorf("key %q contains message text", w.key)
			}
		}
	})
}

// TestCacheExpires uses the package's memory store on a fake clock.
func TestCacheExpires(t *testing.T) {
	f := newFakeAPI(t)
	clock := newFakeClock()
	c := newTestChecker(t, f, NewMemoryStoreAt(clock.Now), Config{CacheTTL: time.Hour, Now: clock.Now})
	c.Check(context.Background(), "u", greyCourier)
	clock.Advance(59 * time.Minute)
	c.Check(context.Background(), "u", greyCourier)
	if n := f.callCount(); n != 1 {
		t.Errorf("model calls within the TTL = %d, want 1", n)
	}
	clock.Advance(2 * time.Minute)
	c.Check(context.Background(), "u", greyCourier)
	if n := f.callCount(); n != 2 {
		t.Errorf("model calls after the TTL = %d, want 2", n)
	}
}

// TestCacheOtherSecret: answers cached under another secret are not read.
func TestCacheOtherSecret(t *testing.T) {
	f := newFakeAPI(t)
	s := NewMemoryStore()
	a := newTestChecker(t, f, s, Config{CacheSecret: []byte("secret-a")})
	b := newTestChecker(t, f, s, Config{CacheSecret: []byte("secret-b")})
	a.Check(context.Background(), "u", greyCourier)
	b.Check(context.Background(), "u", greyCourier)
	if n := f.callCount(); n != 2 {
		t.Errorf("model calls = %d, want 2", n)
	}
}

// TestStoreDownRefusesCall: when the budget cannot be counted the model is
// not called (the operator's bill is bounded) and the person still gets the
// rules' verdict.
func TestStoreDownRefusesCall(t *testing.T) {
	srv := redistest.Start(t)
	if !srv.Stoppable() {
		t.Skip("external Redis cannot be stopped")
	}
	c := srv.Client()
	t.Cleanup(func() { c.Close() })
	f := newFakeAPI(t)
	ch := newTestChecker(t, f, store.NewRedis(c, ""), Config{Timeout: 2 * time.Second})
	srv.Stop()
	got := ch.Check(context.Background(), "a11ce0000000000000000000000000a1", greyCourier)
	assertRulesUnavailable(t, got, testRules().Classify(greyCourier))
	if n := f.callCount(); n != 0 {
		t.Errorf("model calls with the store down = %d, want 0", n)
	}
	if ch.breaker.open() {
		t.Errorf("a store failure opened the model's breaker")
	}
}

func TestBreakerOpensAndCloses(t *testing.T) {
	f := newFakeAPI(t)
	f.setReply(failWith(http.StatusInternalServerError))
	clock := newFakeClock()
	rules := testRules()
	texts := distinctGrey(rules, 12)
	c, err := New(f.client(), rules, NewMemoryStoreAt(clock.Now), Config{
		Model: "m", BreakerFailures: 3, BreakerCooldown: time.Minute, Now: clock.Now,
	})
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	check := func(i int, wantStatus string, wantCalls int) {
		t.Helper()
		got := c.Check(ctx, "a11ce0000000000000000000000000a1", texts[i])
		if got.ModelStatus != wantStatus {
			t.Errorf("check %d: status = %q, want %q", i, got.ModelStatus, wantStatus)
		}
		if n := f.callCount(); n != wantCalls {
			t.Errorf("check %d: model calls = %d, want %d", i, n, wantCalls)
		}
	}
	// Three failures open it; the fourth message is not sent.
	check(0, classifier.ModelUnavailable, 1)
	check(1, classifier.ModelUnavailable, 2)
	check(2, classifier.ModelUnavailable, 3)
	check(3, classifier.ModelUnavailable, 3)
	clock.Advance(59 * time.Second)
	check(4, classifier.ModelUnavailable, 3)
	// After the cool-down one probe goes out; it fails, so it opens again.
	clock.Advance(2 * time.Second)
	check(5, classifier.ModelUnavailable, 4)
	check(6, classifier.ModelUnavailable, 4)
	// The endpoint recovers: the next probe closes the breaker.
	f.setReply(answerWith(`{"level":"medium","type":"courier","reason":"Unexpected fees are a warning sign."}`))
	clock.Advance(61 * time.Second)
	check(7, classifier.ModelAnswered, 5)
	check(8, classifier.ModelAnswered, 6)
	// One failure after recovery does not open it again.
	f.setReply(failWith(http.StatusBadGateway))
	check(9, classifier.ModelUnavailable, 7)
	f.setReply(answerWith(`{"level":"medium","type":"courier","reason":"Unexpected fees are a warning sign."}`))
	check(10, classifier.ModelAnswered, 8)
}

func TestBreakerSingleProbe(t *testing.T) {
	clock := newFakeClock()
	b := &breaker{limit: 1, cooldown: time.Minute, now: clock.Now}
	if !b.allow() {
		t.Fatal("closed breaker refused a call")
	}
	b.failure()
	if b.allow() {
		t.Fatal("open breaker allowed a call")
	}
	clock.Advance(time.Minute)
	if !b.allow() {
		t.Fatal("half-open breaker refused the probe")
	}
	if b.allow() {
		t.Error("half-open breaker allowed a second call while the probe is out")
	}
	b.release()
	if !b.allow() {
		t.Error("released probe was not offered again")
	}
	b.success()
	if b.open() || !b.allow() || !b.allow() {
		t.Error("breaker not closed after a successful probe")
	}
}
