package store

import (
	"bytes"
	"context"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/scamcheck/scamcheck/bot/llm"
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
	Load(ctx context.Context, userKey, updateID string) ([]byte, bool, error)
	Save(ctx context.Context, c Commit) error
	Forget(ctx context.Context, userKey string) (int, error)
}

// inspector looks at the raw keys, as an operator would.
type inspector struct {
	keys  func() []string
	ttl   func(key string) (time.Duration, bool)
	value func(key string) []byte
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

func newMemoryStore(*testing.T) (storeUnderTest, inspector) {
	m := NewMemory()
	return m, inspector{keys: m.Keys, ttl: m.TTL, value: m.Value}
}

var implementations = []struct {
	name string
	new  func(*testing.T) (storeUnderTest, inspector)
}{
	{"redis", newRedisStore},
	{"memory", newMemoryStore},
}

const (
	alice = "0123456789abcdef0123456789abcdef"
	bob   = "fedcba9876543210fedcba9876543210"
)

func TestSessionRoundTrip(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, _ := impl.new(t)
			ctx := context.Background()
			if err := s.Ping(ctx); err != nil {
				t.Fatalf("Ping: got %v, want nil", err)
			}
			b, seen, err := s.Load(ctx, alice, "u1")
			if err != nil || b != nil || seen {
				t.Fatalf("Load of a new person: got (%q, %v, %v), want (nil, false, nil)", b, seen, err)
			}
			if err := s.Save(ctx, Commit{UserKey: alice, Session: []byte(`{"v":1}`), SessionTTL: time.Hour, UpdateID: "u1", SeenTTL: time.Hour}); err != nil {
				t.Fatalf("Save: got %v, want nil", err)
			}
			b, seen, err = s.Load(ctx, alice, "u1")
			if err != nil || string(b) != `{"v":1}` || !seen {
				t.Fatalf("Load after Save: got (%q, %v, %v), want ({\"v\":1}, true, nil)", b, seen, err)
			}
			b, seen, err = s.Load(ctx, alice, "u2")
			if err != nil || string(b) != `{"v":1}` || seen {
				t.Fatalf("Load with a new update: got (%q, %v, %v), want ({\"v\":1}, false, nil)", b, seen, err)
			}
			b, _, err = s.Load(ctx, bob, "")
			if err != nil || b != nil {
				t.Fatalf("Load of another person: got (%q, %v), want (nil, nil)", b, err)
			}
			// A commit without a session (after /forget) only marks the update.
			if err := s.Save(ctx, Commit{UserKey: bob, UpdateID: "u3", SeenTTL: time.Hour}); err != nil {
				t.Fatalf("Save without session: got %v, want nil", err)
			}
			b, seen, _ = s.Load(ctx, bob, "u3")
			if b != nil || !seen {
				t.Fatalf("Load after a session-less commit: got (%q, %v), want (nil, true)", b, seen)
			}
		})
	}
}

func TestEveryKeyHasATTL(t *testing.T) {
	for _, impl := range implementations {
		t.Run(impl.name, func(t *testing.T) {
			s, in := impl.new(t)
			ctx := context.Background()
			if err := s.Save(ctx, Commit{UserKey: alice, Session: []byte("x"), SessionTTL: 30 * 24 * time.Hour, UpdateID: "9", SeenTTL: 25 * time.Hour}); err != nil {
				t.Fatal(err)
			}
			if _, err := s.IncrWithTTL(ctx, "llm:budget:"+alice, time.Minute); err != nil {
				t.Fatal(err)
			}
			if err := s.SetBytes(ctx, "tg:offset", []byte("42"), time.Hour); err != nil {
				t.Fatal(err)
			}
			ks := in.keys()
			if len(ks) != 4 {
				t.Fatalf("keys: got %q, want 4 keys", ks)
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
				s.Save(ctx, Commit{UserKey: alice, Session: []byte("x")}),
				s.Save(ctx, Commit{UserKey: alice, UpdateID: "1"}),
				s.SetBytes(ctx, "k", []byte("v"), 0),
			}
			_, err := s.IncrWithTTL(ctx, "n", 0)
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
			if err := s.Save(ctx, Commit{UserKey: alice, Session: []byte("x"), SessionTTL: 20 * time.Millisecond}); err != nil {
				t.Fatal(err)
			}
			if err := s.SetBytes(ctx, "k", []byte("v"), 20*time.Millisecond); err != nil {
				t.Fatal(err)
			}
			// Poll rather than sleep a fixed time: the assertion is that the
			// keys go, not when.
			for i := 0; ; i++ {
				b, _, _ := s.Load(ctx, alice, "")
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
				if err := s.Save(ctx, Commit{UserKey: u, Session: []byte("s"), SessionTTL: time.Hour, UpdateID: "up-" + u[:4], SeenTTL: time.Hour}); err != nil {
					t.Fatal(err)
				}
				if _, err := s.IncrWithTTL(ctx, "llm:calls:"+u+":day", time.Hour); err != nil {
					t.Fatal(err)
				}
			}
			n, err := s.Forget(ctx, alice)
			if err != nil {
				t.Fatalf("Forget: got %v, want nil", err)
			}
			// Alice's session and her budget; update marks name no person.
			if n != 2 {
				t.Errorf("Forget deleted %d keys, want 2 (session, budget)", n)
			}
			for _, k := range in.keys() {
				if strings.Contains(k, alice) {
					t.Errorf("key %q of the forgotten person is still there", k)
				}
			}
			if b, _, _ := s.Load(ctx, bob, ""); string(b) != "s" {
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
			var wg sync.WaitGroup
			var mu sync.Mutex
			var got []int64
			for i := 0; i < 50; i++ {
				wg.Add(1)
				go func() {
					defer wg.Done()
					n, err := s.IncrWithTTL(ctx, "counter", time.Hour)
					if err != nil {
						t.Error(err)
					}
					mu.Lock()
					got = append(got, n)
					mu.Unlock()
				}()
			}
			wg.Wait()
			sort.Slice(got, func(i, j int) bool { return got[i] < got[j] })
			for i, n := range got {
				if n != int64(i+1) {
					t.Fatalf("increments: got %v, want 1..50 each once", got)
				}
			}
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
				if _, _, err := s.Load(ctx, k, ""); err == nil {
					t.Errorf("Load(%q): got nil error, want one", k)
				}
				if err := s.Save(ctx, Commit{UserKey: k, Session: []byte("x"), SessionTTL: time.Hour}); err == nil {
					t.Errorf("Save(%q): got nil error, want one", k)
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
	if _, _, err := s.Load(ctx, alice, "1"); err == nil {
		t.Error("Load with Redis down: got nil error")
	}
	if err := s.Save(ctx, Commit{UserKey: alice, Session: []byte("x"), SessionTTL: time.Hour}); err == nil {
		t.Error("Save with Redis down: got nil error")
	}
	srv.Restart()
	// go-redis reconnects by itself.
	var err error
	for i := 0; i < 100; i++ {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err = s.Save(ctx, Commit{UserKey: alice, Session: []byte("x"), SessionTTL: time.Hour})
		cancel()
		if err == nil {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("Save after Redis came back: got %v, want nil", err)
	}
}
