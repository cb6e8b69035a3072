package store

import (
	"bytes"
	"context"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scamcheck/scamcheck/bot/llm"
	"github.com/scamcheck/scamcheck/internal/fakeclock"
	"github.com/scamcheck/scamcheck/internal/redistest"
)

// Both stores serve the model fallback's budgets and cache.
var (
	_ llm.Store = (*Redis)(nil)
	_ llm.Store = (*Memory)(nil)
)

// storeUnderTest is what both implementations offer.
type storeUnderTest interface {
	llm.Store
	Ping(ctx context.Context) error
	Begin(ctx context.Context, b Begin) (Claim, error)
	Extend(ctx context.Context, userKey, updateID, token string, ttl time.Duration) (bool, error)
	Finish(ctx context.Context, c Commit) (bool, error)
	Abort(ctx context.Context, userKey, updateID, token string) error
	Forget(ctx context.Context, userKey string) (int, error)
}

// inspector looks at the raw keys, as an operator would.
type inspector struct {
	keys  func() []string
	ttl   func(key string) (time.Duration, bool)
	value func(key string) []byte
}

func TestMain(m *testing.M) {
	code := m.Run()
	redistest.StopSharedCluster()
	os.Exit(code)
}

func newRedisStore(t *testing.T) (storeUnderTest, inspector) {
	srv := redistest.Start(t)
	c := srv.Client()
	ctx := context.Background()
	return NewRedis(c, ""), inspector{
		keys: func() []string { return c.Keys(ctx, "*").Val() },
		ttl: func(key string) (time.Duration, bool) {
			d, err := c.PTTL(ctx, key).Result()
			return d, err == nil && d != -2*time.Nanosecond
		},
		value: func(key string) []byte { b, _ := c.Get(ctx, key).Bytes(); return b },
	}
}

// newClusterStore runs the suite on a three-master Redis Cluster: every
// multi-key script must name keys of one slot.
func newClusterStore(t *testing.T) (storeUnderTest, inspector) {
	cl := redistest.SharedCluster(t)
	c := cl.Client()
	ctx := context.Background()
	return NewRedis(c, ""), inspector{
		keys: func() []string {
			ks, err := cl.Keys(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return ks
		},
		ttl: func(key string) (time.Duration, bool) {
			d, err := c.PTTL(ctx, key).Result()
			return d, err == nil && d != -2*time.Nanosecond
		},
		value: func(key string) []byte { b, _ := c.Get(ctx, key).Bytes(); return b },
	}
}

func newMemoryStore(*testing.T) (storeUnderTest, inspector) {
	m := NewMemory()
	return m, inspector{keys: m.Keys, ttl: m.TTL, value: m.Value}
}

var implementations = []struct {
	name string
	new  func(*testing.T) (storeUnderTest, inspector)
}{
	{"redis", newRedisStore},
	{"cluster", newClusterStore},
	{"memory", newMemoryStore},
}

const (
	alice = "0123456789abcdef0123456789abcdef"
	bob   = "fedcba9876543210fedcba9876543210"
)

// save handles an update the way the engine does: Begin, then Finish.
func save(ctx context.Context, s storeUnderTest, c Commit) error {
	c.Token = "save-token"
	if _, err := s.Begin(ctx, Begin{UserKey: c.UserKey, UpdateID: c.UpdateID, Token: c.Token, LockTTL: time.Minute}); err != nil {
		return err
	}
	_, err := s.Finish(ctx, c)
	return err
}

// load reads a person's session (seen: the update is done) and lets go of
// the lock again.
func load(ctx context.Context, s storeUnderTest, userKey, updateID string) (session []byte, seen bool, err error) {
	c, err := s.Begin(ctx, Begin{UserKey: userKey, UpdateID: updateID, Token: "load-token", LockTTL: time.Minute})
	if err != nil {
		return nil, false, err
	}
	if err := s.Abort(ctx, userKey, updateID, "load-token"); err != nil {
		return nil, false, err
	}
	return c.Session, c.Status == Done, nil
}

func TestSessionRoundTrip(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, in := impl.new(t)
			ctx := context.Background()
			if err := s.Ping(ctx); err != nil {
				t.Fatalf("Ping: got %v, want nil", err)
			}
			c, err := s.Begin(ctx, Begin{UserKey: alice, UpdateID: "u1", Token: "t1", LockTTL: time.Minute})
			if err != nil || c.Status != Acquired || c.Session != nil {
				t.Fatalf("Begin for a new person: got (%+v, %v), want (Acquired, no session)", c, err)
			}
			owned, err := s.Finish(ctx, Commit{UserKey: alice, Token: "t1", Session: []byte(`{"v":1}`), SessionTTL: time.Hour, UpdateID: "u1", SeenTTL: time.Hour})
			if err != nil || !owned {
				t.Fatalf("Finish: got (%v, %v), want (true, nil)", owned, err)
			}
			if c, err := s.Begin(ctx, Begin{UserKey: alice, UpdateID: "u1", Token: "t2", LockTTL: time.Minute}); err != nil || c.Status != Done {
				t.Fatalf("Begin of a handled update: got (%+v, %v), want Done", c, err)
			}
			c, err = s.Begin(ctx, Begin{UserKey: alice, UpdateID: "u2", Token: "t3", LockTTL: time.Minute})
			if err != nil || c.Status != Acquired || string(c.Session) != `{"v":1}` {
				t.Fatalf("Begin of a new update: got (%+v, %v), want Acquired with {\"v\":1}", c, err)
			}
			// A commit without a session (a panic, a limit) marks the update
			// and keeps the session.
			if _, err := s.Finish(ctx, Commit{UserKey: alice, Token: "t3", UpdateID: "u2", SeenTTL: time.Hour}); err != nil {
				t.Fatalf("Finish without session: got %v, want nil", err)
			}
			b, seen, _ := load(ctx, s, alice, "u2")
			if seen != true || b != nil {
				t.Errorf("after a session-less commit: got (%q, seen %v), want (nil, true)", b, seen)
			}
			if b, _, _ := load(ctx, s, alice, ""); string(b) != `{"v":1}` {
				t.Errorf("session after a session-less commit: got %q, want {\"v\":1}", b)
			}
			if b, _, err := load(ctx, s, bob, ""); err != nil || b != nil {
				t.Fatalf("Begin for another person: got (%q, %v), want (nil, nil)", b, err)
			}
			for _, k := range in.keys() {
				if strings.HasSuffix(k, ":l") {
					t.Errorf("lock %q left after every handling finished", k)
				}
			}
		})
	}
}

