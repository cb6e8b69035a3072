package redistest

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// Cluster is a Redis Cluster of three masters (no replicas) on loopback
// ports, owned by a test: enough for every key slot to live somewhere and
// for multi-key commands on keys of different slots to be refused, as on a
// real deployment.
type Cluster struct {
	t     testing.TB
	nodes []*Server
}

// clusterSlots is the number of hash slots of Redis Cluster.
const clusterSlots = 16384

// StartCluster starts three redis-server processes with cluster mode on,
// gives each a third of the slots, joins them, and waits until the cluster
// is up (Redis holds a new master back for two seconds). It skips the test
// (naming what is missing) where redis-server is not on PATH, and fails
// instead with SCAMCHECK_REQUIRE_REDIS=1. The nodes stop when the test
// ends.
func StartCluster(t testing.TB) *Cluster {
	t.Helper()
	requireRedisServer(t)
	c, err := startCluster(t.TempDir)
	if err != nil {
		t.Fatalf("redistest: %v", err)
	}
	c.t = t
	t.Cleanup(c.stop)
	return c
}

// shared is the cluster of SharedCluster, started once per test binary.
var shared struct {
	sync.Mutex
	c   *Cluster
	err error
	dir string
}

// SharedCluster returns a cluster shared by the tests of one test binary,
// emptied for t (tests using it must not run in parallel). It saves the
// two seconds every new cluster takes; call StopSharedCluster from TestMain
// after the tests ran.
func SharedCluster(t testing.TB) *Cluster {
	t.Helper()
	requireRedisServer(t)
	shared.Lock()
	defer shared.Unlock()
	if shared.c == nil && shared.err == nil {
		shared.dir, shared.err = os.MkdirTemp("", "redistest-cluster-")
		if shared.err == nil {
			n := 0
			shared.c, shared.err = startCluster(func() string {
				n++
				d := filepath.Join(shared.dir, strconv.Itoa(n))
				_ = os.Mkdir(d, 0o700)
				return d
			})
		}
	}
	if shared.err != nil {
		t.Fatalf("redistest: shared cluster: %v", shared.err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	for _, n := range shared.c.nodes {
		cl := redis.NewClient(&redis.Options{Addr: n.Addr()})
		err := cl.FlushAll(ctx).Err()
		cl.Close()
		if err != nil {
			t.Fatalf("redistest: flush shared cluster node %s: %v", n.Addr(), err)
		}
	}
	return &Cluster{t: t, nodes: shared.c.nodes}
}

// StopSharedCluster stops the shared cluster, if one was started.
func StopSharedCluster() {
	shared.Lock()
	defer shared.Unlock()
	if shared.c != nil {
		shared.c.stop()
		shared.c = nil
	}
	if shared.dir != "" {
		_ = os.RemoveAll(shared.dir)
	}
}

func requireRedisServer(t testing.TB) {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		msg := "redistest: no Redis Cluster or Sentinel: redis-server is not on PATH (install redis-server, e.g. apt-get install redis-server; Sentinel is redis-server --sentinel)"
		if os.Getenv("SCAMCHECK_REQUIRE_REDIS") == "1" {
			t.Fatal(msg + "; SCAMCHECK_REQUIRE_REDIS=1 forbids skipping")
		}
		t.Skip(msg)
	}
}

// startCluster starts and forms three nodes, each in a directory of
// newDir.
func startCluster(newDir func() string) (*Cluster, error) {
	c := &Cluster{}
	for i := 0; i < 3; i++ {
		dir := newDir()
		s := &Server{dir: dir, args: []string{
			"--cluster-enabled", "yes",
			"--cluster-config-file", filepath.Join(dir, "nodes.conf"),
			"--cluster-node-timeout", "5000",
		}}
		if err := s.start(0); err != nil {
			c.stop()
			return nil, fmt.Errorf("cluster node %d: %w", i, err)
		}
		c.nodes = append(c.nodes, s)
	}
	if err := c.form(); err != nil {
		c.stop()
		return nil, fmt.Errorf("form the cluster: %w", err)
	}
	return c, nil
}

func (c *Cluster) stop() {
	for _, n := range c.nodes {
		n.Stop()
	}
}

// form assigns the slots, introduces the nodes and waits for the cluster
// to agree that it is up.
func (c *Cluster) form() error {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	clients := make([]*redis.Client, len(c.nodes))
	for i, n := range c.nodes {
		clients[i] = redis.NewClient(&redis.Options{Addr: n.Addr()})
		defer clients[i].Close()
	}
	for i, cl := range clients {
		from, to := i*clusterSlots/len(clients), (i+1)*clusterSlots/len(clients)-1
		// Distinct epochs settle the slot ownership at once instead of
		// after the nodes' epoch-collision dance.
		if err := cl.Do(ctx, "CLUSTER", "SET-CONFIG-EPOCH", i+1).Err(); err != nil {
			return fmt.Errorf("node %d: set config epoch: %w", i, err)
		}
		if err := cl.Do(ctx, "CLUSTER", "ADDSLOTSRANGE", from, to).Err(); err != nil {
			// Redis before 7.0 has no ADDSLOTSRANGE.
			args := []any{"CLUSTER", "ADDSLOTS"}
			for s := from; s <= to; s++ {
				args = append(args, s)
			}
			if err := cl.Do(ctx, args...).Err(); err != nil {
				return fmt.Errorf("node %d: add slots %d-%d: %w", i, from, to, err)
			}
		}
	}
	for i := 1; i < len(c.nodes); i++ {
		if err := clients[0].ClusterMeet(ctx, "127.0.0.1", strconv.Itoa(c.nodes[i].port)).Err(); err != nil {
			return fmt.Errorf("meet node %d: %w", i, err)
		}
	}
	for {
		up := 0
		for _, cl := range clients {
			info, err := cl.ClusterInfo(ctx).Result()
			if err == nil && strings.Contains(info, "cluster_state:ok") && strings.Contains(info, "cluster_known_nodes:3") {
				up++
			}
		}
		if up == len(clients) {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("cluster not up after 30s: %w", ctx.Err())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// Addrs are the nodes' host:port, as REDIS_CLUSTER_ADDRS takes them.
func (c *Cluster) Addrs() []string {
	out := make([]string, len(c.nodes))
	for i, n := range c.nodes {
		out[i] = n.Addr()
	}
	return out
}

// Client returns a cluster client, closed when the test ends.
func (c *Cluster) Client() *redis.ClusterClient {
	cl := redis.NewClusterClient(&redis.ClusterOptions{Addrs: c.Addrs()})
	c.t.Cleanup(func() { cl.Close() })
	return cl
}

// Keys returns every key on every master, as an operator inspecting the
// whole cluster would see them.
func (c *Cluster) Keys(ctx context.Context) ([]string, error) {
	var out []string
	for _, n := range c.nodes {
		cl := redis.NewClient(&redis.Options{Addr: n.Addr()})
		ks, err := cl.Keys(ctx, "*").Result()
		cl.Close()
		if err != nil {
			return nil, fmt.Errorf("keys on %s: %w", n.Addr(), err)
		}
		out = append(out, ks...)
	}
	return out, nil
}
