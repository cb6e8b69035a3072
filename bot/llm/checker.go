package llm

import (
	"context"
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	openai "github.com/sashabaranov/go-openai"
	"go.uber.org/zap"
	"golang.org/x/text/unicode/norm"

	"github.com/scamcheck/scamcheck/classifier"
)

// Rules gives the rules' verdict for a text; *classifier.Classifier is one.
type Rules interface {
	Classify(text string) classifier.Verdict
}

// Config bounds what the model may cost and how long it may take. Zero
// fields take the defaults below.
type Config struct {
	// Model is the model name sent to the endpoint (required).
	Model string
	// Timeout bounds the whole second opinion: cache, budgets and the call.
	// When it passes the person gets the rules' verdict.
	Timeout time.Duration
	// UserDailyLimit and GlobalDailyLimit cap model calls per person and in
	// total per UTC day. Cached answers are free.
	UserDailyLimit   int64
	GlobalDailyLimit int64
	// CacheTTL is how long an answer is reused for the same text.
	CacheTTL time.Duration
	// CacheSecret keys the hash that names cached answers, so the store
	// holds no guessable digest of a message. Empty: a random key per
	// process (the cache then does not survive a restart).
	CacheSecret []byte
	// MaxInputRunes bounds the forwarded text sent to the model.
	MaxInputRunes int
	// MaxOutputTokens bounds the model's answer (and its cost).
	MaxOutputTokens int
	// BreakerFailures consecutive failures open the breaker for
	// BreakerCooldown.
	BreakerFailures int
	BreakerCooldown time.Duration
	// ResponseFormat selects JSON mode or a JSON schema.
	ResponseFormat ResponseFormat
	// Logger receives failures (never message text). Nil: no logs.
	Logger *zap.Logger
	// Now is the clock (tests inject one). Nil: time.Now.
	Now func() time.Time
}

// Defaults for Config's zero fields.
const (
	DefaultTimeout          = 3 * time.Second
	DefaultUserDailyLimit   = 20
	DefaultGlobalDailyLimit = 1000
	DefaultCacheTTL         = 7 * 24 * time.Hour
	DefaultMaxInputRunes    = 2000
	DefaultMaxOutputTokens  = 200
	DefaultBreakerFailures  = 5
	DefaultBreakerCooldown  = time.Minute
)

// budgetTTL outlives the UTC day a budget key is named after.
const budgetTTL = 25 * time.Hour

// Checker gives the rules' verdict, and asks a model for a second opinion
// when the rules are unsure (classifier.NeedsSecondOpinion). The model can
// raise the verdict, never lower it. Whatever goes wrong with the model
// (timeout, HTTP error, invalid answer, over budget, breaker open) the rules'
// verdict comes back marked classifier.ModelUnavailable, within Timeout. It
// implements bot.Checker and is safe for concurrent use.
type Checker struct {
	client  *openai.Client
	rules   Rules
	store   Store
	cfg     Config
	format  *openai.ChatCompletionResponseFormat
	breaker *breaker
	log     *zap.Logger
}

