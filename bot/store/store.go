// Package store keeps ScamCheck's short-lived state: one record per person
// (their session and the marks of the updates handled for them, so that
// several replicas handle each update once), a lock per person (so that
// they handle a person's updates one at a time), the polling offset, and
// the small counters and cache of the model fallback. Two implementations
// behave the same: Redis for the real bot and memory for `scamcheck chat`
// and tests.
//
// Every key lives under a prefix and has a TTL; a person's keys carry their
// keyed hash (never a raw user id) in one hash tag, and their names are
// fixed, so Forget deletes them all without searching. Sessions are opaque
// bytes: the engine decides what a session holds and must never put
// message text in it.
package store

import (
	"errors"
	"time"
)

// DefaultPrefix namespaces every key ScamCheck writes.
const DefaultPrefix = "scamcheck:"

// Begin asks to start handling one update of a person: see whether it was
// handled already, take the person's lock, and load the session, all in
// one round trip.
type Begin struct {
	// UserKey is the person's keyed hash.
	UserKey string
	// UpdateID is looked up among the person's marks so that a
	// redelivered update is handled once across replicas; empty for
	// channels without redelivery (the terminal).
	UpdateID string
	// Token identifies this handling (random); only its holder may extend
	// or release the lock.
	Token string
	// LockTTL is how long the lock lives unless extended: a crashed
	// replica's lock frees the person after it.
	LockTTL time.Duration
}

// Status is the outcome of a Begin.
type Status int

// Statuses of a Begin.
const (
	// Acquired: the lock is held and the session loaded.
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
	// update is not marked done, because the mark would be a key naming
	// the person. A redelivered /forget is then handled again, which
	// deletes nothing and confirms again: harmless.
	Forgotten bool
}

// errNoTTL rejects a write that would keep data forever.
var errNoTTL = errors.New("store: a TTL is required on every key")

// keys builds the key layout shared by both implementations.
type keys struct{ prefix string }

// A person's keys share the hash tag {userKey}, so they live on one Redis
// Cluster slot and one script may touch them together:
//
//   - record: the person's session and the marks of their recently handled
//     updates, one string (see record.go);
//   - lock: serialises the person's updates across replicas; it lives only
//     while an update is handled;
//   - counters: the person's counters with windows (the model's daily
//     budget), a hash; only people who used them have one.
//
// Forget deletes exactly these, so it never has to search the key space.
func (k keys) record(userKey string) string   { return k.prefix + "u:{" + userKey + "}:s" }
func (k keys) lock(userKey string) string     { return k.prefix + "u:{" + userKey + "}:l" }
func (k keys) counters(userKey string) string { return k.prefix + "u:{" + userKey + "}:c" }
func (k keys) kv(key string) string           { return k.prefix + "kv:" + key }

// replicas is the set of live replicas (by last heartbeat), which share
// Telegram's global rate.
func (k keys) replicas() string { return k.prefix + "replicas" }

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