func TestLockIsExclusiveAndReleasedOnlyByItsOwner(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, _ := impl.new(t)
			ctx := context.Background()
			if c, err := s.Begin(ctx, Begin{UserKey: alice, UpdateID: "a1", Token: "owner", LockTTL: time.Minute}); err != nil || c.Status != Acquired {
				t.Fatalf("first Begin: got (%+v, %v), want Acquired", c, err)
			}
			c, err := s.Begin(ctx, Begin{UserKey: alice, UpdateID: "a2", Token: "other", LockTTL: time.Minute})
			if err != nil || c.Status != Busy || c.RetryIn <= 0 || c.RetryIn > time.Minute {
				t.Fatalf("Begin while locked: got (%+v, %v), want Busy with RetryIn in (0, 1m]", c, err)
			}
			// Another person is not held up.
			if c, err := s.Begin(ctx, Begin{UserKey: bob, UpdateID: "b1", Token: "bob", LockTTL: time.Minute}); err != nil || c.Status != Acquired {
				t.Fatalf("Begin of another person: got (%+v, %v), want Acquired", c, err)
			}
			// Someone else's token neither commits nor releases.
			owned, err := s.Finish(ctx, Commit{UserKey: alice, Token: "other", Session: []byte("theirs"), SessionTTL: time.Hour, UpdateID: "a2", SeenTTL: time.Hour})
			if err != nil || owned {
				t.Fatalf("Finish with a foreign token: got (%v, %v), want (false, nil)", owned, err)
			}
			if err := s.Abort(ctx, alice, "a2", "other"); err != nil {
				t.Fatal(err)
			}
			if ok, err := s.Extend(ctx, alice, "a2", "other", time.Minute); err != nil || ok {
				t.Fatalf("Extend with a foreign token: got (%v, %v), want (false, nil)", ok, err)
			}
			if c, _ := s.Begin(ctx, Begin{UserKey: alice, UpdateID: "a3", Token: "third", LockTTL: time.Minute}); c.Status != Busy {
				t.Fatalf("Begin after a foreign release: got %+v, want Busy (the owner still holds it)", c)
			}
			owned, err = s.Finish(ctx, Commit{UserKey: alice, Token: "owner", Session: []byte("mine"), SessionTTL: time.Hour, UpdateID: "a1", SeenTTL: time.Hour})
			if err != nil || !owned {
				t.Fatalf("Finish by the owner: got (%v, %v), want (true, nil)", owned, err)
			}
			c, err = s.Begin(ctx, Begin{UserKey: alice, UpdateID: "a3", Token: "third", LockTTL: time.Minute})
			if err != nil || c.Status != Acquired || string(c.Session) != "mine" {
				t.Fatalf("Begin after the owner finished: got (%+v, %v), want Acquired with the owner's session", c, err)
			}
		})
	}
}

