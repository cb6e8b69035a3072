package main

import (
	"context"
	"crypto/rand"
	"flag"
	"fmt"

	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/console"
	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/locales"
)

// runChat is the bot in the terminal: the same engine and dialogs, state in
// memory, numbered choices instead of buttons. It needs no token and no
// Redis.
func runChat(ctx context.Context, args []string, sio stdio) error {
	fs := flag.NewFlagSet("chat", flag.ContinueOnError)
	fs.SetOutput(sio.err)
	lang := fs.String("lang", langFromEnv(sio), "language: zh or en (default from LC_ALL, LC_MESSAGES or LANG)")
	if err := fs.Parse(args); err != nil {
		return errUsage
	}
	if *lang != "zh" && *lang != "en" {
		return fmt.Errorf("-lang=%q: want zh or en", *lang)
	}
	rules, err := classifier.New()
	if err != nil {
		return fmt.Errorf("load rules: %w", err)
	}
	sessions := store.NewMemory()
	checker, err := newChecker(sio, rules, sessions)
	if err != nil {
		return err
	}
	catalog, err := locales.Load()
	if err != nil {
		return fmt.Errorf("load locales: %w", err)
	}
	secret := make([]byte, 32)
	if _, err := rand.Read(secret); err != nil {
		return fmt.Errorf("generate a secret: %w", err)
	}
	// Problems (a store or catalog defect) go to stderr; the conversation
	// goes to stdout.
	log := zap.New(zapcore.NewCore(zapcore.NewConsoleEncoder(zap.NewDevelopmentEncoderConfig()), zapcore.AddSync(sio.err), zap.ErrorLevel))
	engine, err := bot.New(bot.Options{Store: sessions, Checker: checker, Catalog: catalog, Secret: secret, Logger: log})
	if err != nil {
		return err
	}
	chat := &console.Chat{Handler: engine, In: sio.in, Out: sio.out, Lang: *lang, Catalog: catalog}
	return chat.Run(ctx)
}

// langFromEnv picks zh or en from the locale environment.
func langFromEnv(sio stdio) string {
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if v := sio.getenv(name); v != "" {
			return locales.Normalize(v)
		}
	}
	return locales.EN
}
