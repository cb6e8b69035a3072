// Package store keeps ScamCheck's short-lived state: one session per person,
// a lock per person and the claims of their updates (so that several
// replicas handle each update once, one at a time per person), the polling
// offset, and the small counters
// and cache of the model fallback. Two implementations behave the same: Redis
// for the real bot and memory for `scamcheck chat` and tests.
//
// Every key lives under a prefix and has a TTL; a person's keys carry their
// keyed hash (never a raw user id), so Forget can find and delete them all.
// Values are opaque bytes: the engine decides what a session holds and must
// never put message text in it.
package store

import (
	"errors"
	"strings"
	"time"
)

// DefaultPrefix namespaces every key ScamCheck writes.
const DefaultPrefix = "scamcheck:"

// Begin asks to start handling one update of a person: take the person's
// lock, claim the update, and load the session, all in one round trip.
type Begin struct {
	// UserKey is the person's keyed hash.
	UserKey string
	// UpdateID is claimed so that a redelivered update is handled once
	// across replicas; empty for channels without redelivery (the
	// terminal).
	UpdateID string
	// Token identifies this handling (random); only its holder may extend
	// or release the lock.
	Token string
	// LockTTL is how long the lock and the in-progress claim live unless
	// extended: a crashed replica's claim frees the person after it.
	LockTTL time.Duration
}

// Status is the outcome of a Begin.
type Status int

// Statuses of a Begin.
const (
	// Acquired: the lock is held, the update claimed, the session loaded.
	Acquired Status = iota + 1
	// Done: the update was handled already; nothing was taken.
	Done
	// Busy: another handling of the same person holds the lock; try
	// again (Claim.RetryIn is the lock's remaining life).
	Busy
)

// Claim is the answer to a Begin.
type Claim struct {
	Status Status
	// Session is the person's session (nil when none) when Acquired.
	Session []byte
	// RetryIn is the remaining life of the other holder's lock when Busy.
	RetryIn time.Duration
}

// Commit is what the engine writes after it has handled one update: the
// person's new session and the mark that the update is done, and the
// release of the lock, in one round trip.
type Commit struct {
	// UserKey is the person's keyed hash.
	UserKey string
	// Token is the lock's token from Begin.
	Token string
	// Session is the encoded session; nil leaves the session untouched.
	Session []byte
	// SessionTTL is how long the session lives unless used again.
	SessionTTL time.Duration
	// UpdateID marks the update done; empty for channels without
	// redelivery (the terminal).
	UpdateID string
	// SeenTTL is how long the mark is kept; it must outlast every
	// redelivery of the update.
	SeenTTL time.Duration
	// Forgotten says the person's data was just deleted (/forget): the
	// claim is removed instead of marked done, because a mark would be a
	// key naming the person. A redelivered /forget is then handled again,
	// which deletes nothing and confirms again: harmless.
	Forgotten bool
}

// Claim values: an update in progress (with the handler's token) or done.
const (
	claimDone     = "d"
	claimProgress = "p:"
)

// errNoTTL rejects a write that would keep data forever.
var errNoTTL = errors.New("store: a TTL is required on every key")

// keys builds the key layout shared by both implementations.
type keys struct{ prefix string }

// A person's keys share the hash tag {userKey}, so they live on one Redis
// Cluster slot and one script may touch them together: the session, the
// lock that serialises the person's updates across replicas, and the claims
// of their updates.
func (k keys) session(userKey string) string { return k.prefix + "u:{" + userKey + "}:s" }
func (k keys) lock(userKey string) string    { return k.prefix + "u:{" + userKey + "}:l" }

// claim is the mark of one update of the person. It sits under the
// person's tag rather than under the update id so that the claim, the lock
// and the session are one slot; an update id belongs to exactly one person.
func (k keys) claim(userKey, updateID string) string {
	return k.prefix + "u:{" + userKey + "}:up:" + updateID
}
func (k keys) kv(key string) string { return k.prefix + "kv:" + key }

// ownedBy reports whether key (a full key) belongs to the person with
// userKey: their session, or any other key that names their keyed hash
// (the model's per-person budgets).
func (k keys) ownedBy(key, userKey string) bool {
	return strings.HasPrefix(key, k.prefix) && strings.Contains(key[len(k.prefix):], userKey)
}

// validUserKey keeps glob characters and separators out of the key space
// (a user key is a hex hash).
func validUserKey(userKey string) error {
	if len(userKey) < 16 {
		return errors.New("store: user key too short to be a keyed hash")
	}
	for _, r := range userKey {
		if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f') {
			return errors.New("store: user key is not lower-case hex")
		}
	}
	return nil
}

// errNotInteger is Redis's answer to INCR on a value that is not a number.
var errNotInteger = errors.New("store: value is not an integer")

// check refuses a Begin that would leave a key without a TTL or a lock
// anyone could release.
func (b Begin) check() error {
	if err := validUserKey(b.UserKey); err != nil {
		return err
	}
	if b.Token == "" {
		return errors.New("store: a lock token is required")
	}
	if b.LockTTL <= 0 {
		return errNoTTL
	}
	return nil
}

// check refuses a Commit that would keep data forever.
func (c Commit) check() error {
	if err := validUserKey(c.UserKey); err != nil {
		return err
	}
	if c.Token == "" {
		return errors.New("store: a lock token is required")
	}
	if (c.Session != nil && c.SessionTTL <= 0) || (c.UpdateID != "" && !c.Forgotten && c.SeenTTL <= 0) {
		return errNoTTL
	}
	return nil
}