func TestOneOfManyConcurrentBeginsWins(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, _ := impl.new(t)
			ctx := context.Background()
			var wg sync.WaitGroup
			var mu sync.Mutex
			got := map[Status]int{}
			for i := 0; i < 20; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					// The same update offered to 20 handlers at once.
					c, err := s.Begin(ctx, Begin{UserKey: alice, UpdateID: "dup", Token: "tok" + strconv.Itoa(i), LockTTL: time.Minute})
					if err != nil {
						t.Error(err)
						return
					}
					mu.Lock()
					got[c.Status]++
					mu.Unlock()
				}()
			}
			wg.Wait()
			if got[Acquired] != 1 || got[Busy] != 19 {
				t.Errorf("statuses: got %v, want 1 Acquired and 19 Busy", got)
			}
		})
	}
}

func TestACrashedHandlersClaimExpires(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, _ := impl.new(t)
			ctx := context.Background()
			if c, _ := s.Begin(ctx, Begin{UserKey: alice, UpdateID: "c1", Token: "crashed", LockTTL: 30 * time.Millisecond}); c.Status != Acquired {
				t.Fatalf("Begin: got %+v, want Acquired", c)
			}
			// The holder never finishes; the redelivery must be handled,
			// not skipped as done and not blocked forever.
			for i := 0; ; i++ {
				c, err := s.Begin(ctx, Begin{UserKey: alice, UpdateID: "c1", Token: "survivor", LockTTL: time.Minute})
				if err != nil {
					t.Fatal(err)
				}
				if c.Status == Acquired {
					break
				}
				if c.Status == Done {
					t.Fatal("a claim whose handler crashed counts as done")
				}
				if i == 300 {
					t.Fatal("the crashed handler's lock still held after 3s")
				}
				time.Sleep(10 * time.Millisecond)
			}
			if owned, err := s.Finish(ctx, Commit{UserKey: alice, Token: "crashed", Session: []byte("late"), SessionTTL: time.Hour, UpdateID: "c1", SeenTTL: time.Hour}); err != nil || owned {
				t.Fatalf("late Finish of the expired holder: got (%v, %v), want (false, nil)", owned, err)
			}
			if owned, err := s.Finish(ctx, Commit{UserKey: alice, Token: "survivor", Session: []byte("new"), SessionTTL: time.Hour, UpdateID: "c1", SeenTTL: time.Hour}); err != nil || !owned {
				t.Fatalf("Finish of the survivor: got (%v, %v), want (true, nil)", owned, err)
			}
			if b, _, _ := load(ctx, s, alice, ""); string(b) != "new" {
				t.Errorf("session: got %q, want the survivor's %q", b, "new")
			}
		})
	}
}

func TestExtendKeepsTheLock(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, in := impl.new(t)
			ctx := context.Background()
			if c, _ := s.Begin(ctx, Begin{UserKey: alice, UpdateID: "e1", Token: "slow", LockTTL: time.Second}); c.Status != Acquired {
				t.Fatalf("Begin: got %+v, want Acquired", c)
			}
			if ok, err := s.Extend(ctx, alice, "e1", "slow", time.Hour); err != nil || !ok {
				t.Fatalf("Extend by the owner: got (%v, %v), want (true, nil)", ok, err)
			}
			for _, k := range in.keys() {
				if d, _ := in.ttl(k); d < 30*time.Minute || d > time.Hour {
					t.Errorf("TTL of %q after Extend: got %v, want about 1h", k, d)
				}
			}
		})
	}
}