// New returns a Checker that asks client's endpoint. store keeps budgets and
// cached answers.
func New(client *openai.Client, rules Rules, store Store, cfg Config) (*Checker, error) {
	if client == nil || rules == nil || store == nil {
		return nil, errors.New("llm: client, rules and store are required")
	}
	if strings.TrimSpace(cfg.Model) == "" {
		return nil, errors.New("llm: model is required")
	}
	setDefault(&cfg.Timeout, DefaultTimeout)
	setDefault(&cfg.UserDailyLimit, DefaultUserDailyLimit)
	setDefault(&cfg.GlobalDailyLimit, DefaultGlobalDailyLimit)
	setDefault(&cfg.CacheTTL, DefaultCacheTTL)
	setDefault(&cfg.MaxInputRunes, DefaultMaxInputRunes)
	setDefault(&cfg.MaxOutputTokens, DefaultMaxOutputTokens)
	setDefault(&cfg.BreakerFailures, DefaultBreakerFailures)
	setDefault(&cfg.BreakerCooldown, DefaultBreakerCooldown)
	if cfg.Timeout < 0 || cfg.UserDailyLimit < 0 || cfg.GlobalDailyLimit < 0 || cfg.CacheTTL < 0 ||
		cfg.MaxInputRunes < 0 || cfg.MaxOutputTokens < 0 || cfg.BreakerFailures < 0 || cfg.BreakerCooldown < 0 {
		return nil, errors.New("llm: limits, timeouts and TTLs must not be negative")
	}
	format, err := responseFormat(cfg.ResponseFormat)
	if err != nil {
		return nil, fmt.Errorf("llm: %w", err)
	}
	if len(cfg.CacheSecret) == 0 {
		cfg.CacheSecret = make([]byte, 32)
		if _, err := rand.Read(cfg.CacheSecret); err != nil {
			return nil, fmt.Errorf("llm: cache secret: %w", err)
		}
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	log := cfg.Logger
	if log == nil {
		log = zap.NewNop()
	}
	return &Checker{
		client: client, rules: rules, store: store, cfg: cfg, format: format, log: log,
		breaker: &breaker{limit: cfg.BreakerFailures, cooldown: cfg.BreakerCooldown, now: cfg.Now},
	}, nil
}

func setDefault[T comparable](p *T, def T) {
	var zero T
	if *p == zero {
		*p = def
	}
}

// Errors that keep the model out of a verdict; logged, never shown.
var (
	errBreakerOpen = errors.New("breaker open")
	errOverBudget  = errors.New("over budget")
)

// Check returns the verdict for text, asking the model when the rules are
// unsure. userKey is the person's keyed hash, used only to name their budget
// in the store; it is never sent to the model.
func (c *Checker) Check(ctx context.Context, userKey, text string) classifier.Verdict {
	v := c.rules.Classify(text)
	if !classifier.NeedsSecondOpinion(v, text) {
		return v
	}
	ctx, cancel := context.WithTimeout(ctx, c.cfg.Timeout)
	defer cancel()
	op, cached, err := c.opinion(ctx, userKey, text)
	if err != nil {
		// Budgets and an open breaker are expected states, not incidents.
		logf := c.log.Warn
		if errors.Is(err, errOverBudget) || errors.Is(err, errBreakerOpen) {
			logf = c.log.Info
		}
		logf("llm second opinion unavailable; rules' verdict stands",
			zap.String("rules_level", v.Level.String()), zap.Error(err))
		v.ModelStatus = classifier.ModelUnavailable
		return v
	}
	c.log.Debug("llm second opinion", zap.String("rules_level", v.Level.String()),
		zap.String("model_level", op.Level.String()), zap.String("model_type", string(op.Type)), zap.Bool("cached", cached))
	return classifier.Combine(v, op)
}

// opinion returns the model's opinion on text: cached, or asked within the
// breaker and the budgets.
func (c *Checker) opinion(ctx context.Context, userKey, text string) (op classifier.Opinion, cached bool, err error) {
	normal := normalise(text)
	key := c.cacheKey(normal)
	if op, ok := c.cached(ctx, key, normal); ok {
		return op, true, nil
	}
	op, err = c.guarded(ctx, userKey, func(ctx context.Context) (classifier.Opinion, error) {
		return c.ask(ctx, text)
	})
	if err != nil {
		return op, false, err
	}
	c.saveOpinion(ctx, key, normal, op)
	return op, false, nil
}

// guarded makes one model call through the breaker and the daily budgets,
// and tells the breaker how it went. The text and the image second
// opinions both go through it, so they share one breaker and one budget.
func (c *Checker) guarded(ctx context.Context, userKey string, call func(context.Context) (classifier.Opinion, error)) (classifier.Opinion, error) {
	if !c.breaker.allow() {
		return classifier.Opinion{}, errBreakerOpen
	}
	if err := c.spend(ctx, userKey); err != nil {
		c.breaker.release()
		return classifier.Opinion{}, err
	}
	op, err := call(ctx)
	switch {
	case err == nil:
		c.breaker.success()
	case errors.Is(ctx.Err(), context.Canceled):
		// The caller went away (shutdown); that says nothing about the endpoint.
		c.breaker.release()
	default:
		c.breaker.failure()
	}
	return op, err
}

// spend counts one call against the person's and the global daily budget.
// The person's budget is checked first so one heavy user cannot use up the
// global budget. A store error refuses the call: an operator paying per call
// would rather lose a second opinion than lose count.
func (c *Checker) spend(ctx context.Context, userKey string) error {
	day := c.cfg.Now().UTC().Format("20060102")
	n, err := c.store.IncrPersonWithTTL(ctx, userKey, "llm:"+day, budgetTTL)
	if err != nil {
		return fmt.Errorf("count user budget: %w", err)
	}
	if n > c.cfg.UserDailyLimit {
		return fmt.Errorf("%w: user over %d calls today", errOverBudget, c.cfg.UserDailyLimit)
	}
	n, err = c.store.IncrWithTTL(ctx, "llm:budget:global:"+day, budgetTTL)
	if err != nil {
		return fmt.Errorf("count global budget: %w", err)
	}
	if n > c.cfg.GlobalDailyLimit {
		return fmt.Errorf("%w: over %d calls today in total", errOverBudget, c.cfg.GlobalDailyLimit)
	}
	return nil
}

// ask sends one chat completion and validates the answer.
func (c *Checker) ask(ctx context.Context, text string) (classifier.Opinion, error) {
	turn, err := userTurn(text, c.cfg.MaxInputRunes)
	if err != nil {
		return classifier.Opinion{}, err
	}
	return c.complete(ctx, c.cfg.Model, systemPrompt, openai.ChatCompletionMessage{Role: openai.ChatMessageRoleUser, Content: turn})
}

// complete sends the fixed system prompt and one user turn to model and
// validates the answer against the closed set (parseOpinion).
func (c *Checker) complete(ctx context.Context, model, system string, user openai.ChatCompletionMessage) (classifier.Opinion, error) {
	resp, err := c.client.CreateChatCompletion(ctx, openai.ChatCompletionRequest{
		Model: model,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: system},
			user,
		},
		// max_tokens rather than max_completion_tokens: the older name is
		// the one every OpenAI-compatible server (DeepSeek, Ollama, vLLM)
		// understands.
		MaxTokens:      c.cfg.MaxOutputTokens,
		ResponseFormat: c.format,
		// No User or SafetyIdentifier: nothing identifying the person
		// leaves the bot.
	})
	if err != nil {
		return classifier.Opinion{}, fmt.Errorf("chat completion: %w", callError(err))
	}
	if len(resp.Choices) == 0 {
		return classifier.Opinion{}, fmt.Errorf("%w: no choices", errInvalidAnswer)
	}
	return parseOpinion(resp.Choices[0].Message.Content)
}

