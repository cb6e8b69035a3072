package bot

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/scamcheck/scamcheck/bot/store"
	"github.com/scamcheck/scamcheck/classifier"
	"github.com/scamcheck/scamcheck/dialogs"
	"github.com/scamcheck/scamcheck/internal/fakeclock"
	"github.com/scamcheck/scamcheck/internal/redistest"
	"github.com/scamcheck/scamcheck/locales"
)

// countingChecker counts the checks it is asked for and remembers the
// longest text it saw.
type countingChecker struct {
	mu      sync.Mutex
	n       int
	longest int
	valid   bool
	last    string // the last text checked
	rules   *classifier.Classifier
}

func (c *countingChecker) Check(_ context.Context, _ string, text string) classifier.Verdict {
	c.mu.Lock()
	c.n++
	c.longest = max(c.longest, len(text))
	c.valid = utf8.ValidString(text)
	c.last = text
	c.mu.Unlock()
	return c.rules.Classify(text)
}

func (c *countingChecker) count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.n
}

func newLimitedEngine(t *testing.T, s SessionStore, l *Limits) (*Engine, *countingChecker) {
	t.Helper()
	rules, err := classifier.New()
	if err != nil {
		t.Fatal(err)
	}
	c := &countingChecker{rules: rules}
	e, err := New(Options{Store: s, Checker: c, Catalog: locales.MustLoad(), Secret: []byte(secret), Limits: l})
	if err != nil {
		t.Fatal(err)
	}
	return e, c
}

// limitObserver counts refused checks by window.
type limitObserver struct {
	mu sync.Mutex
	n  map[string]int
}

func (o *limitObserver) CheckLimited(window string) {
	o.mu.Lock()
	defer o.mu.Unlock()
	if o.n == nil {
		o.n = map[string]int{}
	}
	o.n[window]++
}

// person sends updates with fresh ids and keeps the replies.
type person struct {
	t    *testing.T
	e    *Engine
	id   string
	lang string
	n    int
	last []dialogs.Rendered
}

func (p *person) send(u Update) []dialogs.Rendered {
	p.t.Helper()
	p.n++
	u.ID = "tg:1:" + p.id + ":" + strconv.Itoa(p.n)
	u.UserID, u.ChatKey, u.Lang = p.id, p.id, p.lang
	r := &recorder{}
	if err := p.e.Handle(context.Background(), u, r); err != nil {
		p.t.Fatalf("Handle %v: %v", u.Kind, err)
	}
	p.last = r.replies
	return r.replies
}

func (p *person) text(s string) string {
	return joined(p.send(Update{Kind: KindText, Text: s}))
}

func (p *person) command(cmd string) string {
	return joined(p.send(Update{Kind: KindCommand, Command: cmd}))
}

func joined(rs []dialogs.Rendered) string {
	var b strings.Builder
	for _, r := range rs {
		b.WriteString(r.Text)
		b.WriteString("\n")
	}
	return b.String()
}

// lastChoice is the data of the button with label key in the last replies.
func (p *person) lastChoice(label string) string {
	p.t.Helper()
	for _, r := range p.last {
		for _, row := range r.Choices {
			for _, c := range row {
				if c.Label == label {
					return c.Data
				}
			}
		}
	}
	p.t.Fatalf("no button %q in the last replies: %q", label, joined(p.last))
	return ""
}