func TestAbortLetsARedeliveryIn(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, in := impl.new(t)
			ctx := context.Background()
			if c, _ := s.Begin(ctx, Begin{UserKey: alice, UpdateID: "f1", Token: "t", LockTTL: time.Minute}); c.Status != Acquired {
				t.Fatalf("Begin: got %+v, want Acquired", c)
			}
			if err := s.Abort(ctx, alice, "f1", "t"); err != nil {
				t.Fatal(err)
			}
			if ks := in.keys(); len(ks) != 0 {
				t.Errorf("keys after Abort: got %q, want none", ks)
			}
			if c, _ := s.Begin(ctx, Begin{UserKey: alice, UpdateID: "f1", Token: "t2", LockTTL: time.Minute}); c.Status != Acquired {
				t.Errorf("Begin after Abort: got %+v, want Acquired", c)
			}
		})
	}
}

func TestAForgottenCommitLeavesNoKey(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, in := impl.new(t)
			ctx := context.Background()
			if err := save(ctx, s, Commit{UserKey: alice, Session: []byte("s"), SessionTTL: time.Hour, UpdateID: "g1", SeenTTL: time.Hour}); err != nil {
				t.Fatal(err)
			}
			if c, _ := s.Begin(ctx, Begin{UserKey: alice, UpdateID: "g2", Token: "fg", LockTTL: time.Minute}); c.Status != Acquired {
				t.Fatalf("Begin: got %+v, want Acquired", c)
			}
			if _, err := s.Forget(ctx, alice); err != nil {
				t.Fatal(err)
			}
			owned, err := s.Finish(ctx, Commit{UserKey: alice, Token: "fg", UpdateID: "g2", Forgotten: true})
			if err != nil || !owned {
				t.Fatalf("Finish after Forget: got (%v, %v), want (true, nil)", owned, err)
			}
			if ks := in.keys(); len(ks) != 0 {
				t.Errorf("keys after /forget was handled: got %q, want none", ks)
			}
		})
	}
}

func TestEveryKeyHasATTL(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, in := impl.new(t)
			ctx := context.Background()
			if err := save(ctx, s, Commit{UserKey: alice, Session: []byte("x"), SessionTTL: 30 * 24 * time.Hour, UpdateID: "9", SeenTTL: 25 * time.Hour}); err != nil {
				t.Fatal(err)
			}
			// A handling in progress: its lock and its claim.
			if c, err := s.Begin(ctx, Begin{UserKey: bob, UpdateID: "10", Token: "t", LockTTL: 10 * time.Second}); err != nil || c.Status != Acquired {
				t.Fatalf("Begin: got (%+v, %v), want Acquired", c, err)
			}
			if _, err := s.IncrPersonWithTTL(ctx, alice, "llm:20261202", time.Minute); err != nil {
				t.Fatal(err)
			}
			if err := s.SetBytes(ctx, "tg:offset", []byte("42"), time.Hour); err != nil {
				t.Fatal(err)
			}
			ks := in.keys()
			if len(ks) != 4 {
				t.Fatalf("keys: got %q, want 4 keys (alice's record and counters, bob's lock, the offset)", ks)
			}
			for _, k := range ks {
				if !strings.HasPrefix(k, DefaultPrefix) {
					t.Errorf("key %q: want prefix %q", k, DefaultPrefix)
				}
				d, ok := in.ttl(k)
				if !ok || d <= 0 || d > 30*24*time.Hour {
					t.Errorf("TTL of %q: got %v (present %v), want in (0, 30d]", k, d, ok)
				}
			}
		})
	}
}

func TestWritesWithoutTTLAreRefused(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, in := impl.new(t)
			ctx := context.Background()
			errs := []error{
				finishErr(s.Finish(ctx, Commit{UserKey: alice, Token: "t", Session: []byte("x")})),
				finishErr(s.Finish(ctx, Commit{UserKey: alice, Token: "t", UpdateID: "1"})),
				s.SetBytes(ctx, "k", []byte("v"), 0),
			}
			_, err := s.Begin(ctx, Begin{UserKey: alice, UpdateID: "1", Token: "t"})
			errs = append(errs, err)
			_, err = s.Extend(ctx, alice, "1", "t", 0)
			errs = append(errs, err)
			_, err = s.IncrWithTTL(ctx, "n", 0)
			errs = append(errs, err)
			for i, err := range errs {
				if err == nil {
					t.Errorf("write %d without TTL: got nil error, want one", i)
				}
			}
			if ks := in.keys(); len(ks) != 0 {
				t.Errorf("keys after refused writes: got %q, want none", ks)
			}
		})
	}
}

