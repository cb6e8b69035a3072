package store

import (
	"bytes"
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

// memCounter is one field of a person's counters.
type memCounter struct {
	n   int64
	exp time.Time
}

type memEntry struct {
	val []byte
	exp time.Time
	// fields are a hash's (a person's counters); nil for a string.
	fields map[string]memCounter
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

// Ready always succeeds: memory takes writes while the process lives.
func (m *Memory) Ready(context.Context) error { return nil }

// Begin looks the update up among the person's marks, takes their lock
// and loads their session, with the same semantics as Redis's script.
func (m *Memory) Begin(_ context.Context, b Begin) (Claim, error) {
	if err := b.check(); err != nil {
		return Claim{}, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	rec, _ := m.get(m.k.record(b.UserKey))
	marks, session := splitRecord(rec)
	if b.UpdateID != "" && hasMark(marks, markOf(b.UpdateID)) {
		return Claim{Status: Done}, nil
	}
	lock := m.k.lock(b.UserKey)
	if v, ok := m.get(lock); ok && string(v) != b.Token {
		return Claim{Status: Busy, RetryIn: m.data[lock].exp.Sub(m.now())}, nil
	}
	m.set(lock, []byte(b.Token), b.LockTTL)
	return Claim{Status: Acquired, Session: bytes.Clone(session)}, nil
}

// holds reports whether key is live with value val (a lock's token); the
// caller holds mu.
func (m *Memory) holds(key, val string) bool {
	v, ok := m.get(key)
	return ok && string(v) == val
}

// Extend renews the lock if token still holds it.
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
	return true, nil
}

// expire sets a live key's TTL; the caller holds mu.
func (m *Memory) expire(key string, ttl time.Duration) {
	e := m.data[key]
	e.exp = m.now().Add(ttl)
	m.data[key] = e
}

// Finish commits a handled update: the session if token still holds the
// lock, the update's mark always, and the release of the lock.
func (m *Memory) Finish(_ context.Context, c Commit) (bool, error) {
	if err := c.check(); err != nil {
		return false, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	lock := m.k.lock(c.UserKey)
	owned := m.holds(lock, c.Token)
	if !c.Forgotten {
		key := m.k.record(c.UserKey)
		rec, _ := m.get(key)
		marks, session := splitRecord(rec)
		if c.UpdateID != "" {
			marks = addMark(marks, markOf(c.UpdateID), m.now(), c.SeenTTL)
		}
		ttl := c.SeenTTL
		if e, ok := m.data[key]; ok && rec != nil {
			ttl = max(ttl, e.exp.Sub(m.now()))
		}
		if owned && c.Session != nil {
			session, ttl = c.Session, c.SessionTTL
		}
		if marks != "" || len(session) > 0 {
			m.set(key, joinRecord(marks, session), ttl)
		}
	}
	if !owned {
		return false, nil
	}
	delete(m.data, lock)
	return true, nil
}

// Abort releases the lock if token holds it; the update was not marked,
// so a redelivery is handled.
func (m *Memory) Abort(_ context.Context, userKey, updateID, token string) error {
	if err := validUserKey(userKey); err != nil {
		return err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if lock := m.k.lock(userKey); m.holds(lock, token) {
		delete(m.data, lock)
	}
	return nil
}

// Forget deletes every key of the person (record and counters; the lock
// is left to its holder, as in Redis) and returns how many it deleted.
func (m *Memory) Forget(_ context.Context, userKey string) (int, error) {
	if err := validUserKey(userKey); err != nil {
		return 0, err
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	n := 0
	for _, k := range []string{m.k.record(userKey), m.k.counters(userKey)} {
		if _, live := m.get(k); live {
			n++
		}
		delete(m.data, k)
	}
	return n, nil
}

// IncrPersonWithTTL adds one to the person's counter name, with the same
// semantics as Redis's script: a window of ttl from the first increment.
func (m *Memory) IncrPersonWithTTL(_ context.Context, userKey, name string, ttl time.Duration) (int64, error) {
	if err := validUserKey(userKey); err != nil {
		return 0, err
	}
	if ttl <= 0 {
		return 0, errNoTTL
	}
	key := m.k.counters(userKey)
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	var fields map[string]memCounter
	if _, live := m.get(key); live {
		fields = m.data[key].fields
	}
	if fields == nil {
		fields = map[string]memCounter{}
	}
	c := fields[name]
	if !now.Before(c.exp) {
		c = memCounter{exp: now.Add(ttl)}
	}
	c.n++
	fields[name] = c
	last := c.exp
	for f, fc := range fields {
		if !now.Before(fc.exp) {
			delete(fields, f)
		} else if fc.exp.After(last) {
			last = fc.exp
		}
	}
	// The hash lives as long as its last field, as in Redis.
	m.set(key, nil, last.Sub(now))
	e := m.data[key]
	e.fields = fields
	m.data[key] = e
	return c.n, nil
}

// IncrWithTTL adds one to key and sets ttl when the key is new. key must
// not name a person: Forget would not find it (IncrPersonWithTTL is for
// counts of one person).
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

// Replicas is always one: a memory store is not shared between processes.
func (m *Memory) Replicas(_ context.Context, _ string, ttl time.Duration) (int, error) {
	if ttl <= 0 {
		return 0, errNoTTL
	}
	return 1, nil
}
