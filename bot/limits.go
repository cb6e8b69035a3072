package bot

import (
	"context"
	"strconv"
	"sync"
	"time"
	"unicode/utf8"

	"go.uber.org/zap"
	"golang.org/x/time/rate"

	"github.com/scamcheck/scamcheck/dialogs"
)

// Counter counts events in windows; the session stores implement it.
type Counter interface {
	// IncrWithTTL adds one to key, setting ttl when the key is new, and
	// returns the new value.
	IncrWithTTL(ctx context.Context, key string, ttl time.Duration) (int64, error)
}

// LimitObserver is told when a check is refused; the metrics package
// implements it.
type LimitObserver interface {
	// CheckLimited records a refused check; window is "minute" or "day".
	CheckLimited(window string)
}

// Limits bound how many messages one person can have checked, so that one
// account (or a script) cannot flood the bot or spend the model's budget.
// Only messages to check count: commands, button presses and short answers
// to the question just asked never do, because a person being defrauded
// must always reach the steps.
//
// The minute limit is a token bucket held in this process: a flood is
// refused without touching the store, and a burst of forwards (a whole
// chat history) passes. With several replicas each holds its own bucket,
// so the effective minute limit is at most the replica count times
// PerMinute. The day limit is counted in the store (one round trip per
// check, with a TTL), so it holds across replicas and restarts. A store
// that fails lets the check through: an answer matters more than a limit.
type Limits struct {
	// PerMinute is the steady rate of checks per person (and the burst);
	// zero or less means no minute limit.
	PerMinute int
	// PerDay caps checks per person per UTC day; zero or less means no
	// day limit.
	PerDay int
	// Counter keeps the day counts; nil disables the day limit.
	Counter Counter
	// Observer is told about refused checks; may be nil.
	Observer LimitObserver

	mu      sync.Mutex
	buckets map[string]*rate.Limiter
	sweepAt int
}

// Default limits: generous for a person checking what they receive, tight
// for a script.
const (
	DefaultChecksPerMinute = 10
	DefaultChecksPerDay    = 200
)

// shortAnswerRunes is the length up to which typed text in reply to a
// question is taken as an answer, not a message to check (as the dialog
// does).
const shortAnswerRunes = 30

// minBuckets is the number of people's buckets kept before idle ones are
// swept.
const minBuckets = 4096

// limitCheck decides whether the text update may be checked. When it may
// not, it returns the reply that says so, in the person's language, and
// when to try again. It is called by the engine for messages to check
// only.
func (e *Engine) limitCheck(ctx context.Context, log *zap.Logger, userKey string, s dialogs.State, text string) ([]dialogs.Reply, bool) {
	l := e.o.Limits
	if l == nil || answersQuestion(s, text) {
		return nil, false
	}
	now := time.Now()
	if wait, ok := l.allowMinute(userKey, now); !ok {
		l.observe("minute")
		log.Info("check refused: minute limit", zap.Duration("retry_in", wait))
		return []dialogs.Reply{limitReply("limits.minute", "seconds", strconv.Itoa(roundUpSeconds(wait)))}, true
	}
	if l.PerDay <= 0 || l.Counter == nil {
		return nil, false
	}
	sctx, cancel := context.WithTimeout(ctx, e.o.StoreTimeout)
	defer cancel()
	day := now.UTC().Format("20060102")
	// The hash tag puts the count on the person's Cluster slot, and the
	// keyed hash in the key lets /forget find and delete it.
	n, err := l.Counter.IncrWithTTL(sctx, "lim:{"+userKey+"}:d:"+day, 25*time.Hour)
	if err != nil {
		log.Warn("day limit not counted; checking anyway", zap.Error(err))
		return nil, false
	}
	if n <= int64(l.PerDay) {
		return nil, false
	}
	l.observe("day")
	untilMidnight := now.UTC().Truncate(24 * time.Hour).Add(24 * time.Hour).Sub(now.UTC())
	log.Info("check refused: day limit", zap.Duration("retry_in", untilMidnight))
	if untilMidnight <= time.Hour {
		return []dialogs.Reply{limitReply("limits.day_hour", "", "")}, true
	}
	hours := int((untilMidnight + time.Hour - 1) / time.Hour)
	return []dialogs.Reply{limitReply("limits.day", "hours", strconv.Itoa(hours))}, true
}

// answersQuestion reports whether text is a short reply to the question
// the dialog just asked (yes/no, a country, a language, "nothing happened
// yet"); those are steps of the conversation, not checks.
func answersQuestion(s dialogs.State, text string) bool {
	switch s.Node {
	case dialogs.NodeQuiz, dialogs.NodeCountry, dialogs.NodeLang, dialogs.NodeVerdict:
		return utf8.RuneCountInString(text) <= shortAnswerRunes
	}
	return false
}

func limitReply(key, param, val string) dialogs.Reply {
	t := dialogs.Text{Key: key}
	if param != "" {
		t.Params = map[string]string{param: val}
	}
	// The second text is the way out that always works: commands and
	// buttons are never limited.
	return dialogs.Reply{Texts: []dialogs.Text{t, {Key: "limits.still_open"}}}
}

// roundUpSeconds rounds d up to a multiple of 5 seconds (at least 5), a
// figure a person can act on.
func roundUpSeconds(d time.Duration) int {
	s := int((d + time.Second - 1) / time.Second)
	return max(5, (s+4)/5*5)
}

// allowMinute takes a token from the person's bucket; when there is none
// it returns how long until there is.
func (l *Limits) allowMinute(userKey string, now time.Time) (time.Duration, bool) {
	if l.PerMinute <= 0 {
		return 0, true
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.buckets == nil {
		l.buckets, l.sweepAt = map[string]*rate.Limiter{}, minBuckets
	}
	b := l.buckets[userKey]
	if b == nil {
		if len(l.buckets) >= l.sweepAt {
			// A full bucket is the same as no bucket: drop those, so the
			// map holds only people active in the last minute.
			for k, b := range l.buckets {
				if b.TokensAt(now) >= float64(b.Burst()) {
					delete(l.buckets, k)
				}
			}
			l.sweepAt = max(2*len(l.buckets), minBuckets)
		}
		b = rate.NewLimiter(rate.Limit(float64(l.PerMinute)/60), l.PerMinute)
		l.buckets[userKey] = b
	}
	r := b.ReserveN(now, 1)
	if d := r.DelayFrom(now); d > 0 {
		r.CancelAt(now)
		return d, false
	}
	return 0, true
}

func (l *Limits) observe(window string) {
	if l.Observer != nil {
		l.Observer.CheckLimited(window)
	}
}
