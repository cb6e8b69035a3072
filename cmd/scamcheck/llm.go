package main

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
	"go.uber.org/zap"
	"go.uber.org/zap/zapcore"

	"github.com/scamcheck/scamcheck/bot"
	"github.com/scamcheck/scamcheck/bot/llm"
	"github.com/scamcheck/scamcheck/classifier"
)

// maxLLMTimeout caps LLM_TIMEOUT: the person waits for the answer, some of
// them with a scammer on the line.
const maxLLMTimeout = 30 * time.Second

// newChecker returns the checker the environment asks for: the rules alone
// when LLM_BASE_URL and LLM_MODEL are unset, else the rules with a model's
// second opinion (issue #5; docs/llm.md lists the settings). store keeps the
// model's budgets and cache; nil means a store in this process's memory.
// Model failures are logged to sio.err at warn level.
func newChecker(sio stdio, rules *classifier.Classifier, store llm.Store) (bot.Checker, error) {
	enc := zap.NewDevelopmentEncoderConfig()
	enc.TimeKey = ""
	log := zap.New(zapcore.NewCore(zapcore.NewConsoleEncoder(enc), zapcore.AddSync(sio.err), zap.WarnLevel)).Named("llm")
	return newCheckerLogged(sio, rules, store, log)
}

// newCheckerLogged is newChecker with the caller's logger (the bot passes
// its own).
func newCheckerLogged(sio stdio, rules *classifier.Classifier, store llm.Store, log *zap.Logger) (bot.Checker, error) {
	baseURL := strings.TrimSpace(sio.getenv("LLM_BASE_URL"))
	model := strings.TrimSpace(sio.getenv("LLM_MODEL"))
	if baseURL == "" && model == "" {
		return bot.RulesChecker{Rules: rules}, nil
	}
	if baseURL == "" || model == "" {
		return nil, errors.New("LLM_BASE_URL and LLM_MODEL must be set together (or both unset for rules only)")
	}
	u, err := url.Parse(baseURL)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil {
		return nil, errors.New("LLM_BASE_URL must be an http(s) URL without credentials, e.g. https://api.openai.com/v1")
	}
	cfg := llm.Config{
		Model:          model,
		ResponseFormat: llm.ResponseFormat(strings.TrimSpace(sio.getenv("LLM_RESPONSE_FORMAT"))),
		CacheSecret:    []byte(sio.getenv("LLM_CACHE_SECRET")),
		Logger:         log,
	}
	var errs []error
	cfg.Timeout = envDuration(sio, "LLM_TIMEOUT", llm.DefaultTimeout, &errs)
	if cfg.Timeout > maxLLMTimeout {
		errs = append(errs, fmt.Errorf("LLM_TIMEOUT=%s is over the %s cap", cfg.Timeout, maxLLMTimeout))
	}
	cfg.UserDailyLimit = envInt(sio, "LLM_USER_DAILY_LIMIT", llm.DefaultUserDailyLimit, &errs)
	cfg.GlobalDailyLimit = envInt(sio, "LLM_DAILY_LIMIT", llm.DefaultGlobalDailyLimit, &errs)
	cfg.CacheTTL = envDuration(sio, "LLM_CACHE_TTL", llm.DefaultCacheTTL, &errs)
	cfg.MaxInputRunes = int(envInt(sio, "LLM_MAX_INPUT_CHARS", llm.DefaultMaxInputRunes, &errs))
	cfg.MaxOutputTokens = int(envInt(sio, "LLM_MAX_OUTPUT_TOKENS", llm.DefaultMaxOutputTokens, &errs))
	cfg.BreakerFailures = int(envInt(sio, "LLM_BREAKER_FAILURES", llm.DefaultBreakerFailures, &errs))
	cfg.BreakerCooldown = envDuration(sio, "LLM_BREAKER_COOLDOWN", llm.DefaultBreakerCooldown, &errs)
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}

	oc := openai.DefaultConfig(sio.getenv("LLM_API_KEY"))
	oc.BaseURL = strings.TrimRight(baseURL, "/")
	// The context deadline does the real work; the client timeout is a
	// backstop so no request can hang past it.
	oc.HTTPClient = &http.Client{Timeout: cfg.Timeout + time.Second}
	if store == nil {
		store = llm.NewMemoryStore()
	}
	c, err := llm.New(openai.NewClientWithConfig(oc), rules, store, cfg)
	if err != nil {
		return nil, fmt.Errorf("configure LLM: %w", err)
	}
	return c, nil
}

// envInt reads a positive integer setting; unset gives def.
func envInt(sio stdio, name string, def int64, errs *[]error) int64 {
	s := strings.TrimSpace(sio.getenv(name))
	if s == "" {
		return def
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		*errs = append(*errs, fmt.Errorf("%s=%q: want a positive whole number", name, s))
		return def
	}
	return n
}

// envDuration reads a positive duration setting ("3s", "500ms", "24h");
// unset gives def.
func envDuration(sio stdio, name string, def time.Duration, errs *[]error) time.Duration {
	s := strings.TrimSpace(sio.getenv(name))
	if s == "" {
		return def
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		*errs = append(*errs, fmt.Errorf("%s=%q: want a positive duration such as 3s or 24h", name, s))
		return def
	}
	return d
}

// newVision makes the image second opinion when LLM_VISION_MODEL is set:
// images the OCR reads poorly, or whose text the rules find grey, are
// also sent to the endpoint of LLM_BASE_URL as an image. It shares the
// text second opinion's endpoint, budgets, breaker and timeout, so it
// needs LLM_BASE_URL and LLM_MODEL (checker is then an *llm.Checker).
// Unset gives nil: images are judged by their OCR text alone.
func newVision(sio stdio, checker bot.Checker) (bot.ImageJudge, error) {
	model := strings.TrimSpace(sio.getenv("LLM_VISION_MODEL"))
	if model == "" {
		return nil, nil
	}
	c, ok := checker.(*llm.Checker)
	if !ok {
		return nil, errors.New("LLM_VISION_MODEL needs LLM_BASE_URL and LLM_MODEL: the vision second opinion shares their endpoint, budgets and breaker")
	}
	v, err := llm.NewVision(c, model)
	if err != nil {
		return nil, fmt.Errorf("LLM_VISION_MODEL: %w", err)
	}
	return v, nil
}