func render(t *testing.T, lang, key string, params map[string]string) string {
	t.Helper()
	s, err := locales.MustLoad().Render(lang, key, params)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// prefixOf is the part of a catalog text before its first parameter.
func prefixOf(t *testing.T, lang, key string) string {
	t.Helper()
	s := render(t, lang, key, map[string]string{"seconds": "\x00", "hours": "\x00"})
	head, _, _ := strings.Cut(s, "\x00")
	return head
}

func TestChecksOverTheMinuteLimitGetACalmReplyAndStepsStayOpen(t *testing.T) {
	for _, lang := range []string{"en", "zh"} {
		t.Run(lang, func(t *testing.T) {
			obs := &limitObserver{}
			e, c := newLimitedEngine(t, store.NewMemory(), &Limits{PerMinute: 3, Observer: obs})
			p := &person{t: t, e: e, id: "31000" + lang, lang: lang}
			for i := 0; i < 3; i++ {
				if got := p.text(scam + " " + strconv.Itoa(i)); strings.Contains(got, prefixOf(t, lang, "limits.minute")) {
					t.Fatalf("check %d of 3: got the limit reply %q, want a verdict", i+1, got)
				}
			}
			got := p.text(scam)
			if !strings.Contains(got, prefixOf(t, lang, "limits.minute")) || !strings.Contains(got, render(t, lang, "limits.still_open", nil)) {
				t.Errorf("check 4 of 3: got %q, want the minute-limit reply with the way to the steps", got)
			}
			if c.count() != 3 {
				t.Errorf("checks made: got %d, want 3 (the fourth refused before the checker)", c.count())
			}
			if obs.n["minute"] != 1 {
				t.Errorf("observed minute refusals: got %d, want 1", obs.n["minute"])
			}

			// Everything that leads to the steps still works.
			limited := render(t, lang, "limits.still_open", nil)
			for _, cmd := range []string{"start", "help", "cancel"} {
				if got := p.command(cmd); got == "" || strings.Contains(got, limited) {
					t.Errorf("/%s while limited: got %q, want its normal answer", cmd, got)
				}
			}
			p.command("start")
			callLabel := render(t, lang, "btn.call", nil)
			if got := joined(p.send(Update{Kind: KindChoice, Data: p.lastChoice(callLabel)})); got == "" || strings.Contains(got, limited) {
				t.Errorf("pressing %q while limited: got %q, want the call steps", callLabel, got)
			}
			if got := p.command("forget"); !strings.Contains(got, render(t, lang, "forget.done", nil)) {
				t.Errorf("/forget while limited: got %q, want the deletion confirmed", got)
			}
			if c.count() != 3 {
				t.Errorf("checks made after commands and buttons: got %d, want still 3", c.count())
			}
		})
	}
}

func TestShortAnswersToAQuestionAreNotChecksAndNotLimited(t *testing.T) {
	e, c := newLimitedEngine(t, store.NewMemory(), &Limits{PerMinute: 1})
	p := &person{t: t, e: e, id: "32000", lang: "en"}
	p.text(scam) // the one check of the minute
	p.command("start")
	p.send(Update{Kind: KindChoice, Data: p.lastChoice(render(t, "en", "btn.where", nil))})
	// Asked where they are: the answer is a step, not a check.
	if got := p.text("Germany"); strings.Contains(got, prefixOf(t, "en", "limits.minute")) {
		t.Errorf("answering where I am while limited: got the limit reply %q", got)
	}
	if c.count() > 2 {
		t.Errorf("checks: got %d, want the answer not counted", c.count())
	}
}

func TestDayLimitHoldsAcrossReplicasAndRestartsWithoutAKeyOfItsOwn(t *testing.T) {
	srv := redistest.Start(t)
	rc := srv.Client()
	st := store.NewRedis(rc, "")
	obs := &limitObserver{}
	// Two replicas on one Redis, each with its own engine and limits.
	a, ca := newLimitedEngine(t, st, &Limits{PerDay: 3, Observer: obs})
	b, cb := newLimitedEngine(t, st, &Limits{PerDay: 3, Observer: obs})
	p := &person{t: t, e: a, id: "33000333", lang: "zh"}
	p.text(scam)
	p.e = b
	p.text(scam + "!")
	p.e = a
	p.text(scam + "!!")
	p.e = b
	got := p.text(scam + "!!!")
	dayHead := prefixOf(t, "zh", "limits.day")
	hourHead := render(t, "zh", "limits.day_hour", nil)
	if !strings.Contains(got, dayHead) && !strings.Contains(got, hourHead) {
		t.Errorf("fourth check with 3 a day, on two replicas: got %q, want the day-limit reply", got)
	}
	if n := ca.count() + cb.count(); n != 3 || obs.n["day"] != 1 {
		t.Errorf("checks made, day refusals: got %d, %d, want 3, 1", n, obs.n["day"])
	}
	// A restarted replica reads the count from the session, and that the
	// person was told already: the refusal gets no second reply.
	c, cc := newLimitedEngine(t, st, &Limits{PerDay: 3})
	p.e = c
	if got := p.text(scam + "?"); got != "" {
		t.Errorf("after a restart: got %q, want no reply (the day limit was told)", got)
	}
	if cc.count() != 0 {
		t.Errorf("checks by the restarted replica: got %d, want 0", cc.count())
	}

	// The count is part of the person's record: no key of its own.
	ctx := context.Background()
	keys, err := rc.Keys(ctx, "*").Result()
	if err != nil || len(keys) != 1 || keys[0] != store.DefaultPrefix+"u:{"+c.UserKey(p.id)+"}:s" {
		t.Errorf("keys in Redis: got %q (%v), want the person's record alone", keys, err)
	}
	// /forget deletes the count with the rest; the person starts afresh.
	p.command("forget")
	if got := p.text(scam + "…"); strings.Contains(got, dayHead) || strings.Contains(got, hourHead) {
		t.Errorf("first check after /forget: got the day-limit reply %q", got)
	}
}

func TestMinuteLimitHoldsAcrossReplicas(t *testing.T) {
	st := store.NewMemory()
	clock := fakeclock.New(time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC))
	a, ca := newLimitedEngine(t, st, &Limits{PerMinute: 2, now: clock.Now})
	b, cb := newLimitedEngine(t, st, &Limits{PerMinute: 2, now: clock.Now})
	p := &person{t: t, e: a, id: "36000", lang: "en"}
	p.text(scam)
	p.e = b
	p.text(scam + "!")
	p.e = a
	got := p.text(scam + "!!")
	if !strings.Contains(got, prefixOf(t, "en", "limits.minute")) {
		t.Fatalf("third check of 2 a minute, on two replicas: got %q, want the minute-limit reply", got)
	}
	if !strings.Contains(got, "30") {
		t.Errorf("minute-limit reply: got %q, want it to name 30 seconds", got)
	}
	clock.Advance(30 * time.Second)
	p.e = b
	if got := p.text(scam + "?"); strings.Contains(got, prefixOf(t, "en", "limits.minute")) {
		t.Errorf("30 seconds later: got the limit reply %q, want a verdict", got)
	}
	if n := ca.count() + cb.count(); n != 3 {
		t.Errorf("checks made: got %d, want 3", n)
	}
}

