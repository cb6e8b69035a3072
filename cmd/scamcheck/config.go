package main

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"net"
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
	RedisURL string // empty (and no Sentinel or Cluster): in-memory store
	// redisOpt is the Redis deployment (nil: in-memory store): one
	// server, a Sentinel-watched master, or a Cluster.
	redisOpt *redis.UniversalOptions
	LogLevel zapcore.Level
	// Secret keys the hash of user ids; SecretGenerated says it was made
	// up at start because SCAMCHECK_SECRET was unset.
	Secret          []byte
	SecretGenerated bool
	PollTimeout     time.Duration
	// Mode is modePolling or modeWebhook.
	Mode string
	// Webhook settings (Mode == modeWebhook): the public URL Telegram
	// posts to, the local address to listen on, and the secret token.
	WebhookURL, WebhookListen, WebhookSecret string
	// ShutdownGrace is how long stopping may take: updates in hand are
	// finished within it, and a webhook acknowledges only what it can
	// deliver within it. Set it a little under the container's
	// termination period.
	ShutdownGrace time.Duration
}

// DefaultShutdownGrace fits Docker's default stop timeout of 10s with room
// to close the store and flush the logs.
const DefaultShutdownGrace = 8 * time.Second

// Update transports of `scamcheck run`.
const (
	modePolling = "polling"
	modeWebhook = "webhook"
)

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
	mode := fs.String("mode", firstNonEmpty(env("TELEGRAM_MODE"), modePolling), "how updates arrive: polling or webhook (env TELEGRAM_MODE)")
	webhookURL := fs.String("webhook-url", env("WEBHOOK_URL"), "public https URL Telegram posts updates to (env WEBHOOK_URL)")
	grace := fs.String("shutdown-grace", firstNonEmpty(env("SHUTDOWN_GRACE"), DefaultShutdownGrace.String()), "how long stopping may take, a little under the container's termination period (env SHUTDOWN_GRACE)")
	webhookListen := fs.String("webhook-listen", firstNonEmpty(env("WEBHOOK_LISTEN"), ":8080"), "address the webhook server listens on (env WEBHOOK_LISTEN)")
	fs.Usage = func() {
		fmt.Fprintln(sio.err, "usage: scamcheck run [flags]\n\nEnvironment: TELEGRAM_BOT_TOKEN (required), TELEGRAM_API_URL, TELEGRAM_MODE, WEBHOOK_URL, WEBHOOK_LISTEN, WEBHOOK_SECRET, SHUTDOWN_GRACE, REDIS_URL, REDIS_SENTINEL_MASTER, REDIS_SENTINEL_ADDRS, REDIS_CLUSTER_ADDRS, LOG_LEVEL, SCAMCHECK_SECRET, LLM_* (see README).\n\nFlags:")
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

	c.RedisURL = *redisURL
	if c.redisOpt, err = redisOptions(c.RedisURL, env("REDIS_SENTINEL_MASTER"), env("REDIS_SENTINEL_ADDRS"), env("REDIS_CLUSTER_ADDRS")); err != nil {
		return c, err
	}

	if err := c.LogLevel.UnmarshalText([]byte(strings.ToLower(*logLevel))); err != nil {
		return c, fmt.Errorf("LOG_LEVEL=%q: want debug, info, warn or error", *logLevel)
	}

	if *pollTimeout < time.Second || *pollTimeout > 50*time.Second {
		return c, fmt.Errorf("-poll-timeout=%s: want between 1s and 50s", *pollTimeout)
	}
	c.PollTimeout = *pollTimeout

	if c.ShutdownGrace, err = time.ParseDuration(*grace); err != nil || c.ShutdownGrace < time.Second || c.ShutdownGrace > 10*time.Minute {
		return c, fmt.Errorf("SHUTDOWN_GRACE=%q: want a duration between 1s and 10m, such as 25s for a 30s termination period", *grace)
	}

	if err := c.loadWebhook(*mode, *webhookURL, *webhookListen, env("WEBHOOK_SECRET")); err != nil {
		return c, err
	}

	secret, generated, err := loadSecret(sio)
	if err != nil {
		return c, err
	}
	c.Secret, c.SecretGenerated = secret, generated
	return c, nil
}

