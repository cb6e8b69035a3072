package llm

import (
	"sync"
	"time"
)

// breaker stops calling an endpoint that keeps failing. Closed, it lets every
// call through and counts consecutive failures; after limit of them it opens
// and refuses calls for cooldown; then it lets one probe through (half-open):
// a success closes it, a failure opens it for another cooldown. Failing fast
// keeps the person's answer quick and the operator's bill flat while the
// provider is down.
type breaker struct {
	limit    int
	cooldown time.Duration
	now      func() time.Time

	mu       sync.Mutex
	failures int       // consecutive failures while closed
	openedAt time.Time // zero when closed
	probing  bool      // a half-open probe is in flight
}

// allow reports whether a call may go out now. When it returns true the
// caller must end with success, failure or release.
func (b *breaker) allow() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.openedAt.IsZero() {
		return true
	}
	if b.probing || b.now().Sub(b.openedAt) < b.cooldown {
		return false
	}
	b.probing = true
	return true
}

// success records an answered call: the endpoint works, close.
func (b *breaker) success() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.failures, b.openedAt, b.probing = 0, time.Time{}, false
}

// failure records a failed call; it opens the breaker after limit
// consecutive failures, or at once when the failed call was the probe.
func (b *breaker) failure() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.probing || !b.openedAt.IsZero() {
		b.openedAt, b.probing = b.now(), false
		return
	}
	b.failures++
	if b.failures >= b.limit {
		b.openedAt = b.now()
	}
}

// release gives back an allowed call that never reached the endpoint (over
// budget, store down, caller gone), so it says nothing about the endpoint.
func (b *breaker) release() {
	b.mu.Lock()
	defer b.mu.Unlock()
	b.probing = false
}

// open reports whether the breaker currently refuses calls (for tests and
// logs).
func (b *breaker) open() bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return !b.openedAt.IsZero()
}
