package telegram

import (
	"fmt"
	"net/url"
	"strings"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// Redactor replaces secrets (the bot token) in text. The token reaches
// text in the request URL that net/http puts into its errors and in
// anything the library logs.
type Redactor struct{ r *strings.Replacer }

// NewRedactor redacts each non-empty secret, raw and URL-escaped.
func NewRedactor(secrets ...string) *Redactor {
	var pairs []string
	for _, s := range secrets {
		if s == "" {
			continue
		}
		pairs = append(pairs, s, "<redacted>")
		if e := url.PathEscape(s); e != s {
			pairs = append(pairs, e, "<redacted>")
		}
		if e := url.QueryEscape(s); e != s {
			pairs = append(pairs, e, "<redacted>")
		}
	}
	return &Redactor{r: strings.NewReplacer(pairs...)}
}

// String redacts s.
func (r *Redactor) String(s string) string {
	if r == nil {
		return s
	}
	return r.r.Replace(s)
}

// Error returns err with its message redacted. errors.Is and errors.As
// still see the causes (the library's *tgbotapi.Error, context errors),
// but the message printed is clean.
func (r *Redactor) Error(err error) error {
	if err == nil {
		return nil
	}
	return &redactedError{msg: r.String(err.Error()), err: err}
}

type redactedError struct {
	msg string
	err error
}

func (e *redactedError) Error() string { return e.msg }
func (e *redactedError) Unwrap() error { return e.err }

// LibraryLogger receives telegram-bot-api's log lines (tgbotapi.SetLogger)
// and writes them, redacted, as warnings.
type LibraryLogger struct {
	Log    *zap.Logger
	Redact *Redactor
}

// Println logs a line from the library.
func (l LibraryLogger) Println(v ...any) {
	l.Log.Warn(l.Redact.String(strings.TrimSuffix(fmt.Sprintln(v...), "\n")), zap.String("from", "telegram-bot-api"))
}

// Printf logs a formatted line from the library.
func (l LibraryLogger) Printf(format string, v ...any) {
	l.Log.Warn(l.Redact.String(strings.TrimSuffix(fmt.Sprintf(format, v...), "\n")), zap.String("from", "telegram-bot-api"))
}

// RedactCore wraps a zap core so that no entry it writes contains a
// secret: the message and every field are redacted. It is the last line of
// defence; code should not log secrets in the first place.
func RedactCore(core zapcore.Core, r *Redactor) zapcore.Core {
	return &redactCore{Core: core, r: r}
}

type redactCore struct {
	zapcore.Core
	r *Redactor
}

func (c *redactCore) With(fields []zapcore.Field) zapcore.Core {
	return &redactCore{Core: c.Core.With(c.fields(fields)), r: c.r}
}

func (c *redactCore) Check(e zapcore.Entry, ce *zapcore.CheckedEntry) *zapcore.CheckedEntry {
	if c.Enabled(e.Level) {
		return ce.AddCore(e, c)
	}
	return ce
}

func (c *redactCore) Write(e zapcore.Entry, fields []zapcore.Field) error {
	e.Message = c.r.String(e.Message)
	e.Stack = c.r.String(e.Stack)
	return c.Core.Write(e, c.fields(fields))
}

func (c *redactCore) fields(fields []zapcore.Field) []zapcore.Field {
	out := make([]zapcore.Field, len(fields))
	for i, f := range fields {
		switch f.Type {
		case zapcore.StringType:
			f.String = c.r.String(f.String)
		case zapcore.ErrorType:
			if err, ok := f.Interface.(error); ok && err != nil {
				f = zap.String(f.Key, c.r.String(err.Error()))
			}
		case zapcore.StringerType, zapcore.ReflectType, zapcore.ByteStringType,
			zapcore.ArrayMarshalerType, zapcore.ObjectMarshalerType, zapcore.InlineMarshalerType:
			f = zap.String(f.Key, c.r.String(fieldString(f)))
		}
		out[i] = f
	}
	return out
}

func fieldString(f zapcore.Field) string {
	switch f.Type {
	case zapcore.ByteStringType:
		return string(f.Interface.([]byte))
	case zapcore.StringerType:
		if s, ok := f.Interface.(fmt.Stringer); ok {
			return s.String()
		}
	case zapcore.ArrayMarshalerType, zapcore.ObjectMarshalerType, zapcore.InlineMarshalerType:
		enc := zapcore.NewMapObjectEncoder()
		f.AddTo(enc)
		return fmt.Sprint(enc.Fields)
	}
	return fmt.Sprintf("%+v", f.Interface)
}

// RedactWriter redacts secrets from the encoded log output itself, behind
// whatever encoder and fields produced it. Tokens are made of characters
// JSON never escapes, so they appear verbatim if at all.
func RedactWriter(w zapcore.WriteSyncer, r *Redactor) zapcore.WriteSyncer {
	return redactWriter{w: w, r: r}
}

type redactWriter struct {
	w zapcore.WriteSyncer
	r *Redactor
}

func (rw redactWriter) Write(p []byte) (int, error) {
	if _, err := rw.w.Write([]byte(rw.r.String(string(p)))); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (rw redactWriter) Sync() error { return rw.w.Sync() }
