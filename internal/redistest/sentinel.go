package redistest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// SentinelMaster is the master name the test Sentinel watches.
const SentinelMaster = "scamcheck-test"

// Sentinel is a Redis master watched by one Sentinel, owned by a test: the
// smallest deployment through which a client finds its master by asking
// a sentinel, as the bot's failover client does.
type Sentinel struct {
	// Master is the data server.
	Master *Server
	cmd    *exec.Cmd
	port   int
}

// StartSentinel starts a master and a sentinel watching it (redis-server
// --sentinel), and waits until the sentinel names the master. It skips or
// fails like StartCluster where redis-server is missing.
func StartSentinel(t testing.TB) *Sentinel {
	t.Helper()
	requireRedisServer(t)
	master := &Server{t: t, dir: t.TempDir()}
	if err := master.start(0); err != nil {
		t.Fatalf("redistest: sentinel's master: %v", err)
	}
	t.Cleanup(master.Stop)
	s := &Sentinel{Master: master}
	dir := t.TempDir()
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		port, err := freePort()
		if err != nil {
			t.Fatalf("redistest: %v", err)
		}
		// Sentinel rewrites its configuration file, so it gets its own.
		conf := filepath.Join(dir, "sentinel.conf")
		body := fmt.Sprintf("port %d\nbind 127.0.0.1\nprotected-mode no\ndir %s\nloglevel warning\n"+
			"sentinel monitor %s 127.0.0.1 %d 1\nsentinel down-after-milliseconds %s 5000\n",
			port, dir, SentinelMaster, master.port, SentinelMaster)
		if err := os.WriteFile(conf, []byte(body), 0o600); err != nil {
			t.Fatalf("redistest: %v", err)
		}
		cmd := exec.Command("redis-server", conf, "--sentinel")
		if err := cmd.Start(); err != nil {
			t.Fatalf("redistest: start sentinel: %v", err)
		}
		if err := waitReady(port, cmd); err != nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			lastErr = err
			continue
		}
		s.cmd, s.port = cmd, port
		break
	}
	if s.cmd == nil {
		t.Fatalf("redistest: sentinel did not start: %v", lastErr)
	}
	t.Cleanup(func() {
		_ = s.cmd.Process.Kill()
		_ = s.cmd.Wait()
	})
	sc := redis.NewSentinelClient(&redis.Options{Addr: s.Addr()})
	defer sc.Close()
	deadline := time.Now().Add(10 * time.Second)
	for {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		addr, err := sc.GetMasterAddrByName(ctx, SentinelMaster).Result()
		cancel()
		if err == nil && len(addr) == 2 && addr[1] == strconv.Itoa(master.port) {
			return s
		}
		if time.Now().After(deadline) {
			t.Fatalf("redistest: sentinel does not name its master after 10s: %v %v", addr, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// Addr is the sentinel's host:port.
func (s *Sentinel) Addr() string { return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.port)) }
