package llm

import (
	"testing"
	"time"
)

func TestMemoryStore(t *testing.T) {
	clock := newFakeClock()
	s := NewMemoryStoreAt(clock.Now)
	ctx := t.Context()
	for want := int64(1); want <= 3; want++ {
		if n, err := s.IncrWithTTL(ctx, "n", time.Minute); err != nil || n != want {
			t.Errorf("IncrWithTTL = %d, %v; want %d", n, err, want)
		}
	}
	clock.Advance(time.Minute)
	if n, _ := s.IncrWithTTL(ctx, "n", time.Minute); n != 1 {
		t.Errorf("IncrWithTTL after expiry = %d, want 1", n)
	}
	val := []byte("v")
	s.SetBytes(ctx, "k", val, time.Second)
	val[0] = 'x'
	if got, ok, err := s.GetBytes(ctx, "k"); err != nil || !ok || string(got) != "v" {
		t.Errorf("GetBytes = %q, %v, %v; want a copy of \"v\"", got, ok, err)
	}
	clock.Advance(time.Second)
	if _, ok, _ := s.GetBytes(ctx, "k"); ok {
		t.Error("GetBytes found an expired key")
	}
	s.SetBytes(ctx, "k", []byte("text"), time.Hour)
	if _, err := s.IncrWithTTL(ctx, "k", time.Hour); err == nil {
		t.Error("IncrWithTTL on a non-counter succeeded")
	}
}
