package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	tgbotapi "github.com/go-telegram-bot-api/telegram-bot-api/v5"
	"github.com/redis/go-redis/v9"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/llm"
	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/bot/telegram"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/dialogs"
	"github.com/scamcheck/scamcheck/locales"
)

// runBot runs the Telegram bot until ctx ends (SIGINT/SIGTERM), then
// finishes the updates in hand and returns.
func runBot(ctx context.Context, args []string, sio stdio) error {
	started := time.Now()
	cfg, err := loadRunConfig(args, sio)
	if err != nil {
		return err
	}
	ocfg, err := loadOpsConfig(sio) // limits and metrics (ops.go)
	if err != nil {
		return err
	}
	iopt, err := loadImageConfig(sio) // OCR and voice notes (images.go)
	if err != nil {
		return err
	}
	transcriber, err := newTranscriber(sio)
	if err != nil {
		return err
	}
	o := newOps(ocfg)
	redisPassword := ""
	if cfg.redisOpt != nil {
		redisPassword = cfg.redisOpt.Password
	}
	log := o.logger(newLogger(zapcore.AddSync(sio.err), cfg.LogLevel, cfg.Token, string(cfg.Secret), redisPassword, cfg.WebhookSecret))
	defer func() { _ = log.Sync() }()
	// The library logs only from helpers we do not use; routed anyway, so
	// a future log line cannot print the token.
	libLog.Store(&telegram.LibraryLogger{Log: log.Named("tgbotapi"), Redact: telegram.NewRedactor(cfg.Token)})
	setLibraryLoggers.Do(func() {
		_ = tgbotapi.SetLogger(libraryLogger{})
		redis.SetLogger(redisLogger{})
	})
	if cfg.SecretGenerated {
		log.Warn("SCAMCHECK_SECRET is unset: using a random one for this run, so stored sessions will not be found after a restart; set it to a long random string")
	}

	sessions, closeStore, err := openStore(ctx, cfg, log, o.redisHooks()...)
	if err != nil {
		return err
	}
	defer closeStore()
	if err := o.start(sessions, log); err != nil {
		return err
	}
	defer o.close()
	var hookLn net.Listener
	if cfg.Mode == modeWebhook {
		// Listen before anything is registered, so a taken port stops
		// start-up in one line.
		if hookLn, err = net.Listen("tcp", cfg.WebhookListen); err != nil {
			return fmt.Errorf("WEBHOOK_LISTEN=%s: %w", cfg.WebhookListen, err)
		}
		defer hookLn.Close()
	}

	rules, err := classifier.New()
	if err != nil {
		return fmt.Errorf("load rules: %w", err)
	}
	checker, err := newCheckerLogged(sio, rules, sessions, log.Named("llm"))
	if err != nil {
		return err
	}
	vision, err := newVision(sio, checker)
	if err != nil {
		return err
	}
	catalog, err := locales.Load()
	if err != nil {
		return fmt.Errorf("load locales: %w", err)
	}
	images := newImageReader(ctx, iopt, log.Named("ocr"))
	engine, err := bot.New(bot.Options{Store: sessions, Checker: o.checker(checker), Catalog: catalog, Secret: cfg.Secret, Logger: log.Named("engine"), Limits: o.Limits, Images: images, Transcriber: transcriber, Vision: vision})
	if err != nil {
		return err
	}
	client, err := telegram.Dial(ctx, telegram.Config{Token: cfg.Token, APIURL: cfg.APIURL, PollTimeout: cfg.PollTimeout, Logger: log.Named("telegram")})
	if err != nil {
		return err
	}
	out := o.outbox()
	client.SetOutbox(out)
	setCommandMenu(ctx, client, catalog, log)
	log.Info("ready", zap.String("bot", client.Self().UserName), zap.String("mode", cfg.Mode), zap.Duration("startup", time.Since(started)))
	if cfg.Mode == modeWebhook {
		if rc, ok := sessions.(replicaCounter); ok {
			stopSharing := shareTelegramRate(ctx, rc, out, log.Named("replicas"))
			defer stopSharing()
		}
		return serveWebhook(ctx, cfg, client, o.handler(engine), o.drops(), hookLn, log)
	}
	p := &telegram.Poller{Client: client, Handler: o.handler(engine), Offsets: sessions, Logger: log.Named("poller"),
		Grace: cfg.ShutdownGrace, Drops: o.drops()}
	return p.Run(ctx)
}

