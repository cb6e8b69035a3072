package metrics

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus/promhttp"
	"go.uber.org/zap"
)

// ReadyTimeout bounds the readiness check: a Redis that does not take a
// write within it is as good as down for a person waiting for a verdict.
const ReadyTimeout = 500 * time.Millisecond

// ReadyFunc reports whether the bot can serve: nil when its store takes a
// write (a session can be saved). A store without a network (memory) is
// always ready.
type ReadyFunc func(ctx context.Context) error

// Mux serves /healthz (the process is alive and serving HTTP), /readyz
// (ready answers within ReadyTimeout; 503 otherwise) and /metrics.
func (m *Metrics) Mux(ready ReadyFunc) *http.ServeMux {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprintln(w, "ok")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		if ready != nil {
			ctx, cancel := context.WithTimeout(r.Context(), ReadyTimeout)
			defer cancel()
			if err := ready(ctx); err != nil {
				// The reason stays in the process: a probe's body may be
				// shown to whoever can reach the port.
				w.WriteHeader(http.StatusServiceUnavailable)
				fmt.Fprintln(w, "not ready: session store unreachable or refusing writes")
				return
			}
		}
		fmt.Fprintln(w, "ready")
	})
	mux.Handle("GET /metrics", promhttp.HandlerFor(m.Registry, promhttp.HandlerOpts{
		// A failing collector must not hide every other metric.
		ErrorHandling: promhttp.ContinueOnError,
	}))
	return mux
}

// Server is the metrics and health listener.
type Server struct {
	srv *http.Server
	ln  net.Listener
}

// Listen binds addr (so that a taken port fails start-up at once) and
// serves m and the probes in the background until Close.
// Serve's failure (the listener broke) is logged to log.
func Listen(addr string, m *Metrics, ready ReadyFunc, log *zap.Logger) (*Server, error) {
	if log == nil {
		log = zap.NewNop()
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("METRICS_ADDR=%s: %w", addr, err)
	}
	s := &Server{ln: ln, srv: &http.Server{
		Handler:           m.Mux(ready),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      30 * time.Second,
		IdleTimeout:       60 * time.Second,
		MaxHeaderBytes:    16 << 10,
	}}
	go func() {
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			// The bot goes on without its probes; the orchestrator will
			// notice them gone.
			log.Error("metrics and health listener stopped", zap.Error(err))
		}
	}()
	return s, nil
}

// Addr is the bound address (with the real port when addr asked for 0).
func (s *Server) Addr() string { return s.ln.Addr().String() }

// Close stops serving, letting requests in progress finish for up to a
// second.
func (s *Server) Close() error {
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := s.srv.Shutdown(ctx); err != nil {
		return fmt.Errorf("metrics server shutdown: %w", err)
	}
	return nil
}