// normalise folds the variants of one text that a model would judge alike
// (width, compatibility forms, case, spacing) so they share a cache entry.
func normalise(text string) string {
	return strings.Join(strings.Fields(strings.ToLower(norm.NFKC.String(strings.ToValidUTF8(text, "\uFFFD")))), " ")
}

// cacheKey names the cached answer for a normalised text: a keyed hash, so
// the store holds nothing a reader could match against a known message. The
// model and prompt version are part of it; the answer holds no words, so
// it serves every language.
func (c *Checker) cacheKey(normal string) string {
	m := hmac.New(sha256.New, c.cfg.CacheSecret)
	fmt.Fprintf(m, "key\x00%s\x00%s\x00", c.cfg.Model, promptVersion)
	m.Write([]byte(normal))
	return "llm:cache:" + hex.EncodeToString(m.Sum(nil))
}

// sealKey derives the key that encrypts a cached answer from the text itself
// (and the secret): even a level and reason ids, next to a known message,
// say something about it.
func (c *Checker) sealKey(normal string) []byte {
	m := hmac.New(sha256.New, c.cfg.CacheSecret)
	m.Write([]byte("seal\x00"))
	m.Write([]byte(normal))
	return m.Sum(nil)
}

// cachedOpinion is a cached answer before sealing.
type cachedOpinion struct {
	Level   classifier.Level `json:"level"`
	Type    classifier.Type  `json:"type"`
	Reasons []string         `json:"reasons,omitempty"`
}