func TestMinuteLimitIsABurstThenAnEvenRate(t *testing.T) {
	l := &Limits{PerMinute: 6} // a burst of 6, then one every 10s
	t0 := time.Date(2026, 12, 2, 10, 0, 0, 0, time.UTC)
	var next int64
	at := func(d time.Duration) time.Time { return t0.Add(d) }
	for i := 0; i < 6; i++ {
		var ok bool
		if next, _, ok = l.minute(next, at(0)); !ok {
			t.Fatalf("check %d of the burst of 6: refused", i+1)
		}
	}
	for _, tc := range []struct {
		at       time.Duration
		wantOK   bool
		wantWait time.Duration
	}{
		{0, false, 10 * time.Second},
		{4 * time.Second, false, 6 * time.Second},
		{10 * time.Second, true, 0},
		{11 * time.Second, false, 9 * time.Second},
		{20 * time.Second, true, 0},
		// Idle for ten minutes: the whole burst is back, and no more.
		{10 * time.Minute, true, 0},
	} {
		n, wait, ok := l.minute(next, at(tc.at))
		if ok != tc.wantOK || wait != tc.wantWait {
			t.Errorf("check at +%v: got (ok %v, wait %v), want (ok %v, wait %v)", tc.at, ok, wait, tc.wantOK, tc.wantWait)
		}
		if ok {
			next = n
		}
	}
	allowed := 1 // the one at +10m above
	for i := 0; i < 10; i++ {
		if n, _, ok := l.minute(next, at(10*time.Minute)); ok {
			next = n
			allowed++
		}
	}
	if allowed != 6 {
		t.Errorf("checks allowed at once after ten idle minutes: got %d, want the burst of 6", allowed)
	}
}

func TestAStoreThatFailsLetsTheCheckThrough(t *testing.T) {
	e, c := newLimitedEngine(t, brokenStore{}, &Limits{PerMinute: 1, PerDay: 1})
	p := &person{t: t, e: e, id: "34000", lang: "en"}
	for i := 0; i < 3; i++ {
		p.text(scam + strconv.Itoa(i))
	}
	if c.count() != 3 {
		t.Errorf("checks with the store down: got %d, want 3 (an answer matters more than a limit)", c.count())
	}
}

// TestAQuotedMessageIsCheckedWithoutThePersonsWords: a message quoted in
// the person's own words is checked alone. With the person's "I didn't
// press, I hung up" the rules read a refusal and the warning was lost.
func TestAQuotedMessageIsCheckedWithoutThePersonsWords(t *testing.T) {
	e, c := newLimitedEngine(t, store.NewMemory(), nil)
	p := &person{t: t, e: e, id: "35500", lang: "zh"}
	quoted := "中国驻英国大使馆通知：您有一份涉及护照的紧急文件尚未领取，逾期将被注销，请按9转人工处理"
	got := p.text("“" + quoted + "” 我没按，直接挂了，这是诈骗吧")
	if c.last != quoted {
		t.Errorf("checked %q, want only the quoted message %q", c.last, quoted)
	}
	if strings.Contains(got, prefixOf(t, "zh", "verdict.none")) {
		t.Errorf("a quoted scam got the all-clear: %q", got)
	}
}

// TestAPastedMessageIsCheckedWithoutThePersonsLine: a message pasted as
// its own paragraph, under the person's question, is checked alone.
func TestAPastedMessageIsCheckedWithoutThePersonsLine(t *testing.T) {
	e, c := newLimitedEngine(t, store.NewMemory(), nil)
	p := &person{t: t, e: e, id: "35600", lang: "en"}
	pasted := "Your parcel is held at customs. Pay the £2.99 duty within 24 hours at parcel-duty-uk.top or it will be returned."
	p.text("my flatmate got this, is it real? i already said it was fine\n\n" + pasted)
	if c.last != pasted {
		t.Errorf("checked %q, want only the pasted message %q", c.last, pasted)
	}
}