// loadWebhook checks the transport settings.
func (c *runConfig) loadWebhook(mode, hookURL, listen, secret string) error {
	switch mode = strings.ToLower(mode); mode {
	case modePolling:
		c.Mode = modePolling
		return nil
	case modeWebhook:
		c.Mode = modeWebhook
	default:
		return fmt.Errorf("TELEGRAM_MODE=%q: want polling or webhook", mode)
	}
	u, err := url.Parse(hookURL)
	switch {
	case hookURL == "":
		return errors.New("WEBHOOK_URL is not set: TELEGRAM_MODE=webhook needs the public https URL Telegram posts updates to")
	case err != nil || u.Host == "" || u.RawQuery != "" || u.Fragment != "" || u.User != nil:
		return fmt.Errorf("WEBHOOK_URL=%q is not an https URL such as https://bot.example.org/telegram", hookURL)
	case u.Scheme == "http" && isLoopback(u.Hostname()):
		// Only a local test Bot API can post to plain http.
	case u.Scheme != "https":
		return fmt.Errorf("WEBHOOK_URL=%q: Telegram posts only to https URLs", hookURL)
	}
	c.WebhookURL = hookURL
	if _, port, err := net.SplitHostPort(listen); err != nil || port == "" {
		return fmt.Errorf("WEBHOOK_LISTEN=%q: want host:port or :port, e.g. :8080", listen)
	}
	c.WebhookListen = listen
	switch {
	case secret == "":
		return errors.New("WEBHOOK_SECRET is not set: TELEGRAM_MODE=webhook needs a secret token (e.g. openssl rand -hex 32) so that only Telegram can post updates")
	case !telegram.ValidWebhookSecret(secret):
		return errors.New("WEBHOOK_SECRET is malformed: want 1-256 characters of A-Z, a-z, 0-9, _ and -")
	}
	c.WebhookSecret = secret
	return nil
}

func isLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// redisOptions reads the Redis deployment: nil for none (in-memory store).
//
//   - One server: REDIS_URL=redis://[user:password@]host:port/db (rediss://
//     for TLS).
//   - Sentinel: REDIS_SENTINEL_MASTER names the master; REDIS_URL names one
//     sentinel (and the master's password, database and TLS),
//     REDIS_SENTINEL_ADDRS (host:port,...) more sentinels.
//   - Cluster: REDIS_CLUSTER_ADDRS (host:port,...) names seed nodes;
//     REDIS_URL, if set, one more node and the password and TLS.
//
// Errors name the setting, never its value (it may hold a password).
func redisOptions(redisURL, sentinelMaster, sentinelAddrs, clusterAddrs string) (*redis.UniversalOptions, error) {
	if sentinelMaster != "" && clusterAddrs != "" {
		return nil, errors.New("REDIS_SENTINEL_MASTER and REDIS_CLUSTER_ADDRS are both set: a deployment is Sentinel or Cluster, not both")
	}
	if sentinelAddrs != "" && sentinelMaster == "" {
		return nil, errors.New("REDIS_SENTINEL_ADDRS is set without REDIS_SENTINEL_MASTER (the name of the master the sentinels watch)")
	}
	if redisURL == "" && sentinelAddrs == "" && clusterAddrs == "" {
		if sentinelMaster != "" {
			return nil, errors.New("REDIS_SENTINEL_MASTER is set without sentinels: set REDIS_URL or REDIS_SENTINEL_ADDRS to a sentinel's host:port")
		}
		return nil, nil
	}
	u := &redis.UniversalOptions{}
	if redisURL != "" {
		opt, err := redis.ParseURL(redisURL)
		if err != nil {
			// The URL may hold a password: name the setting, not the value.
			return nil, errors.New("REDIS_URL is malformed: want redis://[:password@]host:port/db or rediss://...")
		}
		u.Addrs = []string{opt.Addr}
		u.Username, u.Password, u.DB, u.TLSConfig = opt.Username, opt.Password, opt.DB, opt.TLSConfig
	}
	more := func(name, list string) error {
		for _, a := range strings.Split(list, ",") {
			a = strings.TrimSpace(a)
			if a == "" {
				continue
			}
			if host, port, err := net.SplitHostPort(a); err != nil || host == "" || port == "" {
				return fmt.Errorf("%s: %q is not host:port", name, a)
			}
			u.Addrs = append(u.Addrs, a)
		}
		return nil
	}
	switch {
	case sentinelMaster != "":
		if err := more("REDIS_SENTINEL_ADDRS", sentinelAddrs); err != nil {
			return nil, err
		}
		if len(u.Addrs) == 0 {
			return nil, errors.New("REDIS_SENTINEL_MASTER is set without sentinels: set REDIS_URL or REDIS_SENTINEL_ADDRS to a sentinel's host:port")
		}
		u.MasterName = sentinelMaster
	case clusterAddrs != "":
		if err := more("REDIS_CLUSTER_ADDRS", clusterAddrs); err != nil {
			return nil, err
		}
		if len(u.Addrs) == 0 {
			return nil, errors.New("REDIS_CLUSTER_ADDRS names no node: want host:port,host:port,...")
		}
		if u.DB != 0 {
			return nil, errors.New("REDIS_URL names a database other than 0: Redis Cluster has only database 0")
		}
		u.IsClusterMode = true
	}
	return u, nil
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