// cached returns the cached opinion for normal, if any. A store error or an
// unreadable entry is a miss.
func (c *Checker) cached(ctx context.Context, key, normal string) (classifier.Opinion, bool) {
	sealed, ok, err := c.store.GetBytes(ctx, key)
	if err != nil {
		c.log.Warn("llm cache read failed", zap.Error(err))
		return classifier.Opinion{}, false
	}
	if !ok {
		return classifier.Opinion{}, false
	}
	plain, err := open(c.sealKey(normal), sealed)
	var co cachedOpinion
	if err == nil {
		err = json.Unmarshal(plain, &co)
	}
	if err != nil || (co.Type != classifier.TypeNone && !co.Type.Valid()) || !validReasonKeys(co.Reasons) {
		// The error is not logged: it would describe the plaintext.
		c.log.Warn("llm cache entry unreadable; asking again", zap.Int("bytes", len(sealed)))
		return classifier.Opinion{}, false
	}
	return classifier.Opinion{Level: co.Level, Type: co.Type, Reasons: co.Reasons}, true
}

// saveOpinion caches a validated opinion; failing to cache only costs a call later.
func (c *Checker) saveOpinion(ctx context.Context, key, normal string, op classifier.Opinion) {
	plain, err := json.Marshal(cachedOpinion{Level: op.Level, Type: op.Type, Reasons: op.Reasons})
	if err == nil {
		var sealed []byte
		if sealed, err = seal(c.sealKey(normal), plain); err == nil {
			err = c.store.SetBytes(ctx, key, sealed, c.cfg.CacheTTL)
		}
	}
	if err != nil {
		c.log.Warn("llm cache write failed", zap.Error(err))
	}
}

// seal encrypts plain with AES-256-GCM under key, nonce first.
func seal(key, plain []byte) ([]byte, error) {
	aead, err := newAEAD(key)
	if err != nil {
		return nil, err
	}
	nonce := make([]byte, aead.NonceSize())
	if _, err := rand.Read(nonce); err != nil {
		return nil, fmt.Errorf("seal: %w", err)
	}
	return aead.Seal(nonce, nonce, plain, nil), nil
}

// open reverses seal.
func open(key, sealed []byte) ([]byte, error) {
	aead, err := newAEAD(key)
	if err != nil {
		return nil, err
	}
	if len(sealed) < aead.NonceSize() {
		return nil, errors.New("open: sealed value too short")
	}
	plain, err := aead.Open(nil, sealed[:aead.NonceSize()], sealed[aead.NonceSize():], nil)
	if err != nil {
		return nil, fmt.Errorf("open: %w", err)
	}
	return plain, nil
}

func newAEAD(key []byte) (cipher.AEAD, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("cipher: %w", err)
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("cipher: %w", err)
	}
	return aead, nil
}

// callError describes a failed chat completion without what the provider
// said: an error body may quote the message it was sent (the model's
// words or the forwarded text). It keeps the HTTP status and the
// context's error, which say enough to act on.
func callError(err error) error {
	var apiErr *openai.APIError
	if errors.As(err, &apiErr) {
		return fmt.Errorf("provider answered HTTP %d (error body not logged)", apiErr.HTTPStatusCode)
	}
	var reqErr *openai.RequestError
	if errors.As(err, &reqErr) {
		return fmt.Errorf("provider answered HTTP %d (body not logged)", reqErr.HTTPStatusCode)
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("no answer in time: %w", context.DeadlineExceeded)
	case errors.Is(err, context.Canceled):
		return fmt.Errorf("call cancelled: %w", context.Canceled)
	}
	// Network errors name the endpoint, never the request's content.
	return err
}
