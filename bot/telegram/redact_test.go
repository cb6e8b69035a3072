package telegram

import (
	"bytes"
	"errors"
	"io"
	"net/url"
	"reflect"
	"testing"
	"time"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
	"go.uber.org/zap/zaptest/observer"
)

// BenchmarkRedactedLogLine is the line the engine logs for every update,
// through the redacting core and writer as cmd/scamcheck wires them.
func BenchmarkRedactedLogLine(b *testing.B) {
	r := NewRedactor(token, "a-long-hashing-secret-0123456789", "webhook-secret_42")
	core := zapcore.NewCore(zapcore.NewJSONEncoder(zap.NewProductionEncoderConfig()), zapcore.Lock(RedactWriter(zapcore.AddSync(io.Discard), r)), zapcore.InfoLevel)
	log := zap.New(RedactCore(core, r)).Named("engine")
	b.ReportAllocs()
	for b.Loop() {
		l := log.With(zap.String("user", "0123456789ab"), zap.String("update", "tg:424242424:1234567"), zap.String("kind", "text"))
		l.Info("update handled", zap.Stringer("level", time.Second), zap.String("type", "impersonation"),
			zap.String("source", "rules"), zap.String("model", "not_asked"), zap.Int("replies", 2), zap.Duration("took", 3*time.Millisecond))
	}
}

func TestRedactWriterRedactsEveryFormAndPassesCleanLines(t *testing.T) {
	secret := "s3cret:with/escapes"
	r := NewRedactor(secret)
	var buf bytes.Buffer
	w := RedactWriter(zapcore.AddSync(&buf), r)
	for _, tc := range []struct{ in, want string }{
		{"a clean line\n", "a clean line\n"},
		{"raw " + secret + "\n", "raw <redacted>\n"},
		{"path " + url.PathEscape(secret) + "\n", "path <redacted>\n"},
		{"query " + url.QueryEscape(secret) + "\n", "query <redacted>\n"},
	} {
		buf.Reset()
		n, err := w.Write([]byte(tc.in))
		if err != nil || n != len(tc.in) {
			t.Errorf("Write(%q): got %d, %v; want %d, nil", tc.in, n, err, len(tc.in))
		}
		if got := buf.String(); got != tc.want {
			t.Errorf("Write(%q) wrote %q, want %q", tc.in, got, tc.want)
		}
		if got, want := r.String(tc.in), tc.want; got != want {
			t.Errorf("String(%q): got %q, want %q", tc.in, got, want)
		}
	}
	var nilRedactor *Redactor
	if got := nilRedactor.String("x " + secret); got != "x "+secret {
		t.Errorf("a nil Redactor: got %q, want the text unchanged", got)
	}
}

func TestRedactCoreKeepsCleanFieldsAndStringifiesTheRest(t *testing.T) {
	core, logs := observer.New(zapcore.DebugLevel)
	log := zap.New(RedactCore(core, NewRedactor(token)))
	log.Info("m", zap.String("clean", "x"), zap.Int("n", 3), zap.String("secret", "t="+token), zap.Error(errors.New("e")))
	got := logs.All()[0].ContextMap()
	want := map[string]any{"clean": "x", "n": int64(3), "secret": "t=<redacted>", "error": "e"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("fields: got %v, want %v", got, want)
	}
	logs.TakeAll()
	log.Info("m", zap.String("clean", "x"), zap.Duration("d", time.Second))
	if got, want := logs.All()[0].ContextMap(), map[string]any{"clean": "x", "d": time.Second}; !reflect.DeepEqual(got, want) {
		t.Errorf("clean fields: got %v, want %v", got, want)
	}
}
