// Package redistest gives tests a real Redis server of their own.
//
// Start launches redis-server on a free loopback port when the binary is on
// PATH, so test runs never share state with each other or with a Redis the
// machine already runs. Without the binary it falls back to REDIS_URL, and
// without that it skips the test, naming what is missing. With
// SCAMCHECK_REQUIRE_REDIS=1 (as CI sets) a missing Redis fails the test
// instead of skipping it. There is deliberately no mock: the code under test
// talks to a real server over a real connection.
package redistest

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// Server is one redis-server process owned by a test (or an external server
// named by REDIS_URL, which cannot be stopped).
type Server struct {
	t    testing.TB
	mu   sync.Mutex
	cmd  *exec.Cmd
	port int
	dir  string
	url  string // set for an external server
	// args are extra redis-server arguments (cluster mode, replicaof).
	args []string
	// sentinel, when set, makes the process a Sentinel with this
	// configuration, written to a file in dir at each start (Sentinel
	// rewrites its file, so each sentinel needs a dir of its own).
	sentinel string
}

// Start returns a running Redis for t and stops it when t ends.
func Start(t testing.TB) *Server {
	t.Helper()
	if _, err := exec.LookPath("redis-server"); err == nil {
		s := &Server{t: t, dir: t.TempDir()}
		if err := s.start(0); err != nil {
			t.Fatalf("redistest: %v", err)
		}
		t.Cleanup(s.Stop)
		return s
	}
	if u := os.Getenv("REDIS_URL"); u != "" {
		s := &Server{t: t, url: u}
		c := s.Client()
		if err := c.FlushDB(context.Background()).Err(); err != nil {
			t.Fatalf("redistest: redis-server not on PATH and REDIS_URL=%s unusable: %v", u, err)
		}
		return s
	}
	msg := "redistest: no Redis: redis-server is not on PATH and REDIS_URL is unset (install redis-server, e.g. apt-get install redis-server)"
	if os.Getenv("SCAMCHECK_REQUIRE_REDIS") == "1" {
		t.Fatal(msg + "; SCAMCHECK_REQUIRE_REDIS=1 forbids skipping")
	}
	t.Skip(msg)
	return nil
}

// URL is the server's redis:// URL.
func (s *Server) URL() string {
	if s.url != "" {
		return s.url
	}
	return fmt.Sprintf("redis://127.0.0.1:%d/0", s.port)
}

// Addr is host:port.
func (s *Server) Addr() string {
	if s.url != "" {
		opt, err := redis.ParseURL(s.url)
		if err != nil {
			s.t.Fatalf("redistest: parse REDIS_URL: %v", err)
		}
		return opt.Addr
	}
	return net.JoinHostPort("127.0.0.1", strconv.Itoa(s.port))
}

// Client returns a go-redis client for the server, closed when the test ends.
func (s *Server) Client() *redis.Client {
	opt, err := redis.ParseURL(s.URL())
	if err != nil {
		s.t.Fatalf("redistest: parse %s: %v", s.URL(), err)
	}
	c := redis.NewClient(opt)
	s.t.Cleanup(func() { c.Close() })
	return c
}

// Stop kills the server (a test of "Redis went away"). Safe to call twice.
func (s *Server) Stop() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cmd == nil {
		return
	}
	_ = s.cmd.Process.Kill()
	_ = s.cmd.Wait()
	s.cmd = nil
}

// Restart starts the server again on the same port, empty (it keeps nothing
// on disk). It fails the test for an external server.
func (s *Server) Restart() {
	s.t.Helper()
	if s.url != "" {
		s.t.Skip("redistest: cannot restart an external Redis (REDIS_URL)")
	}
	s.Stop()
	if err := s.start(s.port); err != nil {
		s.t.Fatalf("redistest: restart: %v", err)
	}
}

// Stoppable reports whether Stop and Restart work (not for REDIS_URL).
func (s *Server) Stoppable() bool { return s.url == "" }

func (s *Server) start(port int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	var lastErr error
	for attempt := 0; attempt < 5; attempt++ {
		p := port
		if p == 0 {
			var err error
			if p, err = freePort(); err != nil {
				return err
			}
		}
		args, err := s.commandLine(p)
		if err != nil {
			return err
		}
		cmd := exec.Command("redis-server", args...)
		if err := cmd.Start(); err != nil {
			return fmt.Errorf("start redis-server: %w", err)
		}
		if err := waitReady(p, cmd); err != nil {
			_ = cmd.Process.Kill()
			_ = cmd.Wait()
			lastErr = err
			continue // the port may have been taken meanwhile; try another
		}
		s.cmd, s.port = cmd, p
		return nil
	}
	return fmt.Errorf("redis-server did not start: %w", lastErr)
}

// commandLine is the redis-server command line for a start on port.
func (s *Server) commandLine(port int) ([]string, error) {
	if s.sentinel == "" {
		return append([]string{
			"--port", strconv.Itoa(port), "--bind", "127.0.0.1",
			"--save", "", "--appendonly", "no", "--dir", s.dir,
			"--protected-mode", "no", "--loglevel", "warning"}, s.args...), nil
	}
	conf := filepath.Join(s.dir, "sentinel.conf")
	body := fmt.Sprintf("port %d\nbind 127.0.0.1\nprotected-mode no\ndir %s\nloglevel warning\nlogfile %s\n%s",
		port, s.dir, filepath.Join(s.dir, "sentinel.log"), s.sentinel)
	if err := os.WriteFile(conf, []byte(body), 0o600); err != nil {
		return nil, fmt.Errorf("write sentinel configuration: %w", err)
	}
	return []string{conf, "--sentinel"}, nil
}

func waitReady(port int, cmd *exec.Cmd) error {
	c := redis.NewClient(&redis.Options{Addr: net.JoinHostPort("127.0.0.1", strconv.Itoa(port)), MaxRetries: -1})
	defer c.Close()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		err := c.Ping(ctx).Err()
		cancel()
		if err == nil {
			return nil
		}
		if cmd.ProcessState != nil {
			return fmt.Errorf("redis-server exited: %v", cmd.ProcessState)
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("redis-server on port %d not ready after 10s", port)
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, fmt.Errorf("find a free port: %w", err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}