func TestKeysExpire(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, _ := impl.new(t)
			ctx := context.Background()
			if err := save(ctx, s, Commit{UserKey: alice, Session: []byte("x"), SessionTTL: 20 * time.Millisecond}); err != nil {
				t.Fatal(err)
			}
			if err := s.SetBytes(ctx, "k", []byte("v"), 20*time.Millisecond); err != nil {
				t.Fatal(err)
			}
			// Poll rather than sleep a fixed time: the assertion is that the
			// keys go, not when.
			for i := 0; ; i++ {
				b, _, _ := load(ctx, s, alice, "")
				_, ok, _ := s.GetBytes(ctx, "k")
				if b == nil && !ok {
					return
				}
				if i == 300 {
					t.Fatalf("keys with a 20ms TTL still there after 3s: session %q, kv %v", b, ok)
				}
				time.Sleep(10 * time.Millisecond)
			}
		})
	}
}

func TestForgetDeletesEveryKeyOfThePerson(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, in := impl.new(t)
			ctx := context.Background()
			for _, u := range []string{alice, bob} {
				if err := save(ctx, s, Commit{UserKey: u, Session: []byte("s"), SessionTTL: time.Hour, UpdateID: "up-" + u[:4], SeenTTL: time.Hour}); err != nil {
					t.Fatal(err)
				}
				if _, err := s.IncrPersonWithTTL(ctx, u, "llm:day", time.Hour); err != nil {
					t.Fatal(err)
				}
			}
			n, err := s.Forget(ctx, alice)
			if err != nil {
				t.Fatalf("Forget: got %v, want nil", err)
			}
			// Alice's record (session and marks) and her counters.
			if n != 2 {
				t.Errorf("Forget deleted %d keys, want 2 (record, counters)", n)
			}
			if b, seen, _ := load(ctx, s, alice, "up-"+alice[:4]); b != nil || seen {
				t.Errorf("after Forget: got (session %q, seen %v), want (nil, false)", b, seen)
			}
			if n, _ := s.IncrPersonWithTTL(ctx, alice, "llm:day", time.Hour); n != 1 {
				t.Errorf("alice's counter after Forget: got %d, want 1 (a new count)", n)
			}
			if n, _ := s.IncrPersonWithTTL(ctx, bob, "llm:day", time.Hour); n != 2 {
				t.Errorf("bob's counter after alice's Forget: got %d, want 2", n)
			}
			if _, err := s.Forget(ctx, alice); err != nil {
				t.Fatal(err)
			}
			for _, k := range in.keys() {
				if strings.Contains(k, alice) {
					t.Errorf("key %q of the forgotten person is still there", k)
				}
			}
			if b, _, _ := load(ctx, s, bob, ""); string(b) != "s" {
				t.Errorf("other person's session after Forget: got %q, want %q", b, "s")
			}
		})
	}
}

func TestIncrWithTTLCountsAtomically(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, in := impl.new(t)
			ctx := context.Background()
			fiftyAtOnce(t, func() (int64, error) { return s.IncrWithTTL(ctx, "counter", time.Hour) })
			if d, ok := in.ttl(DefaultPrefix + "kv:counter"); !ok || d <= 0 || d > time.Hour {
				t.Errorf("counter TTL: got %v (present %v), want in (0, 1h]", d, ok)
			}
		})
	}
}

func TestBytesRoundTrip(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, _ := impl.new(t)
			ctx := context.Background()
			if _, ok, err := s.GetBytes(ctx, "absent"); ok || err != nil {
				t.Fatalf("GetBytes(absent): got (ok %v, %v), want (false, nil)", ok, err)
			}
			val := []byte{0, 1, 2, 0xff, 'x'}
			if err := s.SetBytes(ctx, "bin", val, time.Hour); err != nil {
				t.Fatal(err)
			}
			got, ok, err := s.GetBytes(ctx, "bin")
			if !ok || err != nil || !bytes.Equal(got, val) {
				t.Fatalf("GetBytes: got (%v, %v, %v), want (%v, true, nil)", got, ok, err, val)
			}
			got[0] = 9 // the caller owns what it got
			if again, _, _ := s.GetBytes(ctx, "bin"); !bytes.Equal(again, val) {
				t.Fatalf("stored value changed through a returned slice: got %v", again)
			}
		})
	}
}

