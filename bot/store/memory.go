package store

import (
	"context"
	"strconv"
	"sync"
	"time"
)

// Memory is a store in this process's memory, for `scamcheck chat`, a bot
// run without REDIS_URL, and tests. It behaves like Redis, TTLs included;
// everything is lost when the process exits. It is safe for concurrent use.
type Memory struct {
	k keys
	// now is the clock; tests may replace it.
	now func() time.Time

	mu     sync.Mutex
	data   map[string]memEntry
	writes int // writes since the last sweep of expired keys
}

type memEntry struct {
	val []byte
	exp time.Time
}

// NewMemory returns an empty store.
func NewMemory() *Memory {
	return &Memory{k: keys{DefaultPrefix}, now: time.Now, data: map[string]memEntry{}}
}

// get returns a live value; the caller holds mu.
func (m *Memory) get(key string) ([]byte, bool) {
	e, ok := m.data[key]
	if !ok {
		return nil, false
	}
	if !m.now().Before(e.exp) {
		delete(m.data, key)
		return nil, false
	}
	return e.val, true
}

// set stores a copy of val; the caller holds mu.
func (m *Memory) set(key string, val []byte, ttl time.Duration) {
	m.data[key] = memEntry{val: append([]byte(nil), val...), exp: m.now().Add(ttl)}
	m.writes++
	if m.writes >= 1024 {
		// Amortised sweep, so keys nobody reads again still expire.
		m.writes = 0
		now := m.now()
		for k, e := range m.data {
			if !now.Before(e.exp) {
				delete(m.data, k)
			}
		}
	}
}

// Ping always succeeds.
func (m *Memory) Ping(context.Context) error { return nil }

// Load returns the person's session (nil when there is none) and whether
// updateID was already handled.
func (m *Memory) Load(_ context.Context, userKey, updateID string) ([]byte, bool, error) {
	if err := validUserKey(userKey); err != nil {
		return nil, false, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	b, _ := m.get(m.k.session(userKey))
	seen := false
	if updateID != "" {
		_, seen = m.get(m.k.seen(updateID))
	}
	return append([]byte(nil), b...), seen, nil
}

// Save writes the commit.
func (m *Memory) Save(_ context.Context, c Commit) error {
	if err := validUserKey(c.UserKey); err != nil {
		return err
	}
	if (c.Session != nil && c.SessionTTL <= 0) || (c.UpdateID != "" && c.SeenTTL <= 0) {
		return errNoTTL
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if c.Session != nil {
		m.set(m.k.session(c.UserKey), c.Session, c.SessionTTL)
	}
	if c.UpdateID != "" {
		m.set(m.k.seen(c.UpdateID), []byte("1"), c.SeenTTL)
	}
	return nil
}

// Forget deletes every key of the person and returns how many it deleted.
func (m *Memory) Forget(_ context.Context, userKey string) (int, error) {
	if err := validUserKey(userKey); err != nil {
		return 0, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for k := range m.data {
		if m.k.ownedBy(k, userKey) {
			if _, live := m.get(k); live {
				n++
			}
			delete(m.data, k)
		}
	}
	return n, nil
}

// IncrWithTTL adds one to key and sets ttl when the key is new.
func (m *Memory) IncrWithTTL(_ context.Context, key string, ttl time.Duration) (int64, error) {
	if ttl <= 0 {
		return 0, errNoTTL
	}
	k := m.k.kv(key)
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.get(k)
	if !ok {
		m.set(k, []byte("1"), ttl)
		return 1, nil
	}
	n, err := strconv.ParseInt(string(b), 10, 64)
	if err != nil {
		return 0, errNotInteger
	}
	n++
	e := m.data[k]
	e.val = []byte(strconv.FormatInt(n, 10))
	m.data[k] = e // the expiry stays: a window does not slide
	return n, nil
}

// GetBytes returns the value at key; ok is false when it is absent.
func (m *Memory) GetBytes(_ context.Context, key string) ([]byte, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, ok := m.get(m.k.kv(key))
	if !ok {
		return nil, false, nil
	}
	return append([]byte(nil), b...), true, nil
}

// SetBytes stores val at key for ttl.
func (m *Memory) SetBytes(_ context.Context, key string, val []byte, ttl time.Duration) error {
	if ttl <= 0 {
		return errNoTTL
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.set(m.k.kv(key), val, ttl)
	return nil
}

// TTL returns the remaining life of a full key (as written by this store);
// ok is false when the key is absent. Tests use it like Redis's PTTL.
func (m *Memory) TTL(key string) (time.Duration, bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if _, ok := m.get(key); !ok {
		return 0, false
	}
	return m.data[key].exp.Sub(m.now()), true
}

// Keys returns every live key, for tests that check what is stored.
func (m *Memory) Keys() []string {
	m.mu.Lock()
	defer m.mu.Unlock()
	var out []string
	for k := range m.data {
		if _, ok := m.get(k); ok {
			out = append(out, k)
		}
	}
	return out
}

// Value returns a live key's value, for tests that check what is stored.
func (m *Memory) Value(key string) []byte {
	m.mu.Lock()
	defer m.mu.Unlock()
	b, _ := m.get(key)
	return append([]byte(nil), b...)
}