// commandMenuLangs are the menus set at start: English for everyone, and
// one for each catalog language by the person's language_code.
var commandMenuLangs = []struct{ code, lang string }{
	{"", locales.EN}, {"en", locales.EN}, {"zh", locales.ZH},
}

// setCommandMenu sets the command menu people see beside the text box
// (dialogs.Commands, described from the catalog). A failure is logged and
// start-up goes on: the commands work without the menu.
func setCommandMenu(ctx context.Context, client *telegram.Client, catalog *locales.Catalog, log *zap.Logger) {
	for _, m := range commandMenuLangs {
		var cmds []tgbotapi.BotCommand
		for _, c := range dialogs.Commands() {
			desc, err := catalog.Render(m.lang, c.Description.Key, nil)
			if err != nil {
				log.Error("command menu not set", zap.String("command", c.Name), zap.Error(err))
				return
			}
			cmds = append(cmds, tgbotapi.BotCommand{Command: c.Name, Description: desc})
		}
		if err := client.SetCommands(ctx, m.code, cmds); err != nil {
			log.Warn("command menu not set; the commands still work", zap.String("language_code", m.code), zap.Error(err))
		}
	}
}

// serveWebhook serves Telegram's posts on ln and registers the webhook once
// the server is up, until ctx ends. Several replicas may run it behind one
// load balancer: each registers the same URL, and the store's locks and
// claims keep them from answering an update twice.
func serveWebhook(ctx context.Context, cfg runConfig, client *telegram.Client, h telegram.Handler, drops telegram.DropObserver, ln net.Listener, log *zap.Logger) error {
	w := &telegram.Webhook{Client: client, Handler: h, URL: cfg.WebhookURL, Secret: cfg.WebhookSecret, Logger: log.Named("webhook"),
		Grace: cfg.ShutdownGrace, Drops: drops}
	sctx, stop := context.WithCancel(ctx)
	defer stop()
	done := make(chan error, 1)
	go func() { done <- w.Serve(sctx, ln) }()
	registered := make(chan error, 1)
	go func() { registered <- w.Register(sctx) }()
	select {
	case err := <-done:
		// The server failed before the webhook was registered.
		stop()
		<-registered
		return err
	case err := <-registered:
		if err != nil {
			stop()
			<-done
			if ctx.Err() != nil {
				return nil // stopped while registering
			}
			return fmt.Errorf("WEBHOOK_URL: %w", err)
		}
	}
	return <-done
}

// botStore is what the bot needs of a store: sessions, the offset, the
// model's budgets, and a ping for /readyz.
type botStore interface {
	bot.SessionStore
	telegram.OffsetStore
	llm.Store
	pinger
}