func TestUserKeysMustBeHashes(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, _ := impl.new(t)
			ctx := context.Background()
			for _, k := range []string{"", "12345", "0123456789abcdef*", "0123456789ABCDEF0123"} {
				if _, err := s.Begin(ctx, Begin{UserKey: k, Token: "t", LockTTL: time.Minute}); err == nil {
					t.Errorf("Begin(%q): got nil error, want one", k)
				}
				if _, err := s.Finish(ctx, Commit{UserKey: k, Token: "t", Session: []byte("x"), SessionTTL: time.Hour}); err == nil {
					t.Errorf("Finish(%q): got nil error, want one", k)
				}
				if _, err := s.Forget(ctx, k); err == nil {
					t.Errorf("Forget(%q): got nil error, want one", k)
				}
			}
		})
	}
}

func TestRedisDownGivesErrorsNotPanics(t *testing.T) {
	srv := redistest.Start(t)
	if !srv.Stoppable() {
		t.Skip("external Redis cannot be stopped")
	}
	s := NewRedis(srv.Client(), "")
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	srv.Stop()
	if _, err := s.Begin(ctx, Begin{UserKey: alice, UpdateID: "1", Token: "t", LockTTL: time.Minute}); err == nil {
		t.Error("Begin with Redis down: got nil error")
	}
	if _, err := s.Finish(ctx, Commit{UserKey: alice, Token: "t", Session: []byte("x"), SessionTTL: time.Hour}); err == nil {
		t.Error("Finish with Redis down: got nil error")
	}
	srv.Restart()
	// go-redis reconnects by itself.
	var err error
	for i := 0; i < 100; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err = save(ctx, s, Commit{UserKey: alice, Session: []byte("x"), SessionTTL: time.Hour})
		cancel()
		if err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("Begin and Finish after Redis came back: got %v, want nil", err)
	}
}

// finishErr keeps Finish's error.
func finishErr(_ bool, err error) error { return err }

// setClock sets the clock a store uses for marks and counter windows (and,
// in memory, for every TTL).
func setClock(s storeUnderTest, now func() time.Time) {
	switch st := s.(type) {
	case *Redis:
		st.now = now
	case *Memory:
		st.now = now
	}
}

func TestMarksKeepTheNewestUpdatesOfTheirWindow(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, in := impl.new(t)
			clock := fakeclock.New(time.Now())
			setClock(s, clock.Now)
			ctx := context.Background()
			commit := func(id string) {
				t.Helper()
				if err := save(ctx, s, Commit{UserKey: alice, Session: []byte("s-" + id), SessionTTL: 30 * 24 * time.Hour, UpdateID: id, SeenTTL: time.Hour}); err != nil {
					t.Fatal(err)
				}
			}
			seen := func(id string) bool {
				t.Helper()
				_, done, err := load(ctx, s, alice, id)
				if err != nil {
					t.Fatal(err)
				}
				return done
			}
			commit("tg:1:old")
			clock.Advance(2 * time.Hour)
			commit("tg:1:100")
			if seen("tg:1:old") {
				t.Errorf("a mark older than SeenTTL survived the next commit")
			}
			for i := 101; i < 100+MaxMarks; i++ {
				commit("tg:1:" + strconv.Itoa(i))
			}
			for i := 100; i < 100+MaxMarks; i++ {
				if !seen("tg:1:" + strconv.Itoa(i)) {
					t.Errorf("update %d of the newest %d: not marked", i, MaxMarks)
				}
			}
			commit("tg:1:999")
			if seen("tg:1:100") {
				t.Errorf("the oldest of %d marks survived one more: got seen, want dropped", MaxMarks+1)
			}
			// A repeated commit of one update keeps one mark of it.
			commit("tg:1:999")
			var rec []byte
			for _, k := range in.keys() {
				if strings.HasSuffix(k, ":s") {
					rec = in.value(k)
				}
			}
			marks, session := splitRecord(rec)
			if n := len(strings.Fields(marks)); n != MaxMarks {
				t.Errorf("marks in the record: got %d (%q), want %d", n, marks, MaxMarks)
			}
			if string(session) != "s-tg:1:999" {
				t.Errorf("session: got %q, want %q", session, "s-tg:1:999")
			}
		})
	}
}

