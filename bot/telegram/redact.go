package telegram

import (
	"bytes"
	"fmt"
	"net/url"
	"strings"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"
)

// Redactor replaces secrets (the bot token) in text. The token reaches
// text in the request URL that net/http puts into its errors and in
// anything the library logs.
type Redactor struct {
	r *strings.Replacer
	// forms are the strings r replaces. Text that holds none of them (every
	// log line, normally) is returned as it is: looking for a few strings
	// costs a fraction of the Replacer's walk and allocates nothing, and
	// every log line passes here twice (RedactCore, RedactWriter).
	forms     []string
	formBytes [][]byte
}

// NewRedactor redacts each non-empty secret, raw and URL-escaped.
func NewRedactor(secrets ...string) *Redactor {
	var pairs, forms []string
	for _, s := range secrets {
		if s == "" {
			continue
		}
		pairs, forms = append(pairs, s, "<redacted>"), append(forms, s)
		if e := url.PathEscape(s); e != s {
			pairs, forms = append(pairs, e, "<redacted>"), append(forms, e)
		}
		if e := url.QueryEscape(s); e != s {
			pairs, forms = append(pairs, e, "<redacted>"), append(forms, e)
		}
	}
	r := &Redactor{r: strings.NewReplacer(pairs...), forms: forms}
	for _, f := range forms {
		r.formBytes = append(r.formBytes, []byte(f))
	}
	return r
}

// String redacts s.
func (r *Redactor) String(s string) string {
	if !r.in(s) {
		return s
	}
	return r.r.Replace(s)
}

// in reports whether s holds a secret.
func (r *Redactor) in(s string) bool {
	if r == nil {
		return false
	}
	for _, f := range r.forms {
		if strings.Contains(s, f) {
			return true
		}
	}
	return false
}

// inBytes reports whether p holds a secret.
func (r *Redactor) inBytes(p []byte) bool {
	if r == nil {
		return false
	}
	for _, f := range r.formBytes {
		if bytes.Contains(p, f) {
			return true
		}
	}
	return false
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
	if c.clean(fields) {
		return fields
	}
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

// clean reports whether fields pass through fields unchanged: numbers,
// durations, booleans and strings without a secret. Errors, Stringers and
// other values are always turned into strings (which is how they have
// always been written), so they take the copy.
func (c *redactCore) clean(fields []zapcore.Field) bool {
	for _, f := range fields {
		switch f.Type {
		case zapcore.StringType:
			if c.r.in(f.String) {
				return false
			}
		case zapcore.ErrorType, zapcore.StringerType, zapcore.ReflectType, zapcore.ByteStringType,
			zapcore.ArrayMarshalerType, zapcore.ObjectMarshalerType, zapcore.InlineMarshalerType:
			return false
		}
	}
	return true
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
	if !rw.r.inBytes(p) {
		return rw.w.Write(p)
	}
	if _, err := rw.w.Write([]byte(rw.r.r.Replace(string(p)))); err != nil {
		return 0, err
	}
	return len(p), nil
}

func (rw redactWriter) Sync() error { return rw.w.Sync() }