func TestA100KBMessageIsCutAndAnswered(t *testing.T) {
	e, c := newLimitedEngine(t, store.NewMemory(), nil)
	p := &person{t: t, e: e, id: "35000", lang: "zh"}
	// 100 KB: a scam sentence, then a run of three-byte runes cut mid-rune
	// at the end, then invalid bytes.
	big := scam + strings.Repeat("转账到安全账户", 100<<10/21) + "\xe4\xb8" + "\xff\xfe"
	if len(big) < 100<<10 {
		t.Fatalf("test message: got %d bytes, want at least 100 KB", len(big))
	}
	got := p.send(Update{Kind: KindText, Text: big})
	if len(got) == 0 {
		t.Fatal("a 100 KB message got no reply")
	}
	if c.longest > MaxCheckBytes || !c.valid {
		t.Errorf("text given to the checker: %d bytes, valid UTF-8 %v; want at most %d and valid", c.longest, c.valid, MaxCheckBytes)
	}
}

func TestLimitWaitIsRoundedToAFigureAPersonCanUse(t *testing.T) {
	for _, tc := range []struct {
		in   time.Duration
		want int
	}{{time.Millisecond, 5}, {5 * time.Second, 5}, {5100 * time.Millisecond, 10}, {59 * time.Second, 60}} {
		if got := roundUpSeconds(tc.in); got != tc.want {
			t.Errorf("roundUpSeconds(%v): got %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestLimitStateIsStoredAsThreeNumbers(t *testing.T) {
	in := limitState{Next: 1_780_000_123_456, Day: 20261202, N: 7}
	b, err := json.Marshal(in)
	if err != nil || string(b) != "[1780000123456,20261202,7]" {
		t.Fatalf("Marshal: got (%s, %v), want [1780000123456,20261202,7]", b, err)
	}
	var out limitState
	if err := json.Unmarshal(b, &out); err != nil || out != in {
		t.Errorf("Unmarshal: got (%+v, %v), want %+v", out, err, in)
	}
	told := limitState{Next: 1, Day: 2, N: 3, Told: 4}
	if b, err := json.Marshal(told); err != nil || string(b) != "[1,2,3,4]" {
		t.Errorf("Marshal with a refusal told: got (%s, %v), want [1,2,3,4]", b, err)
	}
	if err := json.Unmarshal([]byte("[1,2,3,4]"), &out); err != nil || out != told {
		t.Errorf("Unmarshal([1,2,3,4]): got (%+v, %v), want %+v", out, err, told)
	}
	for _, bad := range []string{`{"t":1}`, `[1,2]`, `[1,2,3,4,5]`, `[1,2,3,-4]`, `[1,-2,3]`, `[1,2,99999999999]`, `"x"`} {
		if err := json.Unmarshal([]byte(bad), &out); err == nil {
			t.Errorf("Unmarshal(%s): got nil error, want one", bad)
		}
	}
}

// Refused checks are not answered one by one: twenty messages sent in a
// hurry get one "wait", and the next refusal after that wait is told again.
func TestARefusalIsToldOncePerWait(t *testing.T) {
	clock := fakeclock.New(time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC))
	obs := &limitObserver{}
	e, c := newLimitedEngine(t, store.NewMemory(), &Limits{PerMinute: 2, Observer: obs, now: clock.Now})
	p := &person{t: t, e: e, id: "37000", lang: "en"}
	p.text(scam)
	p.text(scam + "!")
	head := prefixOf(t, "en", "limits.minute")
	replies := 0
	for i := range 20 {
		got := p.text(scam + strconv.Itoa(i))
		switch {
		case strings.Contains(got, head):
			replies++
		case got != "":
			t.Errorf("refused check %d: got %q, want the limit reply or nothing", i+1, got)
		}
	}
	if replies != 1 || obs.n["minute"] != 20 || c.count() != 2 {
		t.Errorf("20 refused checks: got %d replies, %d counted refusals, %d checks; want 1, 20, 2", replies, obs.n["minute"], c.count())
	}
	clock.Advance(30 * time.Second) // the wait told is over: one check is due
	if got := p.text(scam + "?"); strings.Contains(got, head) || got == "" {
		t.Errorf("after the wait: got %q, want a verdict", got)
	}
	if got := p.text(scam + "??"); !strings.Contains(got, head) {
		t.Errorf("the next refusal after the wait: got %q, want it told again", got)
	}
}