func TestAMarkWithoutASessionLivesSeenTTL(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, in := impl.new(t)
			ctx := context.Background()
			// The update was answered but the session was not to be kept
			// (a failed /forget): only the mark is written.
			if err := save(ctx, s, Commit{UserKey: alice, UpdateID: "tg:1:5", SeenTTL: time.Hour}); err != nil {
				t.Fatal(err)
			}
			ks := in.keys()
			if len(ks) != 1 {
				t.Fatalf("keys: got %q, want the record alone", ks)
			}
			if d, _ := in.ttl(ks[0]); d <= 59*time.Minute || d > time.Hour {
				t.Errorf("TTL of a marks-only record: got %v, want about 1h", d)
			}
			if b, seen, _ := load(ctx, s, alice, "tg:1:5"); b != nil || !seen {
				t.Errorf("got (session %q, seen %v), want (nil, true)", b, seen)
			}
			// A session written later gets the session's TTL, and the mark
			// stays.
			if err := save(ctx, s, Commit{UserKey: alice, Session: []byte("x"), SessionTTL: 30 * 24 * time.Hour}); err != nil {
				t.Fatal(err)
			}
			if d, _ := in.ttl(ks[0]); d < 29*24*time.Hour {
				t.Errorf("TTL after a session was saved: got %v, want about 30 days", d)
			}
			if _, seen, _ := load(ctx, s, alice, "tg:1:5"); !seen {
				t.Errorf("mark lost when the session was saved")
			}
		})
	}
}

// TestRecordsAreTheSameInRedisAndMemory holds the Lua scripts and the Go
// code of record.go to one format: the same commits on the same clock
// leave the same bytes.
func TestRecordsAreTheSameInRedisAndMemory(t *testing.T) {
	clock := fakeclock.New(time.Unix(1_780_000_000, 0))
	records := map[string][]byte{}
	for _, impl := range implementations {
		s, in := impl.new(t)
		setClock(s, clock.Now)
		ctx := context.Background()
		for i, c := range []Commit{
			{UserKey: alice, UpdateID: "tg:42:1", SeenTTL: time.Hour},
			{UserKey: alice, Session: []byte(`{"v":1,"s":{"lang":"zh"}}`), SessionTTL: time.Hour, UpdateID: "tg:42:2", SeenTTL: time.Hour},
			{UserKey: alice, UpdateID: "tg:42:3", SeenTTL: time.Hour},
			{UserKey: alice, Session: []byte("line one\nline two"), SessionTTL: time.Hour, SeenTTL: time.Hour},
			{UserKey: alice, UpdateID: "tg:42:2", SeenTTL: time.Hour},
		} {
			if err := save(ctx, s, c); err != nil {
				t.Fatalf("%s: commit %d: %v", impl.name, i, err)
			}
		}
		records[impl.name] = in.value(DefaultPrefix + "u:{" + alice + "}:s")
	}
	at := "=" + strconv.FormatInt(1_780_000_000, 36)
	want := markOf("tg:42:1") + at + " " + markOf("tg:42:3") + at + " " + markOf("tg:42:2") + at + "\nline one\nline two"
	for name, rec := range records {
		if string(rec) != want {
			t.Errorf("%s record: got %q, want %q", name, rec, want)
		}
	}
}

func TestASessionWithoutMarksIsRead(t *testing.T) {
	srv := redistest.Start(t)
	c := srv.Client()
	s := NewRedis(c, "")
	ctx := context.Background()
	// A record written before marks shared the session's key.
	if err := c.Set(ctx, DefaultPrefix+"u:{"+alice+"}:s", `{"v":1}`, time.Hour).Err(); err != nil {
		t.Fatal(err)
	}
	if b, seen, err := load(ctx, s, alice, "tg:1:1"); err != nil || seen || string(b) != `{"v":1}` {
		t.Fatalf("got (%q, seen %v, %v), want ({\"v\":1}, false, nil)", b, seen, err)
	}
	if err := save(ctx, s, Commit{UserKey: alice, UpdateID: "tg:1:1", SeenTTL: time.Hour}); err != nil {
		t.Fatal(err)
	}
	if _, seen, _ := load(ctx, s, alice, "tg:1:1"); !seen {
		t.Errorf("update marked on a session without marks: got not seen, want seen")
	}
	if b, _, _ := load(ctx, s, alice, ""); string(b) != `{"v":1}` {
		t.Errorf("session after a mark: got %q, want {\"v\":1}", b)
	}
}

func TestUpdateIDsOfAnyFormAreMarked(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, _ := impl.new(t)
			ctx := context.Background()
			ids := []string{"a b", "a=b", "a\nb", "é", strings.Repeat("x", 1000), "tg:7123456789:912345678"}
			for _, id := range ids {
				if err := save(ctx, s, Commit{UserKey: alice, UpdateID: id, SeenTTL: time.Hour}); err != nil {
					t.Fatalf("commit of %q: %v", id, err)
				}
			}
			for _, id := range ids {
				if _, seen, _ := load(ctx, s, alice, id); !seen {
					t.Errorf("update %q: got not seen, want seen", id)
				}
			}
			if _, seen, _ := load(ctx, s, alice, "tg:7123456789:912345679"); seen {
				t.Errorf("an update never committed: got seen")
			}
		})
	}
}

