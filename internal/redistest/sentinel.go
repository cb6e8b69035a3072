package redistest

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// SentinelMaster is the master name the test sentinels watch.
const SentinelMaster = "scamcheck-test"

// Sentinel is a Redis master, its replicas and the sentinels watching
// them, owned by a test: a deployment in which a client finds its master
// by asking a sentinel, as the bot's failover client does.
type Sentinel struct {
	t         testing.TB
	master    *Server
	replicas  []*Server
	sentinels []*Server
	killed    time.Time // when KillMaster killed the master; zero before
}

// sentinelSetup is the shape of a Sentinel deployment.
type sentinelSetup struct {
	replicas, sentinels, quorum int
	// downAfter is how long a master must not answer before a sentinel
	// thinks it down; failoverTimeout bounds each step of a failover and,
	// doubled, is the wait before a failed election is tried again.
	downAfter, failoverTimeout time.Duration
}

// StartSentinel starts a master and one sentinel watching it, and waits
// until the sentinel names the master: the smallest deployment through
// which a client finds its master. It cannot fail over (there is no
// replica). It skips the test (naming what is missing) where redis-server
// is not on PATH, and fails instead with SCAMCHECK_REQUIRE_REDIS=1. The
// processes stop when the test ends.
func StartSentinel(t testing.TB) *Sentinel {
	t.Helper()
	return startSentinel(t, sentinelSetup{replicas: 0, sentinels: 1, quorum: 1, downAfter: 5 * time.Second, failoverTimeout: time.Minute})
}

// StartFailover starts a master, one replica of it and three sentinels
// with quorum 2 (two must agree that the master is down, and a majority
// must elect the one that promotes the replica, as in production), with
// timeouts short enough for a failover to finish within a few seconds
// of KillMaster. It returns once every sentinel knows the master, the
// replica (in sync) and the two other sentinels, so that a failover can
// start at once. It skips or fails like StartSentinel where redis-server
// is missing (Sentinel is redis-server --sentinel).
func StartFailover(t testing.TB) *Sentinel {
	t.Helper()
	return startSentinel(t, sentinelSetup{replicas: 1, sentinels: 3, quorum: 2, downAfter: time.Second, failoverTimeout: 2 * time.Second})
}

func startSentinel(t testing.TB, setup sentinelSetup) *Sentinel {
	t.Helper()
	requireRedisServer(t)
	s := &Sentinel{t: t}
	// A full resynchronisation streams the data set straight away rather
	// than after the default 5s pause; every data server gets it, as any
	// may become master.
	dataArgs := []string{"--repl-diskless-sync", "yes", "--repl-diskless-sync-delay", "0"}
	s.master = s.startProcess("master", &Server{t: t, dir: t.TempDir(), args: dataArgs})
	for i := 0; i < setup.replicas; i++ {
		args := append(slices.Clone(dataArgs), "--replicaof", "127.0.0.1", strconv.Itoa(s.master.port))
		s.replicas = append(s.replicas, s.startProcess(fmt.Sprintf("replica %d", i), &Server{t: t, dir: t.TempDir(), args: args}))
	}
	// Replicas in sync before the sentinels start: a sentinel learns the
	// replicas from the master's INFO, which it asks for at once and then
	// only every 10s.
	s.waitFor(15*time.Second, "the replicas to be in sync with the master", func(ctx context.Context) error {
		for _, r := range s.replicas {
			info, err := infoReplication(ctx, r)
			if err != nil {
				return err
			}
			if info["master_link_status"] != "up" {
				return fmt.Errorf("replica %s: master_link_status %q", r.Addr(), info["master_link_status"])
			}
		}
		return nil
	})
	conf := fmt.Sprintf("sentinel monitor %[1]s 127.0.0.1 %[2]d %[3]d\n"+
		"sentinel down-after-milliseconds %[1]s %[4]d\n"+
		"sentinel failover-timeout %[1]s %[5]d\n"+
		"sentinel parallel-syncs %[1]s 1\n",
		SentinelMaster, s.master.port, setup.quorum, setup.downAfter.Milliseconds(), setup.failoverTimeout.Milliseconds())
	for i := 0; i < setup.sentinels; i++ {
		s.sentinels = append(s.sentinels, s.startProcess(fmt.Sprintf("sentinel %d", i), &Server{t: t, dir: t.TempDir(), sentinel: conf}))
	}
	s.waitFor(20*time.Second, "every sentinel to know the master, its replicas and the other sentinels", func(ctx context.Context) error {
		for _, sn := range s.sentinels {
			if err := s.knows(ctx, sn, s.master, s.replicas); err != nil {
				return err
			}
		}
		return nil
	})
	return s
}

