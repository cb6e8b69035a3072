// Package store keeps ScamCheck's short-lived state: one session per person,
// the update ids already handled, the polling offset, and the small counters
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

// Commit is what the engine writes after it has handled one update: the
// person's new session and the mark that the update is done.
type Commit struct {
	// UserKey is the person's keyed hash.
	UserKey string
	// Session is the encoded session; nil leaves the session untouched
	// (after /forget nothing of the person is written back).
	Session []byte
	// SessionTTL is how long the session lives unless used again.
	SessionTTL time.Duration
	// UpdateID marks the update handled; empty for channels without
	// redelivery (the terminal).
	UpdateID string
	// SeenTTL is how long the mark is kept; it must outlast every
	// redelivery of the update.
	SeenTTL time.Duration
}

// errNoTTL rejects a write that would keep data forever.
var errNoTTL = errors.New("store: a TTL is required on every key")

// keys builds the key layout shared by both implementations.
type keys struct{ prefix string }

// session is the person's session; the hash tag keeps a person's keys on one
// Redis Cluster slot.
func (k keys) session(userKey string) string { return k.prefix + "u:{" + userKey + "}:s" }
func (k keys) seen(updateID string) string   { return k.prefix + "seen:" + updateID }
func (k keys) kv(key string) string          { return k.prefix + "kv:" + key }

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
