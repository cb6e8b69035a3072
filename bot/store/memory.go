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

// Begin takes the person's lock, claims the update and loads the session,
// with the same semantics as Redis's script.
func (m *Memory) Begin(_ context.Context, b Begin) (Claim, error) {
	if err := b.check(); err != nil {
		return Claim{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	claim := ""
	if b.UpdateID != "" {
		claim = m.k.claim(b.UserKey, b.UpdateID)
		if v, ok := m.get(claim); ok && string(v) == claimDone {
			return Claim{Status: Done}, nil
		}
	}
	lock := m.k.lock(b.UserKey)
	if v, ok := m.get(lock); ok && string(v) != b.Token {
		return Claim{Status: Busy, RetryIn: m.data[lock].exp.Sub(m.now())}, nil
	}
	m.set(lock, []byte(b.Token), b.LockTTL)
	if claim != "" {
		m.set(claim, []byte(claimProgress+b.Token), b.LockTTL)
	}
	s, _ := m.get(m.k.session(b.UserKey))
	return Claim{Status: Acquired, Session: append([]byte(nil), s...)}, nil
}

// holds reports whether key is live with value val (a lock's token or an
// in-progress claim); the caller holds mu.
func (m *Memory) holds(key, val string) bool {
	v, ok := m.get(key)
	return ok && string(v) == val
}

// Extend renews the lock and the claim if token still holds the lock.
func (m *Memory) Extend(_ context.Context, userKey, updateID, token string, ttl time.Duration) (bool, error) {
	if err := validUserKey(userKey); err != nil {
		return false, err
	}
	if ttl <= 0 {
		return false, errNoTTL
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	lock := m.k.lock(userKey)
	if !m.holds(lock, token) {
		return false, nil
	}
	m.expire(lock, ttl)
	if updateID != "" {
		if claim := m.k.claim(userKey, updateID); m.holds(claim, claimProgress+token) {
			m.expire(claim, ttl)
		}
	}
	return true, nil
}

// expire sets a live key's TTL; the caller holds mu.
func (m *Memory) expire(key string, ttl time.Duration) {
	e := m.data[key]
	e.exp = m.now().Add(ttl)
	m.data[key] = e
}

// Finish commits a handled update: the session if token still holds the
// lock, the done mark always, and the release of the lock.
func (m *Memory) Finish(_ context.Context, c Commit) (bool, error) {
	if err := c.check(); err != nil {
		return false, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	lock := m.k.lock(c.UserKey)
	owned := m.holds(lock, c.Token)
	if c.UpdateID != "" {
		claim := m.k.claim(c.UserKey, c.UpdateID)
		if c.Forgotten {
			if m.holds(claim, claimProgress+c.Token) {
				delete(m.data, claim)
			}
		} else {
			m.set(claim, []byte(claimDone), c.SeenTTL)
		}
	}
	if !owned {
		return false, nil
	}
	if c.Session != nil && !c.Forgotten {
		m.set(m.k.session(c.UserKey), c.Session, c.SessionTTL)
	}
	delete(m.data, lock)
	return true, nil
}

// Abort drops the claim and releases the lock if token holds them.
func (m *Memory) Abort(_ context.Context, userKey, updateID, token string) error {
	if err := validUserKey(userKey); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if updateID != "" {
		if claim := m.k.claim(userKey, updateID); m.holds(claim, claimProgress+token) {
			delete(m.data, claim)
		}
	}
	if lock := m.k.lock(userKey); m.holds(lock, token) {
		delete(m.data, lock)
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
	lock := m.k.lock(userKey) // left to its holder, as in Redis
	for k := range m.data {
		if k != lock && m.k.ownedBy(k, userKey) {
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