// startProcess starts srv and stops it when the test ends.
func (s *Sentinel) startProcess(what string, srv *Server) *Server {
	s.t.Helper()
	if err := srv.start(0); err != nil {
		s.t.Fatalf("redistest: sentinel deployment's %s: %v", what, err)
	}
	s.t.Cleanup(srv.Stop)
	return srv
}

// knows reports (as an error) what sentinel sn does not yet know of the
// deployment: master as the master, every replica as a live replica, and
// every other sentinel.
func (s *Sentinel) knows(ctx context.Context, sn, master *Server, replicas []*Server) error {
	c := redis.NewSentinelClient(&redis.Options{Addr: sn.Addr(), MaxRetries: -1})
	defer c.Close()
	addr, err := c.GetMasterAddrByName(ctx, SentinelMaster).Result()
	if err != nil {
		return fmt.Errorf("sentinel %s: master: %w", sn.Addr(), err)
	}
	if got := net.JoinHostPort(addr[0], addr[1]); got != master.Addr() {
		return fmt.Errorf("sentinel %s names master %s, want %s", sn.Addr(), got, master.Addr())
	}
	known, err := c.Replicas(ctx, SentinelMaster).Result()
	if err != nil {
		return fmt.Errorf("sentinel %s: replicas: %w", sn.Addr(), err)
	}
	for _, r := range replicas {
		i := slices.IndexFunc(known, func(m map[string]string) bool { return net.JoinHostPort(m["ip"], m["port"]) == r.Addr() })
		if i < 0 {
			return fmt.Errorf("sentinel %s does not know replica %s yet", sn.Addr(), r.Addr())
		}
		if f := known[i]["flags"]; f != "slave" {
			return fmt.Errorf("sentinel %s: replica %s flags %q, want slave", sn.Addr(), r.Addr(), f)
		}
	}
	others, err := c.Sentinels(ctx, SentinelMaster).Result()
	if err != nil {
		return fmt.Errorf("sentinel %s: sentinels: %w", sn.Addr(), err)
	}
	if len(others) != len(s.sentinels)-1 {
		return fmt.Errorf("sentinel %s knows %d other sentinels, want %d", sn.Addr(), len(others), len(s.sentinels)-1)
	}
	return nil
}

