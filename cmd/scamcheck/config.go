package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"net/url"
	"regexp"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/scamcheck/scamcheck/bot/telegram"
)

// runConfig is the bot's configuration: the environment, overridden by
// flags. The token and the secret come from the environment only, so they
// never show in a process list.
type runConfig struct {
	Token    string
	APIURL   string
	RedisURL string // empty: in-memory store
	redisOpt *redis.Options
	LogLevel zapcore.Level
	// Secret keys the hash of user ids; SecretGenerated says it was made
	// up at start because SCAMCHECK_SECRET was unset.
	Secret          []byte
	SecretGenerated bool
	PollTimeout     time.Duration
}

// tokenPattern is the shape of a @BotFather token: the bot's id, a colon,
// the secret part.
var tokenPattern = regexp.MustCompile(`^[0-9]{1,20}:[A-Za-z0-9_-]{1,100}$`)

// loadRunConfig reads and checks every setting. The error names the first
// bad setting in one line and never repeats a secret value.
func loadRunConfig(args []string, sio stdio) (runConfig, error) {
	env := func(name string) string { return strings.TrimSpace(sio.getenv(name)) }
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	apiURL := fs.String("api-url", firstNonEmpty(env("TELEGRAM_API_URL"), telegram.DefaultAPIURL), "Bot API base URL (env TELEGRAM_API_URL)")
	redisURL := fs.String("redis-url", env("REDIS_URL"), "Redis URL, e.g. redis://localhost:6379/0; empty keeps state in memory (env REDIS_URL)")
	logLevel := fs.String("log-level", firstNonEmpty(env("LOG_LEVEL"), "info"), "debug, info, warn or error (env LOG_LEVEL)")
	pollTimeout := fs.Duration("poll-timeout", 25*time.Second, "long-poll timeout of getUpdates")
	fs.Usage = func() {
		fmt.Fprintln(sio.err, "usage: scamcheck run [flags]\n\nEnvironment: TELEGRAM_BOT_TOKEN (required), TELEGRAM_API_URL, REDIS_URL, LOG_LEVEL, SCAMCHECK_SECRET, LLM_* (see README).\n\nFlags:")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return runConfig{}, errUsage
	}
	if fs.NArg() > 0 {
		return runConfig{}, fmt.Errorf("unexpected argument %q (settings are flags or environment variables)", fs.Arg(0))
	}

	var c runConfig
	c.Token = env("TELEGRAM_BOT_TOKEN")
	switch {
	case c.Token == "":
		return c, errors.New("TELEGRAM_BOT_TOKEN is not set: get a token from @BotFather (for a try without Telegram: scamcheck chat)")
	case !tokenPattern.MatchString(c.Token):
		return c, errors.New("TELEGRAM_BOT_TOKEN is malformed: want <digits>:<characters> as @BotFather gives it")
	}

	u, err := url.Parse(*apiURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" {
		return c, fmt.Errorf("TELEGRAM_API_URL=%q is not an http(s) base URL such as %s", *apiURL, telegram.DefaultAPIURL)
	}
	c.APIURL = strings.TrimRight(*apiURL, "/")

	if c.RedisURL = *redisURL; c.RedisURL != "" {
		opt, err := redis.ParseURL(c.RedisURL)
		if err != nil {
			// The URL may hold a password: name the setting, not the value.
			return c, errors.New("REDIS_URL is malformed: want redis://[:password@]host:port/db or rediss://...")
		}
		c.redisOpt = opt
	}

	if err := c.LogLevel.UnmarshalText([]byte(strings.ToLower(*logLevel))); err != nil {
		return c, fmt.Errorf("LOG_LEVEL=%q: want debug, info, warn or error", *logLevel)
	}

	if *pollTimeout < time.Second || *pollTimeout > 50*time.Second {
		return c, fmt.Errorf("-poll-timeout=%s: want between 1s and 50s", *pollTimeout)
	}
	c.PollTimeout = *pollTimeout

	secret, generated, err := loadSecret(sio)
	if err != nil {
		return c, err
	}
	c.Secret, c.SecretGenerated = secret, generated
	return c, nil
}

// loadSecret reads SCAMCHECK_SECRET, or makes up one for this process.
func loadSecret(sio stdio) (secret []byte, generated bool, err error) {
	s := sio.getenv("SCAMCHECK_SECRET")
	if s == "" {
		b := make([]byte, 32)
		if _, err := rand.Read(b); err != nil {
			return nil, false, fmt.Errorf("generate a secret: %w", err)
		}
		return []byte(hex.EncodeToString(b)), true, nil
	}
	if len(s) < 16 {
		return nil, false, errors.New("SCAMCHECK_SECRET is too short: want at least 16 characters (e.g. openssl rand -hex 32)")
	}
	return []byte(s), false, nil
}

// newLogger writes JSON lines to w at level; the token, the secret and the
// Redis password are redacted from everything it writes.
func newLogger(w zapcore.WriteSyncer, level zapcore.Level, secrets ...string) *zap.Logger {
	enc := zap.NewProductionEncoderConfig()
	enc.EncodeTime = zapcore.ISO8601TimeEncoder
	enc.EncodeDuration = zapcore.StringDurationEncoder
	r := telegram.NewRedactor(secrets...)
	core := zapcore.NewCore(zapcore.NewJSONEncoder(enc), zapcore.Lock(telegram.RedactWriter(w, r)), level)
	return zap.New(telegram.RedactCore(core, r))
}

func firstNonEmpty(vals ...string) string {
	for _, v := range vals {
		if v != "" {
			return v
		}
	}
	return ""
}
