package bot

import (
	"encoding/json"
	"fmt"
	"math"
	"strconv"
	"time"
	"unicode/utf8"

	"go.uber.org/zap"

	"github.com/scamcheck/scamcheck/dialogs"
)

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
// What the limits remember of a person (limitState) travels in their
// session record, which the engine loads and saves under the person's lock
// anyway: the limits cost no round trip of their own, hold across replicas
// and restarts, and never race (one handling per person at a time). A
// store that fails gives a fresh state, which lets the check through: an
// answer matters more than a limit. /forget deletes the counts with the
// rest of the record.
type Limits struct {
	// PerMinute is the steady rate of checks per person (and the burst);
	// zero or less means no minute limit.
	PerMinute int
	// PerDay caps checks per person per UTC day; zero or less means no
	// day limit.
	PerDay int
	// Observer is told about refused checks; may be nil.
	Observer LimitObserver

	// now is the clock; tests may replace it.
	now func() time.Time
}

// limitState is what the limits keep of one person, in their session
// record. The zero value is a person who has checked nothing.
type limitState struct {
	// Next is when, in Unix milliseconds, the minute limit's next check is
	// due without any burst: the "theoretical arrival time" of the generic
	// cell rate algorithm, a token bucket kept as one number.
	Next int64
	// Day is the UTC day (yyyymmdd) N counts.
	Day int32
	// N is the checks made on Day.
	N int32
	// Told is when, in Unix milliseconds, the refusal the person was last
	// told about ends: refused checks before it get no reply of their
	// own, so that twenty messages sent in a hurry get one "wait" and not
	// twenty paced replies that hold the chat up.
	Told int64
}

// MarshalJSON writes the state as [next, day, n], and told after them
// when a refusal was told: it is in every session, and field names would
// be a tenth of one.
func (l limitState) MarshalJSON() ([]byte, error) {
	if l.Told != 0 {
		return json.Marshal([4]int64{l.Next, int64(l.Day), int64(l.N), l.Told})
	}
	return json.Marshal([3]int64{l.Next, int64(l.Day), int64(l.N)})
}

// UnmarshalJSON reads [next, day, n] or [next, day, n, told]; anything
// else is an error, which the engine treats as an unreadable session.
func (l *limitState) UnmarshalJSON(b []byte) error {
	var v []int64
	if err := json.Unmarshal(b, &v); err != nil {
		return fmt.Errorf("limit state: %w", err)
	}
	if len(v) != 3 && len(v) != 4 {
		return fmt.Errorf("limit state: %d numbers, want 3 or 4", len(v))
	}
	if v[1] < 0 || v[1] > math.MaxInt32 || v[2] < 0 || v[2] > math.MaxInt32 {
		return fmt.Errorf("limit state: day %d or count %d out of range", v[1], v[2])
	}
	*l = limitState{Next: v[0], Day: int32(v[1]), N: int32(v[2])}
	if len(v) == 4 {
		if v[3] < 0 {
			return fmt.Errorf("limit state: told %d out of range", v[3])
		}
		l.Told = v[3]
	}
	return nil
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

// limitCheck decides whether the text update may be checked, and counts
// it in lim when it may. When it may not, it returns the reply that says
// so, in the person's language, and when to try again. It is called by the
// engine for messages to check only.
func (e *Engine) limitCheck(log *zap.Logger, s dialogs.State, lim *limitState, text string) ([]dialogs.Reply, bool) {
	l := e.o.Limits
	if l == nil || answersQuestion(s, text) {
		return nil, false
	}
	now := time.Now()
	if l.now != nil {
		now = l.now()
	}
	next, wait, ok := l.minute(lim.Next, now)
	if !ok {
		l.observe("minute")
		if told := lim.tell(now, now.Add(wait)); !told {
			log.Info("check refused: minute limit; already told", zap.Duration("retry_in", wait))
			return nil, true
		}
		log.Info("check refused: minute limit", zap.Duration("retry_in", wait))
		return []dialogs.Reply{limitReply("limits.minute", "seconds", strconv.Itoa(roundUpSeconds(wait)))}, true
	}
	day, n := utcDay(now), lim.N
	if lim.Day != day {
		n = 0
	}
	if l.PerDay > 0 && n >= int32(l.PerDay) {
		l.observe("day")
		untilMidnight := now.UTC().Truncate(24 * time.Hour).Add(24 * time.Hour).Sub(now.UTC())
		if told := lim.tell(now, now.Add(untilMidnight)); !told {
			log.Info("check refused: day limit; already told", zap.Duration("retry_in", untilMidnight))
			return nil, true
		}
		log.Info("check refused: day limit", zap.Duration("retry_in", untilMidnight))
		if untilMidnight <= time.Hour {
			return []dialogs.Reply{limitReply("limits.day_hour", "", "")}, true
		}
		hours := int((untilMidnight + time.Hour - 1) / time.Hour)
		return []dialogs.Reply{limitReply("limits.day", "hours", strconv.Itoa(hours))}, true
	}
	// Both windows allow it: only now is the check counted, so a refused
	// one costs nothing.
	lim.Next = next
	if l.PerDay > 0 {
		lim.Day, lim.N = day, n+1
	}
	return nil, false
}

// tell reports whether a refusal at now is to be told to the person:
// not when an earlier refusal's wait, which they were told, runs on. When
// it is, the wait told (until) is remembered.
func (l *limitState) tell(now, until time.Time) bool {
	if now.UnixMilli() < l.Told {
		return false
	}
	l.Told = until.UnixMilli()
	return true
}

// minute applies the minute limit to a check at now, given the person's
// next due time: a burst of PerMinute checks, then one every 60/PerMinute
// seconds. It returns the next due time to keep when the check is allowed,
// and how long to wait when it is not.
func (l *Limits) minute(nextMillis int64, now time.Time) (next int64, wait time.Duration, ok bool) {
	if l.PerMinute <= 0 {
		return nextMillis, 0, true
	}
	interval := time.Minute / time.Duration(l.PerMinute)
	tolerance := interval * time.Duration(l.PerMinute-1)
	due := time.UnixMilli(nextMillis)
	if due.Before(now) {
		due = now
	}
	if ahead := due.Sub(now); ahead > tolerance {
		return nextMillis, ahead - tolerance, false
	}
	return due.Add(interval).UnixMilli(), 0, true
}

// utcDay is now's UTC date as yyyymmdd.
func utcDay(now time.Time) int32 {
	y, m, d := now.UTC().Date()
	return int32(y*10000 + int(m)*100 + d)
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

func (l *Limits) observe(window string) {
	if l.Observer != nil {
		l.Observer.CheckLimited(window)
	}
}