// waitFor polls cond until it returns nil, failing the test with its last
// error and the sentinels' logs after timeout.
func (s *Sentinel) waitFor(timeout time.Duration, what string, cond func(ctx context.Context) error) {
	s.t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		err := cond(ctx)
		cancel()
		if err == nil {
			return
		}
		if time.Now().After(deadline) {
			s.t.Fatalf("redistest: gave up after %v waiting for %s: %v\n%s", timeout, what, err, s.logs())
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// logs returns what the sentinels logged, for a failure message.
func (s *Sentinel) logs() string {
	var b strings.Builder
	for _, sn := range s.sentinels {
		log, _ := os.ReadFile(filepath.Join(sn.dir, "sentinel.log"))
		fmt.Fprintf(&b, "sentinel %s log:\n%s", sn.Addr(), log)
	}
	return b.String()
}

// infoReplication returns the fields of INFO replication of srv.
func infoReplication(ctx context.Context, srv *Server) (map[string]string, error) {
	c := redis.NewClient(&redis.Options{Addr: srv.Addr(), MaxRetries: -1})
	defer c.Close()
	info, err := c.Info(ctx, "replication").Result()
	if err != nil {
		return nil, fmt.Errorf("INFO replication of %s: %w", srv.Addr(), err)
	}
	fields := map[string]string{}
	for _, line := range strings.Split(info, "\n") {
		if k, v, ok := strings.Cut(strings.TrimSpace(line), ":"); ok {
			fields[k] = v
		}
	}
	return fields, nil
}

// Addr is the first sentinel's host:port.
func (s *Sentinel) Addr() string { return s.sentinels[0].Addr() }

// Addrs are every sentinel's host:port, as REDIS_SENTINEL_ADDRS takes them.
func (s *Sentinel) Addrs() []string {
	out := make([]string, len(s.sentinels))
	for i, sn := range s.sentinels {
		out[i] = sn.Addr()
	}
	return out
}

// Master is the current master: the first one, or the replica the
// sentinels promoted in the last WaitFailover.
func (s *Sentinel) Master() *Server { return s.master }

// WaitReplicated waits until every replica has applied every write the
// master had taken when it was called (its replication offset reached the
// master's). Redis replicates asynchronously: a write the master
// acknowledged but had not yet sent on is lost when the master dies, so a
// test that wants its data to survive KillMaster waits here first.
func (s *Sentinel) WaitReplicated() {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	info, err := infoReplication(ctx, s.master)
	cancel()
	if err != nil {
		s.t.Fatalf("redistest: %v", err)
	}
	want, err := strconv.ParseInt(info["master_repl_offset"], 10, 64)
	if err != nil {
		s.t.Fatalf("redistest: master %s: master_repl_offset %q: %v", s.master.Addr(), info["master_repl_offset"], err)
	}
	s.waitFor(10*time.Second, fmt.Sprintf("the replicas to reach offset %d", want), func(ctx context.Context) error {
		for _, r := range s.replicas {
			info, err := infoReplication(ctx, r)
			if err != nil {
				return err
			}
			got, _ := strconv.ParseInt(info["slave_repl_offset"], 10, 64)
			if got < want {
				return fmt.Errorf("replica %s at offset %d, want %d", r.Addr(), got, want)
			}
		}
		return nil
	})
}

// KillMaster kills the master with SIGKILL, as a crash or a lost machine
// would: no shutdown, nothing saved, clients see their connections reset.
// WaitFailover then waits for the sentinels to promote a replica.
func (s *Sentinel) KillMaster() {
	s.t.Helper()
	if len(s.replicas) == 0 {
		s.t.Fatal("redistest: KillMaster: no replica to fail over to (use StartFailover)")
	}
	s.master.Stop()
	s.killed = time.Now()
}

// WaitFailover waits until every sentinel names a replica as the master
// and that replica has taken the master's role (it accepts writes), and
// returns it; the test fails after 30s. The failover's length is logged.
func (s *Sentinel) WaitFailover() *Server {
	s.t.Helper()
	if s.killed.IsZero() {
		s.t.Fatal("redistest: WaitFailover without KillMaster")
	}
	var promoted *Server
	s.waitFor(30*time.Second, "the sentinels to promote a replica", func(ctx context.Context) error {
		promoted = nil
		for _, sn := range s.sentinels {
			c := redis.NewSentinelClient(&redis.Options{Addr: sn.Addr(), MaxRetries: -1})
			addr, err := c.GetMasterAddrByName(ctx, SentinelMaster).Result()
			c.Close()
			if err != nil {
				return fmt.Errorf("sentinel %s: master: %w", sn.Addr(), err)
			}
			got := net.JoinHostPort(addr[0], addr[1])
			i := slices.IndexFunc(s.replicas, func(r *Server) bool { return r.Addr() == got })
			if i < 0 || (promoted != nil && promoted != s.replicas[i]) {
				return fmt.Errorf("sentinel %s names master %s", sn.Addr(), got)
			}
			promoted = s.replicas[i]
		}
		info, err := infoReplication(ctx, promoted)
		if err != nil {
			return err
		}
		if info["role"] != "master" {
			return fmt.Errorf("promoted %s has role %q", promoted.Addr(), info["role"])
		}
		return nil
	})
	s.t.Logf("redistest: failover from %s to %s took %v after the kill", s.master.Addr(), promoted.Addr(), time.Since(s.killed).Round(time.Millisecond))
	s.replicas = slices.DeleteFunc(s.replicas, func(r *Server) bool { return r == promoted })
	s.master, s.killed = promoted, time.Time{}
	return promoted
}