func TestPersonCountersCountInAWindow(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, in := impl.new(t)
			clock := fakeclock.New(time.Now())
			setClock(s, clock.Now)
			ctx := context.Background()
			fiftyAtOnce(t, func() (int64, error) { return s.IncrPersonWithTTL(ctx, alice, "llm:1", time.Hour) })
			key := DefaultPrefix + "u:{" + alice + "}:c"
			if d, ok := in.ttl(key); !ok || d <= 59*time.Minute || d > time.Hour {
				t.Errorf("counters TTL: got %v (present %v), want about 1h", d, ok)
			}
			// A second counter with a longer window keeps the hash alive.
			if n, _ := s.IncrPersonWithTTL(ctx, alice, "llm:2", 2*time.Hour); n != 1 {
				t.Errorf("a new counter: got %d, want 1", n)
			}
			if d, _ := in.ttl(key); d <= 119*time.Minute {
				t.Errorf("counters TTL after a 2h counter: got %v, want about 2h", d)
			}
			// After the first window the count starts again.
			clock.Advance(61 * time.Minute)
			if n, _ := s.IncrPersonWithTTL(ctx, alice, "llm:1", time.Hour); n != 1 {
				t.Errorf("after the window: got %d, want 1", n)
			}
			if n, _ := s.IncrPersonWithTTL(ctx, alice, "llm:2", time.Hour); n != 2 {
				t.Errorf("the 2h counter within its window: got %d, want 2", n)
			}
			if _, err := s.IncrPersonWithTTL(ctx, "not-a-hash", "x", time.Hour); err == nil {
				t.Errorf("a counter for a raw user id: got nil error, want one")
			}
			if _, err := s.IncrPersonWithTTL(ctx, alice, "x", 0); err == nil {
				t.Errorf("a counter without TTL: got nil error, want one")
			}
		})
	}
}

func TestReplicasCountLiveHeartbeats(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, in := impl.new(t)
			r, ok := s.(interface {
				Replicas(ctx context.Context, id string, ttl time.Duration) (int, error)
			})
			if !ok {
				t.Fatalf("%T has no Replicas", s)
			}
			clock := fakeclock.New(time.Now())
			setClock(s, clock.Now)
			ctx := context.Background()
			beat := func(id string) int {
				t.Helper()
				n, err := r.Replicas(ctx, id, 15*time.Second)
				if err != nil {
					t.Fatal(err)
				}
				return n
			}
			if impl.name == "memory" {
				if n := beat("a"); n != 1 {
					t.Errorf("memory store: got %d replicas, want 1", n)
				}
				return
			}
			if n := beat("a"); n != 1 {
				t.Errorf("first beat: got %d, want 1", n)
			}
			if n := beat("b"); n != 2 {
				t.Errorf("second replica: got %d, want 2", n)
			}
			clock.Advance(10 * time.Second)
			if n := beat("a"); n != 2 {
				t.Errorf("a beats again: got %d, want 2", n)
			}
			clock.Advance(10 * time.Second)
			if n := beat("a"); n != 1 {
				t.Errorf("b silent for 20s (ttl 15s): got %d, want 1", n)
			}
			for _, k := range in.keys() {
				if d, ok := in.ttl(k); !ok || d <= 0 || d > 15*time.Second {
					t.Errorf("TTL of %q: got %v, want (0, 15s]", k, d)
				}
			}
			if _, err := r.Replicas(ctx, "a", 0); err == nil {
				t.Errorf("a beat without TTL: got nil error, want one")
			}
		})
	}
}

// fiftyAtOnce calls incr from 50 goroutines at once and fails unless the
// counts it returns are 1..50, each once: the counter is atomic.
func fiftyAtOnce(t *testing.T, incr func() (int64, error)) {
	t.Helper()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var got []int64
	for i := 0; i < 50; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			n, err := incr()
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			got = append(got, n)
			mu.Unlock()
		}()
	}
	wg.Wait()
	slices.Sort(got)
	for i, n := range got {
		if n != int64(i+1) {
			t.Fatalf("increments: got %v, want 1..50 each once", got)
		}
	}
}
