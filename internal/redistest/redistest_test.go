package redistest

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

func TestStartStopRestart(t *testing.T) {
	s := Start(t)
	ctx := context.Background()
	c := s.Client()
	if err := c.Set(ctx, "k", "v", 0).Err(); err != nil {
		t.Fatalf("SET: got %v, want nil", err)
	}
	if !s.Stoppable() {
		t.Skip("external Redis: cannot stop it")
	}
	s.Stop()
	if err := c.Ping(ctx).Err(); err == nil {
		t.Fatal("PING after Stop: got nil, want an error")
	}
	s.Restart()
	if err := c.Ping(ctx).Err(); err != nil {
		t.Fatalf("PING after Restart: got %v, want nil", err)
	}
	if n, _ := c.Exists(ctx, "k").Result(); n != 0 {
		t.Fatalf("key after Restart: got %d, want 0 (nothing kept on disk)", n)
	}
}

func TestClusterRoutesKeysToThreeMasters(t *testing.T) {
	c := StartCluster(t)
	ctx := context.Background()
	cl := c.Client()
	for i := 0; i < 30; i++ {
		if err := cl.Set(ctx, fmt.Sprintf("k%d", i), "v", time.Minute).Err(); err != nil {
			t.Fatalf("SET through the cluster: %v", err)
		}
	}
	perNode := map[string]int{}
	for _, a := range c.Addrs() {
		n := redis.NewClient(&redis.Options{Addr: a})
		ks, err := n.Keys(ctx, "*").Result()
		n.Close()
		if err != nil {
			t.Fatal(err)
		}
		perNode[a] = len(ks)
	}
	for a, n := range perNode {
		if n == 0 {
			t.Errorf("node %s holds no key of 30: got %v, want keys spread over three masters", a, perNode)
		}
	}
	// Keys of different slots in one command are refused; one hash tag
	// makes them one slot.
	if err := cl.MSet(ctx, "a", 1, "b", 2).Err(); err == nil {
		t.Error("MSET across slots: got nil error, want CROSSSLOT")
	}
	if err := cl.MSet(ctx, "{p}a", 1, "{p}b", 2).Err(); err != nil {
		t.Errorf("MSET of one hash tag: got %v, want nil", err)
	}
	ks, err := c.Keys(ctx)
	if err != nil || len(ks) != 32 {
		t.Errorf("Keys: got %d keys (%v), want 32", len(ks), err)
	}
}

func TestSentinelNamesItsMaster(t *testing.T) {
	s := StartSentinel(t)
	ctx := context.Background()
	c := redis.NewFailoverClient(&redis.FailoverOptions{MasterName: SentinelMaster, SentinelAddrs: []string{s.Addr()}})
	defer c.Close()
	if err := c.Set(ctx, "k", "v", time.Minute).Err(); err != nil {
		t.Fatalf("SET through the sentinel: %v", err)
	}
	if got, _ := s.Master().Client().Get(ctx, "k").Result(); got != "v" {
		t.Errorf("value on the master: got %q, want %q", got, "v")
	}
}

func TestFailoverPromotesTheReplicaWithTheData(t *testing.T) {
	s := StartFailover(t)
	ctx := context.Background()
	if got := len(s.Addrs()); got != 3 {
		t.Fatalf("sentinels: got %d, want 3", got)
	}
	c := redis.NewFailoverClient(&redis.FailoverOptions{MasterName: SentinelMaster, SentinelAddrs: s.Addrs()})
	defer c.Close()
	if err := c.Set(ctx, "k", "v", time.Minute).Err(); err != nil {
		t.Fatalf("SET through the sentinels: %v", err)
	}
	old := s.Master()
	s.WaitReplicated()
	s.KillMaster()
	if err := old.Client().Ping(ctx).Err(); err == nil {
		t.Fatal("PING the killed master: got nil, want an error")
	}
	promoted := s.WaitFailover()
	if promoted == old || s.Master() != promoted {
		t.Fatalf("after WaitFailover: master %s, promoted %s, old %s; want the replica as master", s.Master().Addr(), promoted.Addr(), old.Addr())
	}
	if got, err := promoted.Client().Get(ctx, "k").Result(); got != "v" {
		t.Errorf("value on the promoted replica: got %q (%v), want %q", got, err, "v")
	}
	// The failover client follows the sentinels to the new master.
	deadline := time.Now().Add(10 * time.Second)
	for {
		err := c.Set(ctx, "k2", "v2", time.Minute).Err()
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("SET through the sentinels after the failover: got %v, want nil", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if got, _ := promoted.Client().Get(ctx, "k2").Result(); got != "v2" {
		t.Errorf("write after the failover on the new master: got %q, want %q", got, "v2")
	}
}
