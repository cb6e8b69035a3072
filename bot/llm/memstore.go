package llm

import (
	"context"
	"fmt"
	"strconv"
	"sync"
	"time"
)

// MemoryStore is a Store in process memory, for `scamcheck check` and tests
// where no session store is running. Budgets and cache die with the process.
// It is safe for concurrent use.
type MemoryStore struct {
	mu     sync.Mutex
	now    func() time.Time
	items  map[string]memItem
	writes int
}

type memItem struct {
	val     []byte
	expires time.Time
}

// sweepEvery is how many writes pass between sweeps of expired keys, so a
// long-running process does not keep every cached answer forever.
const sweepEvery = 1024

// NewMemoryStore returns an empty MemoryStore on the wall clock.
func NewMemoryStore() *MemoryStore {
	return NewMemoryStoreAt(time.Now)
}

// NewMemoryStoreAt returns an empty MemoryStore whose TTLs run on now (tests
// pass a fake clock).
func NewMemoryStoreAt(now func() time.Time) *MemoryStore {
	return &MemoryStore{now: now, items: map[string]memItem{}}
}

// IncrWithTTL adds one to key, setting ttl when the key is new, and returns
// the new value.
func (m *MemoryStore) IncrWithTTL(_ context.Context, key string, ttl time.Duration) (int64, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	it, ok := m.live(key, now)
	var n int64
	if ok {
		var err error
		if n, err = strconv.ParseInt(string(it.val), 10, 64); err != nil {
			return 0, fmt.Errorf("incr %q: value is not a counter: %w", key, err)
		}
	} else {
		it.expires = now.Add(ttl)
	}
	n++
	it.val = []byte(strconv.FormatInt(n, 10))
	m.put(key, it, now)
	return n, nil
}

// IncrPersonWithTTL counts name for the person userKey as IncrWithTTL
// does. This store has no /forget to serve: a person's counters are
// ordinary keys.
func (m *MemoryStore) IncrPersonWithTTL(ctx context.Context, userKey, name string, ttl time.Duration) (int64, error) {
	return m.IncrWithTTL(ctx, "person:"+userKey+":"+name, ttl)
}

// GetBytes returns the value at key; ok is false when it is absent or expired.
func (m *MemoryStore) GetBytes(_ context.Context, key string) ([]byte, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	it, ok := m.live(key, m.now())
	if !ok {
		return nil, false, nil
	}
	return append([]byte(nil), it.val...), true, nil
}

// SetBytes stores a copy of val at key for ttl.
func (m *MemoryStore) SetBytes(_ context.Context, key string, val []byte, ttl time.Duration) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	now := m.now()
	m.put(key, memItem{val: append([]byte(nil), val...), expires: now.Add(ttl)}, now)
	return nil
}

// live returns key's item unless it has expired (and then forgets it).
func (m *MemoryStore) live(key string, now time.Time) (memItem, bool) {
	it, ok := m.items[key]
	if ok && !now.Before(it.expires) {
		delete(m.items, key)
		return memItem{}, false
	}
	return it, ok
}

func (m *MemoryStore) put(key string, it memItem, now time.Time) {
	m.items[key] = it
	m.writes++
	if m.writes%sweepEvery == 0 {
		for k, v := range m.items {
			if !now.Before(v.expires) {
				delete(m.items, k)
			}
		}
	}
}
