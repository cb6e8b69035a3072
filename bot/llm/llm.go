// Package llm asks an OpenAI-compatible model for a second opinion on
// messages the rules are unsure of. The model can raise a verdict, never
// lower it.
package llm

import (
	"context"
	"time"
)

// Store keeps the model's call budgets and answer cache. The bot's session
// stores (Redis and in-memory) implement it.
type Store interface {
	// IncrWithTTL adds one to key, setting ttl when the key is new, and
	// returns the new value (atomically).
	IncrWithTTL(ctx context.Context, key string, ttl time.Duration) (int64, error)
	// IncrPersonWithTTL is IncrWithTTL for a counter of one person (their
	// keyed hash), kept where the person's /forget deletes it.
	IncrPersonWithTTL(ctx context.Context, userKey, name string, ttl time.Duration) (int64, error)
	// GetBytes returns the value at key; ok is false when it is absent.
	GetBytes(ctx context.Context, key string) (val []byte, ok bool, err error)
	// SetBytes stores val at key for ttl.
	SetBytes(ctx context.Context, key string, val []byte, ttl time.Duration) error
}