// openStore connects to Redis (failing start-up in one line, naming the
// setting, when it does not answer) or, without Redis settings, keeps state
// in memory. One server, Sentinel and Cluster all go through go-redis's
// UniversalClient; the store's keys are laid out for Cluster. hooks watch
// the client (the metrics count its round trips).
func openStore(ctx context.Context, cfg runConfig, log *zap.Logger, hooks ...redis.Hook) (botStore, func(), error) {
	if cfg.redisOpt == nil {
		log.Warn("REDIS_URL is unset: keeping sessions in memory; they are lost when the bot restarts")
		return store.NewMemory(), func() {}, nil
	}
	opt := cfg.redisOpt
	// Short timeouts and few retries: while Redis is away each update
	// should lose at most a second to it and still be answered.
	opt.DialTimeout = time.Second
	opt.ReadTimeout = time.Second
	opt.WriteTimeout = time.Second
	opt.MaxRetries = 1
	opt.DialerRetries = 1
	setting, what := "REDIS_URL", "Redis at "+strings.Join(opt.Addrs, ",")
	switch {
	case opt.MasterName != "":
		setting, what = "REDIS_SENTINEL_MASTER", "Redis master "+opt.MasterName+" via Sentinel at "+strings.Join(opt.Addrs, ",")
	case opt.IsClusterMode:
		setting, what = "REDIS_CLUSTER_ADDRS", "Redis Cluster at "+strings.Join(opt.Addrs, ",")
	}
	// go-redis's own lines are dropped until Redis has answered once, so a
	// Redis down at start gives the one error line below and nothing else.
	redisLog.Store(nil)
	c := redis.NewUniversalClient(opt)
	for _, h := range hooks {
		c.AddHook(h)
	}
	s := store.NewRedis(c, "")
	pctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	if err := s.Ping(pctx); err != nil {
		c.Close()
		return nil, nil, fmt.Errorf("%s: %s does not answer: %w", setting, what, err)
	}
	redisLog.Store(log.Named("redis"))
	log.Info("using "+what, zap.Int("db", opt.DB))
	return s, func() { _ = c.Close() }, nil
}

// The libraries' loggers are process-wide variables they read without
// locks; they are set once, to adapters that forward to the current run's
// logger (tests run the bot several times in one process).
var (
	setLibraryLoggers sync.Once
	libLog            atomic.Pointer[telegram.LibraryLogger]
	redisLog          atomic.Pointer[zap.Logger]
)

// libraryLogger forwards telegram-bot-api's lines, redacted.
type libraryLogger struct{}

func (libraryLogger) Println(v ...any) {
	if l := libLog.Load(); l != nil {
		l.Println(v...)
	}
}

func (libraryLogger) Printf(format string, v ...any) {
	if l := libLog.Load(); l != nil {
		l.Printf(format, v...)
	}
}

// redisLogger forwards go-redis's own lines (reconnects) to zap.
type redisLogger struct{}

func (redisLogger) Printf(_ context.Context, format string, v ...any) {
	if l := redisLog.Load(); l != nil {
		l.Warn(fmt.Sprintf(format, v...))
	}
}

// replicaCounter counts the live replicas of the bot; store.Redis
// implements it.
type replicaCounter interface {
	Replicas(ctx context.Context, id string, ttl time.Duration) (int, error)
}

// Heartbeats of the replica count: a replica that stops beating drops out
// of the others' count after replicaTTL.
const (
	replicaBeat = 5 * time.Second
	replicaTTL  = 3 * replicaBeat
)

// shareTelegramRate keeps this replica's share of Telegram's global rate
// (about 30 messages a second for the whole bot) at 1/N of it, N the live
// webhook replicas on the same Redis, until ctx ends or stop is called.
// The first count is taken before it returns, so the first replies are
// already paced by it. When Redis cannot be asked, the last share stays.
func shareTelegramRate(ctx context.Context, rc replicaCounter, out *telegram.Outbox, log *zap.Logger) (stop func()) {
	id := newReplicaID()
	last := 0
	beat := func() {
		bctx, cancel := context.WithTimeout(ctx, time.Second)
		n, err := rc.Replicas(bctx, id, replicaTTL)
		cancel()
		if err != nil {
			if ctx.Err() == nil {
				log.Warn("replica count not updated; keeping the last share of Telegram's rate", zap.Error(err))
			}
			return
		}
		if n != last {
			out.Share(n)
			log.Info("sharing Telegram's global rate", zap.Int("replicas", n), zap.Float64("messages_per_second", float64(out.GlobalRate())))
			last = n
		}
	}
	beat()
	bctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(replicaBeat)
		defer t.Stop()
		for {
			select {
			case <-bctx.Done():
				return
			case <-t.C:
				beat()
			}
		}
	}()
	return func() {
		cancel()
		<-done
	}
}

// newReplicaID names this process among the replicas: random, so two
// replicas on one host never share it.
func newReplicaID() string {
	var b [8]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never fails
	return hex.EncodeToString(b[:])
}
